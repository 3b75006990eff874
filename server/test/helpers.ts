import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../src/app.js';
import { loadContent, type Content } from '../src/content.js';
import { openDatabase, type Database } from '../src/db.js';
import { loadSchemas } from '../src/schemas.js';
import { importContent } from '../src/import.js';

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

/** The organisation the test content is imported into. */
export const TEST_ORGANISATION = { id: 'test', name: 'Testgemeente', privacyUrl: 'https://www.voorbeeldstad.nl/privacy' };

/** Imports `content` (the test content by default) into the test organisation; any refused file fails the test. */
export async function importTestContent(db: Database, content: Content = testContent()): Promise<void> {
  const report = await importContent(db, content, TEST_ORGANISATION);
  if (report.refused.length > 0) throw new Error(`test content not imported: ${JSON.stringify(report.refused)}`);
}

/**
 * A server on `db` with `content` imported first. Forms live in the database now, so every app on
 * one database serves the same forms: a test that imports other content restores it with resetData.
 */
export async function makeApp(db: Database, overrides: Partial<AppOptions> & { content?: Content } = {}): Promise<FastifyInstance> {
  const { content = testContent(), ...options } = overrides;
  await importTestContent(db, content);
  // No reuse of live figures between requests: the tests reset the tables under the app's feet.
  return buildApp({ db, config: content.config, schemas, logger: false, exportToken: 'geheim-token', liveCacheMs: 0, ...options });
}

/** Empties every answer and puts the test content back as it was. */
export async function resetData(db: Database): Promise<void> {
  await db.query('TRUNCATE submissions, votes, tally, codes, signups, signup_sessions, stories, mail_outbox, outcome_subscribers, withdrawn_codes, story_moderation, outcomes, rate_limits, organisation_mail CASCADE');
  await db.query('UPDATE places SET submission_id = NULL');
  await db.query('UPDATE sessions SET sequence = 0, cancelled_at = NULL');
  await importTestContent(db);
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

/** A sign-up; each with its own address unless `email` is given (one address signs up once per session). */
export function signUp(sessionIds: string[], extra: Record<string, unknown> = {}) {
  return submission('meedenksessie', 'signup', { sessionIds, name: 'Fatima de Vries', email: `fatima.${randomUUID().slice(0, 8)}@example.nl`, consent: true, ...extra });
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

/** A port nobody listens on now, for a server process or a provider a test starts. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}
