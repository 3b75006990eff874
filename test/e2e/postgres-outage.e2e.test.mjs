// PostgreSQL goes away while the server is busy (#17): a private cluster is killed (`pg_ctl -m
// immediate`) during a bounded paced run of submissions and started again. The process stays up,
// answers 503 with Retry-After meanwhile (and /healthz says so), recovers by itself, and every
// submission ends up stored exactly once once its sender tries again with the same key.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { contentDir, exportRows, startServer } from './harness.mjs';
import { postgresBinDir, startPrivatePostgres } from './private-postgres.mjs';

const formId = 'deel-je-ervaring';
const RATE = 20;
const SECONDS = 10;

function story() {
  const submissionId = randomUUID();
  return {
    submissionId,
    body: JSON.stringify({
      type: 'ervaring',
      formId,
      submissionId,
      submittedAt: new Date().toISOString(),
      lang: 'nl',
      data: { story: `Verhaal ${submissionId}: de school luisterde goed.`, themes: ['onderwijs'], anonymous: true, consent: 'internal' },
      meta: {},
    }),
  };
}

async function send(url, { submissionId, body }) {
  try {
    const response = await fetch(`${url}/api/forms/${formId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': submissionId },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return { status: response.status, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    return { status: 0, error: String(error) };
  }
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Registered where a cluster of its own can be made: Debian's PostgreSQL binaries (.ci/run installs them).
if (postgresBinDir()) describe('PostgreSQL stopped and started during a paced run', () => {
  let pg;
  let server;
  let content;
  before(async () => {
    pg = await startPrivatePostgres();
    content = contentDir({ config: { rateLimit: { max: 1_000_000, timeWindowSeconds: 60 } } });
    server = await startServer({ content, env: { DATABASE_URL: pg.url } });
  });
  after(async () => {
    await server?.stop();
    server?.cleanUp();
    pg?.destroy();
    if (content) rmSync(content, { recursive: true, force: true });
  });

  it('stays up, answers 503 with Retry-After meanwhile, recovers, and stores every submission once', async () => {
    const sent = [];
    const started = Date.now();
    const outage = (async () => {
      await wait(3_000);
      pg.stop('immediate');
      await wait(1_500);
      const health = await fetch(`${server.url}/healthz`);
      await wait(2_500);
      pg.start();
      return { status: health.status, body: await health.json(), retryAfter: health.headers.get('retry-after') };
    })();
    for (let index = 0; index < RATE * SECONDS; index++) {
      const due = started + (index * 1000) / RATE;
      if (due > Date.now()) await wait(due - Date.now());
      const submission = story();
      sent.push({ submission, answer: send(server.url, submission) });
    }
    const duringOutage = await outage;
    for (const entry of sent) entry.answer = await entry.answer;

    assert.ok(server.alive(), `the server process died:\n${server.log().slice(-2000)}`);
    assert.equal(duringOutage.status, 503);
    assert.equal(duringOutage.body.problem, 'unreachable');
    assert.ok(Number(duringOutage.retryAfter) > 0);
    const statuses = sent.map((entry) => entry.answer.status);
    const unavailable = sent.filter((entry) => entry.answer.status === 503);
    assert.ok(unavailable.length >= RATE, `${unavailable.length} answers of 503 while the database was away`);
    assert.deepEqual([...new Set(statuses)].sort(), [201, 503], `only 201 and 503, got ${JSON.stringify(statuses)}`);
    for (const entry of unavailable) assert.ok(Number(entry.answer.retryAfter) > 0, 'every 503 says when to try again');
    assert.equal(statuses.at(-1), 201, 'it recovered by itself');

    // The senders try again with the same key, as the widget does: each is stored exactly once.
    for (const entry of unavailable) assert.equal((await send(server.url, entry.submission)).status, 201);
    for (const entry of sent.slice(0, 20)) assert.equal((await send(server.url, entry.submission)).status, 201, 'a replay gets the first answer');
    const rows = await exportRows(server.url, formId);
    assert.equal(rows.length, sent.length, 'one row per submission');
    for (const entry of sent) assert.equal(rows.filter((row) => row.includes(entry.submission.submissionId)).length, 1);
  });
});
