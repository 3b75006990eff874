import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, SchemaName, Schemas } from './schemas.js';

import type { ErvaringDefinition, MeedenksessieDefinition, PeilingDefinition } from './schema-types.js';

// The definitions' types are generated from schemas/ (npm run schemas), as the widgets' are.
export type {
  ErvaringDefinition,
  LocalizedText,
  MeedenksessieDefinition,
  MeedenksessieSession,
  Option,
  PeilingDefinition,
  PeilingQuestion,
} from './schema-types.js';

export type FormDefinition = PeilingDefinition | MeedenksessieDefinition | ErvaringDefinition;
export type FormType = FormDefinition['type'];
export const FORM_TYPES: readonly FormType[] = ['peiling', 'meedenksessie', 'ervaring'];

/**
 * A form definition as its author wrote it, in a file of the content folder or in the console: the
 * public definition of the contract plus the fields only the server reads (see SERVER_ONLY_FIELDS).
 * This is what the database keeps per version.
 */
export type AuthoredDefinition = Record<string, unknown> & { id: string; type: FormType };

/** A form as the server uses it: the public definition (what parents get) plus server-only settings. */
export interface Form {
  definition: FormDefinition & Record<string, unknown>;
  allowedOrigins: string[];
  retentionDays?: number;
  /** The page where the form is embedded: the calendar entries in e-mails link back to it. */
  pageUrl?: string;
  /** Sign-up forms: when reminders go out (default two days before and on the morning itself). */
  reminders?: Reminder[];
  /** Sign-up forms: the meeting link per online session, sent only to parents with a place. */
  onlineUrls: Record<string, string>;
  /** The stored version this definition is (a file read on its own counts as version 1). */
  version: number;
}

/** A reminder `daysBefore` the session's day, at `at` o'clock in Amsterdam. */
export interface Reminder {
  daysBefore: number;
  at: string;
}

export interface ServerConfig {
  allowedOrigins: string[];
  retentionDays: number;
  publicUrl?: string;
  rateLimit: { max: number; timeWindowSeconds: number };
  /** The organisation a start-up import puts the folder's forms and networks in. */
  organisation?: { id: string; name?: string; privacyUrl?: string };
}

export interface Content {
  config: ServerConfig;
  /** The folder's form definitions as written, by id. */
  forms: Map<string, AuthoredDefinition>;
  networks?: Record<string, unknown>;
}

export class ContentError extends Error {}

const SERVER_ONLY_FIELDS = ['allowedOrigins', 'retentionDays', 'pageUrl', 'reminders'] as const;
const CONFIG_FILE = 'config.json';
const NETWORKS_FILE = 'networks.json';

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

function check(schemas: Schemas, name: Parameters<Schemas['validator']>[0], value: unknown, file: string): void {
  const validate = schemas.validator(name);
  if (validate(value)) return;
  const problems = (validate.errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => `  at ${error.instancePath || '/'}: ${error.message ?? error.keyword}`);
  throw new ContentError(`${file} does not match ${name}.schema.json:\n${[...new Set(problems)].join('\n')}`);
}

/**
 * Reads every JSON file in the content folder: `config.json` (server settings), `networks.json` (the
 * network map) and one file per form, each validated against its schema. Any problem throws a
 * ContentError naming the file and the JSON path, so a broken file stops start-up.
 */
export function loadContent(dir: string, schemas: Schemas): Content {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch {
    throw new ContentError(`${dir}: content folder not found`);
  }
  const config: ServerConfig = { allowedOrigins: [], retentionDays: 365, rateLimit: { max: 30, timeWindowSeconds: 60 } };
  const forms = new Map<string, AuthoredDefinition>();
  const files = new Map<string, string>();
  let networks: Record<string, unknown> | undefined;

  for (const name of names) {
    const file = join(dir, name);
    const value = readJson(file);
    if (name === CONFIG_FILE) {
      check(schemas, 'server-config', value, file);
      const given = value as Partial<ServerConfig>;
      Object.assign(config, given, { rateLimit: { ...config.rateLimit, ...given.rateLimit } });
      continue;
    }
    if (name === NETWORKS_FILE) {
      check(schemas, 'networks', value, file);
      networks = value as Record<string, unknown>;
      continue;
    }
    const type = (value as { type?: unknown } | null)?.type;
    if (type !== 'peiling' && type !== 'meedenksessie' && type !== 'ervaring') {
      throw new ContentError(`${file} at /type: expected "peiling", "meedenksessie" or "ervaring"`);
    }
    check(schemas, `${type}.definition`, value, file);
    check(schemas, 'server-form-fields', value, file);
    const raw = value as AuthoredDefinition;
    if (forms.has(raw.id)) throw new ContentError(`${file} at /id: "${raw.id}" is also used by ${files.get(raw.id)}`);
    forms.set(raw.id, raw);
    files.set(raw.id, file);
  }
  return { config, forms, networks };
}

/** Schema problems of an authored definition: its type's public schema and the server-only fields. */
export function definitionErrors(schemas: Schemas, value: unknown): ErrorObject[] {
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(FORM_TYPES as readonly string[]).includes(type)) {
    return [{ instancePath: '/type', schemaPath: '', keyword: 'enum', params: { allowedValues: FORM_TYPES }, message: 'unknown type' }];
  }
  const errors: ErrorObject[] = [];
  for (const name of [`${type}.definition`, 'server-form-fields'] as const) {
    const validate = schemas.validator(name as SchemaName);
    if (!validate(value)) errors.push(...(validate.errors ?? []));
  }
  return errors;
}

/**
 * The form as the server uses it, from a definition as written: the server-only fields are taken
 * out of what parents get. `settings` (the form's row in the database) win over the definition's own.
 */
export function toForm(authored: AuthoredDefinition, version: number, settings: { allowedOrigins?: string[]; retentionDays?: number | null } = {}): Form {
  const definition: Record<string, unknown> = { ...authored };
  for (const field of SERVER_ONLY_FIELDS) delete definition[field];
  const retentionDays = settings.retentionDays ?? (authored.retentionDays as number | undefined);
  // A story form shows its retention to the parent, so there it stays in the definition.
  if (authored.type === 'ervaring' && retentionDays !== undefined) definition.retentionDays = retentionDays;
  // An online session's meeting link goes only to parents with a place, never into the definition.
  const onlineUrls: Record<string, string> = {};
  if (authored.type === 'meedenksessie') {
    definition.sessions = (authored.sessions as { id: string; onlineUrl?: string }[]).map(({ onlineUrl, ...session }) => {
      if (onlineUrl) onlineUrls[session.id] = onlineUrl;
      return session;
    });
  }
  return {
    definition: definition as Form['definition'],
    allowedOrigins: settings.allowedOrigins ?? (authored.allowedOrigins as string[] | undefined) ?? [],
    ...(retentionDays === undefined ? {} : { retentionDays }),
    pageUrl: authored.pageUrl as string | undefined,
    reminders: authored.reminders as Reminder[] | undefined,
    onlineUrls,
    version,
  };
}
