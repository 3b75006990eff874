import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Schemas } from './schemas.js';

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

/** A form as the server keeps it: the public definition plus server-only settings. */
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
  file: string;
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
}

export interface Content {
  config: ServerConfig;
  forms: Map<string, Form>;
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
  const forms = new Map<string, Form>();
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
    const raw = value as Record<string, unknown> & { id: string };
    if (forms.has(raw.id)) throw new ContentError(`${file} at /id: "${raw.id}" is also used by ${forms.get(raw.id)!.file}`);
    const definition = { ...raw };
    for (const field of SERVER_ONLY_FIELDS) delete definition[field];
    if (type === 'ervaring' && raw.retentionDays !== undefined) definition.retentionDays = raw.retentionDays;
    const onlineUrls: Record<string, string> = {};
    if (type === 'meedenksessie') {
      definition.sessions = (raw.sessions as { id: string; onlineUrl?: string }[]).map(({ onlineUrl, ...session }) => {
        if (onlineUrl) onlineUrls[session.id] = onlineUrl;
        return session;
      });
    }
    forms.set(raw.id, {
      definition: definition as Form['definition'],
      allowedOrigins: (raw.allowedOrigins as string[] | undefined) ?? [],
      retentionDays: raw.retentionDays as number | undefined,
      pageUrl: raw.pageUrl as string | undefined,
      reminders: raw.reminders as Reminder[] | undefined,
      onlineUrls,
      file,
    });
  }
  return { config, forms, networks };
}
