// Load test of the reference server on loopback: submissions with unique Idempotency-Keys for a
// bounded time, for the embedded storage (PGlite) and, when DATABASE_URL is set, for PostgreSQL.
// Prints throughput and p99 latency; fails on any error or non-2xx answer, or when the rows in
// the export differ from the 2xx answers.
//
//   node scripts/load-test.mjs [--duration 30] [--rate 100] [--connections 10]   (npm run load)
//
// It holds `--rate` submissions per second for `--duration` seconds: exactly rate × duration
// requests, all answered before the count (a time-bounded run would cut requests off in flight,
// accepted by the server but not counted by the client).
// The server runs with a copy of the demo content whose config raises the rate limit, because
// every request comes from one loopback client.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { contentDir, exportRows, startServer } from '../test/e2e/harness.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rate = Number(values.rate);

const formId = 'deel-je-ervaring';

/** One story per request, each with its own submission id as Idempotency-Key. */
function story() {
  const submissionId = randomUUID();
  return {
    headers: { 'content-type': 'application/json', 'idempotency-key': submissionId },
    body: JSON.stringify({
      type: 'ervaring',
      formId,
      submissionId,
      submittedAt: new Date().toISOString(),
      lang: 'nl',
      data: {
        story: `Een ervaring uit de belastingtest (${submissionId}): de school luisterde goed en dacht met ons mee.`,
        themes: ['onderwijs'],
        anonymous: true,
        consent: 'internal',
      },
      meta: {},
    }),
  };
}

async function run(storage, env) {
  const content = contentDir({ config: { rateLimit: { max: 1_000_000, timeWindowSeconds: 60 } } });
  const server = await startServer({ content, env });
  try {
    const before = (await exportRows(server.url, formId)).length;
    const result = await autocannon({
      url: `${server.url}/api/forms/${formId}`,
      method: 'POST',
      connections,
      amount: rate * duration,
      overallRate: rate,
      timeout: 10,
      requests: [{ setupRequest: (request) => ({ ...request, ...story() }) }],
    });
    const rows = (await exportRows(server.url, formId)).length - before;
    return {
      storage,
      requests: result.requests.total,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      rows,
      throughput: result.requests.total / (result.duration || duration),
      p50: result.latency.p50,
      p99: result.latency.p99,
    };
  } finally {
    await server.stop();
    server.cleanUp();
    rmSync(content, { recursive: true, force: true });
  }
}

const runs = [['embedded (PGlite)', { DATABASE_URL: '' }]];
if (process.env.DATABASE_URL) runs.push(['PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL }]);

const results = [];
for (const [storage, env] of runs) results.push(await run(storage, env));

console.log(`\n${rate} submissions/s for ${duration} s over ${connections} connections, POST /api/forms/${formId}\n`);
console.table(
  results.map((r) => ({
    storage: r.storage,
    'req/s': r.throughput.toFixed(1),
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    requests: r.requests,
    '2xx': r.ok,
    'non-2xx': r.non2xx,
    errors: r.errors + r.timeouts,
    rows: r.rows,
  })),
);

const failures = results.flatMap((r) => [
  ...(r.non2xx > 0 ? [`${r.storage}: ${r.non2xx} answers were not 2xx`] : []),
  ...(r.errors + r.timeouts > 0 ? [`${r.storage}: ${r.errors} errors, ${r.timeouts} timeouts`] : []),
  ...(r.rows !== r.ok ? [`${r.storage}: ${r.rows} rows for ${r.ok} accepted submissions`] : []),
  ...(r.requests !== rate * duration ? [`${r.storage}: ${r.requests} of ${rate * duration} requests answered`] : []),
]);
if (process.env.LOAD_TEST_RESULT) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.LOAD_TEST_RESULT, JSON.stringify({ results, failures }));
}
if (failures.length > 0) {
  console.error(`\nFAILED:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('\nzero errors, zero non-2xx, rows = 2xx answers');
