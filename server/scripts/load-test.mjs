// Bounded load test on loopback: polls submitted at a fixed rate for a while, then every 2xx answer is
// checked against the rows in the database. Embedded storage by default; PostgreSQL when DATABASE_URL
// is set. Usage: node scripts/load-test.mjs [--seconds 30] [--rate 100] [--connections 20]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildApp } from '../dist/src/app.js';
import { loadContent } from '../dist/src/content.js';
import { openDatabase } from '../dist/src/db.js';
import { loadSchemas } from '../dist/src/schemas.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '100' },
    connections: { type: 'string', default: '20' },
  },
});

const databaseUrl = process.env.DATABASE_URL || undefined;
const schemas = loadSchemas();
const content = loadContent(new URL('../content/demo/', import.meta.url).pathname, schemas);
content.config.rateLimit = { max: 1_000_000, timeWindowSeconds: 60 };
const db = await openDatabase({ databaseUrl });
if (databaseUrl) await db.query('TRUNCATE submissions, tally CASCADE');
const app = await buildApp({ db, content, schemas, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address();

const formId = 'ouderbetrokkenheid-2027';
const answers = [
  { betrokken: 'ja-vaak', vorm: ['online', 'peiling'], gehoord: 4 },
  { betrokken: 'nee-wel-willen', vorm: { value: ['meedenksessie', 'other'], other: 'op school' }, gehoord: 2, tip: 'Avonden' },
  { betrokken: 'nee', gehoord: 3 },
];
let sent = 0;

const result = await autocannon({
  url: `http://127.0.0.1:${port}/api/forms/${formId}`,
  connections: Number(values.connections),
  // A fixed number of requests at a fixed rate, so every request is answered before rows are counted.
  amount: Number(values.seconds) * Number(values.rate),
  overallRate: Number(values.rate),
  requests: [
    {
      method: 'POST',
      setupRequest(request) {
        const submissionId = randomUUID();
        const body = {
          type: 'peiling',
          formId,
          submissionId,
          submittedAt: new Date().toISOString(),
          lang: 'nl',
          data: { answers: answers[sent++ % answers.length], voterToken: randomUUID() },
          meta: {},
        };
        return {
          ...request,
          headers: { 'content-type': 'application/json', 'idempotency-key': submissionId },
          body: JSON.stringify(body),
        };
      },
    },
  ],
});

const rows = (await db.query('SELECT count(*)::int AS n FROM votes WHERE form_id = $1', [formId])).rows[0].n;
const accepted = result['2xx'];
const failed = result.non2xx + result.errors + result.timeouts;
await app.close();
await db.close();

console.log(
  [
    `storage: ${db.kind}`,
    `duration: ${values.seconds} s at a target of ${values.rate} submissions/s over ${values.connections} connections`,
    `throughput: ${(accepted / (result.duration || Number(values.seconds))).toFixed(1)} submissions/s in ${Number(result.duration).toFixed(1)} s`,
    `latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `answers: ${accepted} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    `rows: ${rows} (2xx answers: ${accepted}) -> ${rows === accepted ? 'none lost, none doubled' : 'MISMATCH'}`,
  ].join('\n'),
);
process.exitCode = failed === 0 && rows === accepted ? 0 : 1;
