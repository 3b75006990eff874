import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../src/app.js';
import { loadContent, type Content } from '../src/content.js';
import { openDatabase, type Database } from '../src/db.js';
import { loadSchemas } from '../src/schemas.js';
import { syncSessions } from '../src/store.js';

export const CONTENT_DIR = fileURLToPath(new URL('../../test/content/', import.meta.url));
export const BAD_CONTENT_DIR = fileURLToPath(new URL('../../test/content-bad/', import.meta.url));
export const schemas = loadSchemas();

export interface Backend {
  name: string;
  open(): Promise<Database>;
  /** A second, independent connection to the same database, as another server process would have. */
  openAnother?(): Promise<Database>;
}

/** PGlite always; PostgreSQL as well when DATABASE_URL is set (each run starts from an empty schema). */
export const backends: Backend[] = [{ name: 'PGlite (embedded)', open: () => openDatabase({}) }];
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  backends.push({
    name: 'PostgreSQL',
    async open() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
      await client.end();
      return openDatabase({ databaseUrl });
    },
    openAnother: () => openDatabase({ databaseUrl }),
  });
}

export function testContent(): Content {
  return loadContent(CONTENT_DIR, schemas);
}

export async function makeApp(db: Database, overrides: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const content = overrides.content ?? testContent();
  await syncSessions(db, content.forms.values());
  return buildApp({ db, content, schemas, logger: false, exportToken: 'geheim-token', ...overrides });
}

export async function resetData(db: Database): Promise<void> {
  await db.query('TRUNCATE submissions, votes, vote_choices, tally, codes, signups, signup_sessions, stories, mail_outbox, outcome_subscribers, withdrawn_codes CASCADE');
  await db.query('UPDATE sessions SET taken = 0');
}

export function submission(type: string, formId: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    type,
    formId,
    submissionId: randomUUID(),
    submittedAt: new Date().toISOString(),
    lang: 'nl',
    data,
    meta: {},
    ...extra,
  };
}

export function post(app: FastifyInstance, formId: string, body: { submissionId?: string } & Record<string, unknown>, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/forms/${formId}`,
    headers: { 'content-type': 'application/json', 'idempotency-key': String(body.submissionId), ...headers },
    payload: JSON.stringify(body),
  });
}

export function vote(answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return submission('peiling', 'poll', { answers, voterToken: randomUUID(), ...extra });
}

export function signUp(sessionIds: string[], extra: Record<string, unknown> = {}) {
  return submission('meedenksessie', 'signup', { sessionIds, name: 'Fatima de Vries', email: 'fatima@example.nl', consent: true, ...extra });
}

export function story(extra: Record<string, unknown> = {}) {
  return submission('ervaring', 'story', {
    story: 'De school luisterde eindelijk naar ons, dat hielp echt.',
    themes: ['onderwijs'],
    anonymous: true,
    consent: 'internal',
    ...extra,
  });
}

export async function count(db: Database, table: string): Promise<number> {
  const result = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return result.rows[0]!.n;
}
