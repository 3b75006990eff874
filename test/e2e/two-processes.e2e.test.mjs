// Several server processes on one PostgreSQL, the documented way to outgrow one machine (#17):
// two real processes behind the test, requests alternating between them. The rate limit is one
// count per client for both, and idempotency, capacity and participation codes stay exact.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { contentDir, root, startServer } from './harness.mjs';

const databaseUrl = process.env.DATABASE_URL;
const LIMIT = 5;

function submission(type, formId, data) {
  const submissionId = randomUUID();
  return { submissionId, body: JSON.stringify({ type, formId, submissionId, submittedAt: new Date().toISOString(), lang: 'nl', data, meta: {} }) };
}

/** POSTs as the client `client` (the proxy in front says so in X-Forwarded-For). */
async function post(url, formId, { submissionId, body }, client) {
  const response = await fetch(`${url}/api/forms/${formId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': submissionId, 'x-forwarded-for': client },
    body,
  });
  return { status: response.status, body: await response.text(), retryAfter: response.headers.get('retry-after') };
}

// Each sign-up its own address: one address signs up once per session.
const signUp = () =>
  submission('meedenksessie', 'meedenksessies-2027', { sessionIds: ['utrecht-maart'], name: 'Sam de Vries', email: `sam.${randomUUID().slice(0, 8)}@example.nl`, consent: true });

// PGlite is one process's database: this exists where a second process can share one.
if (databaseUrl) describe('two server processes on one PostgreSQL', () => {
  let servers;
  let content;
  before(async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
    await client.end();
    content = contentDir({ config: { rateLimit: { max: LIMIT, timeWindowSeconds: 60 } } });
    // Both behind the same (loopback) proxy, with the same secret for hashing client addresses.
    const env = { DATABASE_URL: databaseUrl, OUDERSTEM_TRUST_PROXY: '127.0.0.1', OUDERSTEM_RATE_LIMIT_KEY: 'gedeeld-geheim-voor-de-test' };
    servers = [await startServer({ content, env }), await startServer({ content, env })];
  });
  after(async () => {
    for (const server of servers ?? []) {
      await server.stop();
      server.cleanUp();
    }
    if (content) rmSync(content, { recursive: true, force: true });
  });
  const via = (index) => servers[index % 2].url;

  it('the rate limit is one count per client for both processes', async () => {
    const answers = [];
    for (let index = 0; index < LIMIT + 3; index++) answers.push(await post(via(index), 'deel-je-ervaring', submission('ervaring', 'deel-je-ervaring', { story: `Verhaal ${index}: de school luisterde goed en dacht met ons mee, dat hielp.`, themes: ['onderwijs'], anonymous: true, consent: 'internal' }), '203.0.113.7'));
    assert.deepEqual(answers.map((answer) => answer.status), [...Array(LIMIT).fill(201), 429, 429, 429]);
    for (const answer of answers.slice(LIMIT)) assert.ok(Number(answer.retryAfter) > 0);
    const other = await post(via(0), 'deel-je-ervaring', submission('ervaring', 'deel-je-ervaring', { story: 'Een ander verhaal, van iemand anders, over de jeugdhulp die kwam.', themes: ['onderwijs'], anonymous: true, consent: 'internal' }), '203.0.113.8');
    assert.equal(other.status, 201, 'another client has its own count');
  });

  it('capacity is exact across both: 20 sign-ups at once for 3 places give 3', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => post(via(index), 'meedenksessies-2027', signUp(), `198.51.100.${index + 1}`)));
    assert.equal(answers.filter((answer) => answer.status === 201).length, 3);
    assert.equal(answers.filter((answer) => answer.status === 409 && JSON.parse(answer.body).errors[0].code === 'session-full').length, 17);
    for (const server of servers) {
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // live figures are reused for up to a second
      const form = await (await fetch(`${server.url}/api/forms/meedenksessies-2027`)).json();
      assert.equal(form.sessions.find((session) => session.id === 'utrecht-maart').remaining, 0);
    }
  });

  it('the same submission sent to both at once is stored once, and both get the same bytes', async () => {
    const body = submission('meedenksessie', 'meedenksessies-2027', { sessionIds: ['twente-online-april'], name: 'Noor', email: 'noor@example.nl', consent: true });
    const [one, two] = await Promise.all([post(via(0), 'meedenksessies-2027', body, '192.0.2.1'), post(via(1), 'meedenksessies-2027', body, '192.0.2.2')]);
    assert.equal(one.status, 201);
    assert.equal(two.status, 201);
    assert.equal(two.body, one.body);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM signups WHERE submission_id = $1', [body.submissionId]);
    await client.end();
    assert.equal(rows[0].n, 1);
  });

  it('a participation code sent to both at once is used once', async () => {
    const [code] = execFileSync(process.execPath, [`${root}server/bin/ouderstem-server.js`, 'codes', '--form', 'oudersraad-haaglanden-thema-2027', '--count', '1', '--content', content], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    }).trim().split('\n');
    const vote = () => submission('peiling', 'oudersraad-haaglanden-thema-2027', { answers: { thema: 'thuiszitters' }, code });
    const answers = await Promise.all([post(via(0), 'oudersraad-haaglanden-thema-2027', vote(), '192.0.2.3'), post(via(1), 'oudersraad-haaglanden-thema-2027', vote(), '192.0.2.4')]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 409]);
    assert.equal(JSON.parse(answers.find((answer) => answer.status === 409).body).errors[0].code, 'code-used');
  });
});
