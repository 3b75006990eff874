import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its function is the `default` of the module object.
const addFormats = formats.default;

/** The project's shared JSON Schemas (one truth for widgets and server) live in the repository root. */
const SCHEMA_DIR = fileURLToPath(new URL('../../../schemas/', import.meta.url));
const SCHEMA_FILES = [
  'common',
  'peiling.definition',
  'meedenksessie.definition',
  'ervaring.definition',
  'networks',
  'submission',
  'answer',
] as const;

/** Server-only settings in the content folder (`config.json`). */
const configSchema = {
  $id: 'server-config.schema.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    allowedOrigins: { type: 'array', items: { type: 'string', pattern: '^https?://[^/]+$' } },
    retentionDays: { type: 'integer', minimum: 1 },
    publicUrl: { type: 'string', pattern: '^https?://' },
    // The organisation a start-up import puts this folder's forms in; name and privacy link are
    // used only when the import creates it (after that the console owns them).
    organisation: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
        name: { type: 'string', minLength: 1 },
        privacyUrl: { type: 'string', minLength: 1 },
      },
    },
    rateLimit: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max: { type: 'integer', minimum: 1 },
        timeWindowSeconds: { type: 'integer', minimum: 1 },
      },
    },
  },
};

/** Fields a form file may carry for the server only; removed before the definition is served. */
const formServerFieldsSchema = {
  $id: 'server-form-fields.schema.json',
  type: 'object',
  properties: {
    allowedOrigins: { type: 'array', items: { type: 'string', pattern: '^https?://[^/]+$' } },
    retentionDays: { type: 'integer', minimum: 1 },
    pageUrl: { type: 'string', pattern: '^https?://' },
    reminders: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['daysBefore', 'at'],
        properties: {
          daysBefore: { type: 'integer', minimum: 0, maximum: 60 },
          at: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
        },
      },
    },
    sessions: { type: 'array', items: { type: 'object', properties: { onlineUrl: { type: 'string', pattern: '^https://' } } } },
  },
};

export type SchemaName = (typeof SCHEMA_FILES)[number] | 'server-config' | 'server-form-fields';

export interface Schemas {
  validator(name: SchemaName): ValidateFunction;
}

export function loadSchemas(schemaDir = SCHEMA_DIR): Schemas {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const name of SCHEMA_FILES) {
    ajv.addSchema(JSON.parse(readFileSync(`${schemaDir}${name}.schema.json`, 'utf8')));
  }
  ajv.addSchema(configSchema);
  ajv.addSchema(formServerFieldsSchema);
  const cache = new Map<SchemaName, ValidateFunction>();
  return {
    validator(name) {
      let validate = cache.get(name);
      if (!validate) {
        validate = ajv.getSchema(`${name}.schema.json`);
        if (!validate) throw new Error(`Unknown schema ${name}`);
        cache.set(name, validate);
      }
      return validate;
    },
  };
}

export type { ErrorObject };
