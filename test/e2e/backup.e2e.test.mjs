// Backups as server/README.md documents them (#17), restored and compared: a copy of the PGlite
// data folder taken with the server stopped, and pg_dump / pg_restore of PostgreSQL (a private
// cluster, so the shared one is never touched). The restored server exports the same rows.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { contentDir, exportRows, startServer } from './harness.mjs';
import { postgresBinDir, startPrivatePostgres } from './private-postgres.mjs';

const FORMS = ['ouderbetrokkenheid-2027', 'meedenksessies-2027', 'deel-je-ervaring'];

function body(type, formId, data) {
  const submissionId = randomUUID();
  return { submissionId, text: JSON.stringify({ type, formId, submissionId, submittedAt: new Date().toISOString(), lang: 'nl', data, meta: {} }) };
}

/** A few of every kind of submission, through the API as the widgets send them. */
async function fill(url) {
  const sent = [
    ...Array.from({ length: 12 }, (_, index) => ['ouderbetrokkenheid-2027', body('peiling', 'ouderbetrokkenheid-2027', { answers: { betrokken: 'ja-vaak', gehoord: 1 + (index % 5) }, voterToken: randomUUID() })]),
    ...Array.from({ length: 5 }, (_, index) => ['meedenksessies-2027', body('meedenksessie', 'meedenksessies-2027', { sessionIds: ['den-haag-maart'], name: `Ouder ${index}`, email: `ouder${index}@example.nl`, consent: true })]),
    ...Array.from({ length: 4 }, (_, index) => ['deel-je-ervaring', body('ervaring', 'deel-je-ervaring', { story: `Verhaal ${index}: de school luisterde goed en dacht met ons mee, dat hielp echt.`, themes: ['onderwijs'], anonymous: true, consent: 'internal' })]),
  ];
  for (const [formId, { submissionId, text }] of sent) {
    const response = await fetch(`${url}/api/forms/${formId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': submissionId }, body: text });
    assert.equal(response.status, 201, await response.text());
  }
}

async function exported(url) {
  const rows = {};
  for (const formId of FORMS) rows[formId] = (await exportRows(url, formId)).sort();
  const form = await (await fetch(`${url}/api/forms/meedenksessies-2027`)).json();
  rows.remaining = form.sessions.map((session) => [session.id, session.remaining]);
  return rows;
}

describe('backups restore to the same data', () => {
  it('PGlite: a copy of the data folder, taken with the server stopped', async () => {
    const content = contentDir({ config: { rateLimit: { max: 1000, timeWindowSeconds: 60 } } });
    const copy = mkdtempSync(join(tmpdir(), 'ouderstem-backup-'));
    const original = await startServer({ content });
    try {
      await fill(original.url);
      const before = await exported(original.url);
      await original.stop();
      cpSync(original.data, join(copy, 'data'), { recursive: true });
      const restored = await startServer({ content, data: join(copy, 'data') });
      try {
        assert.deepEqual(await exported(restored.url), before);
        assert.equal(before['ouderbetrokkenheid-2027'].length, 12);
      } finally {
        await restored.stop();
      }
    } finally {
      await original.stop();
      original.cleanUp();
      rmSync(copy, { recursive: true, force: true });
      rmSync(content, { recursive: true, force: true });
    }
  });

  // Registered where a cluster of its own can be made (Debian's PostgreSQL binaries, as .ci/run installs).
  if (postgresBinDir()) it('PostgreSQL: pg_dump, then pg_restore into a new database', async () => {
    const pg = await startPrivatePostgres();
    const content = contentDir({ config: { rateLimit: { max: 1000, timeWindowSeconds: 60 } } });
    try {
      const original = await startServer({ content, env: { DATABASE_URL: pg.url } });
      let before;
      try {
        await fill(original.url);
        before = await exported(original.url);
      } finally {
        await original.stop();
        original.cleanUp();
      }
      const dump = 'ouderstem.dump';
      pg.tool('pg_dump', ['--format=custom', `--file=${dump}`, `--dbname=${pg.url}`]);
      pg.tool('createdb', ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres', 'hersteld']);
      pg.tool('pg_restore', ['--no-owner', `--dbname=${pg.url.replace(/\/postgres$/, '/hersteld')}`, dump]);
      const restored = await startServer({ content, env: { DATABASE_URL: pg.url.replace(/\/postgres$/, '/hersteld') } });
      try {
        assert.deepEqual(await exported(restored.url), before);
        assert.equal(before['meedenksessies-2027'].length, 5);
      } finally {
        await restored.stop();
        restored.cleanUp();
      }
    } finally {
      pg.destroy();
      rmSync(content, { recursive: true, force: true });
    }
  });
});
