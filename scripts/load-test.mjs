// Paced load on loopback against the real reference server, with a minimal Fastify app on the
// same database kind beside it as the yardstick (#17). Requests go out evenly spaced at the
// planned rate; each latency counts from the moment the request was planned, so a server that
// falls behind shows it in p99 instead of hiding it (no coordinated omission). Nothing lost,
// nothing doubled: rows, tallies, places and participation codes are counted after every run.
//
//   node scripts/load-test.mjs                 (npm run load) the highest rate with p99 under
//       --p99 for each scenario and storage, ours and the baseline's, and their ratio; on
//       PostgreSQL also for two server processes. Fails when a ratio is under --min-ratio.
//   node scripts/load-test.mjs --rate 100 --duration 10   one fixed rate; fails when that rate
//       or --p99 is missed, or anything is lost, doubled or refused.
//
// Options: --scenarios votes,signups,stories,definition  --processes 1,2  --connections 32
//          --step-seconds 5  --p99 50  --min-ratio 0.5. PostgreSQL runs too when DATABASE_URL is set;
//          like the server's PostgreSQL tests, each run empties that database's public schema.
import { randomUUID } from 'node:crypto';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Pool } from 'undici';
import { contentDir, exportRows, freePort, root, startServer } from '../test/e2e/harness.mjs';

const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    duration: { type: 'string', default: '10' },
    scenarios: { type: 'string', default: 'votes,signups,stories,definition' },
    processes: { type: 'string', default: '1,2' },
    connections: { type: 'string', default: '32' },
    'step-seconds': { type: 'string', default: '5' },
    p99: { type: 'string', default: '50' },
    'min-ratio': { type: 'string', default: '0.5' },
  },
});
const fixedRate = values.rate === undefined ? undefined : Number(values.rate);
const p99Limit = Number(values.p99);
const connections = Number(values.connections);
const stepSeconds = Number(values['step-seconds']);
const minRatio = Number(values['min-ratio']);
const scenarios = values.scenarios.split(',');
const processCounts = values.processes.split(',').map(Number);

const POLL = 'ouderbetrokkenheid-2027';
const CODE_POLL = 'oudersraad-haaglanden-thema-2027';
const SIGNUP = 'belasting-meedenksessie';
const STORY = 'deel-je-ervaring';
const CAPACITY = 300;
const CODES = 1500;

const signupForm = {
  type: 'meedenksessie',
  id: SIGNUP,
  title: 'Belastingtest',
  sessions: [
    { id: 'vol', title: 'Met plaatsen', start: '2099-03-01T19:00:00+01:00', end: '2099-03-01T21:00:00+01:00', capacity: CAPACITY, waitlist: true },
    { id: 'open', title: 'Zonder grens', start: '2099-03-02T19:00:00+01:00', end: '2099-03-02T21:00:00+01:00', online: true },
  ],
};

// ---------------------------------------------------------------- requests

const pick = (list, index) => list[index % list.length];

function submission(type, formId, data) {
  const submissionId = randomUUID();
  return {
    method: 'POST',
    path: `/api/forms/${formId}`,
    key: submissionId,
    headers: { 'content-type': 'application/json', 'idempotency-key': submissionId },
    body: JSON.stringify({ type, formId, submissionId, submittedAt: new Date().toISOString(), lang: 'nl', data, meta: {} }),
  };
}

/** Makes the index-th request of a scenario; `state` carries what the checks need (codes, replays). */
const makers = {
  votes(index, state, { exact }) {
    // Exactness, on our server only (the baseline has no keys or codes to keep): every 25th
    // request repeats an earlier one, and one in twenty votes uses a participation code, a
    // quarter of those a code that was already sent.
    if (exact && index % 25 === 24 && state.sent[index - 10]?.kind === 'vote') return { ...state.sent[index - 10], kind: 'replay', of: state.sent[index - 10] };
    if (exact && index % 20 === 7 && state.codes.length > 0) {
      const reuse = index % 80 === 7 && state.usedCodes.length > 0;
      const code = reuse ? pick(state.usedCodes, index) : state.codes.pop();
      if (!reuse) state.usedCodes.push(code);
      return { ...submission('peiling', CODE_POLL, { answers: { thema: 'thuiszitters' }, code }), kind: 'code', code };
    }
    const answers = { betrokken: pick(['ja-vaak', 'ja-eenmaal', 'nee-wel-willen'], index), vorm: [pick(['meedenksessie', 'online', 'peiling'], index)], gehoord: 1 + (index % 5) };
    return { ...submission('peiling', POLL, { answers, voterToken: randomUUID() }), kind: 'vote' };
  },
  signups(index) {
    const session = index % 2 === 0 ? 'vol' : 'open';
    return { ...submission('meedenksessie', SIGNUP, { sessionIds: [session], name: 'Sam Belasting', email: `sam${index}.${randomUUID().slice(0, 8)}@example.nl`, consent: true, waitlist: true }), kind: 'signup', session };
  },
  stories(index) {
    return { ...submission('ervaring', STORY, { story: `Ervaring ${index} uit de belastingtest: de school luisterde en dacht mee.`, themes: ['onderwijs'], anonymous: true, consent: 'internal' }), kind: 'story' };
  },
  definition() {
    return { method: 'GET', path: `/api/forms/${POLL}`, headers: { 'accept-encoding': 'br, gzip' }, kind: 'get' };
  },
};

// ---------------------------------------------------------------- the paced client

/**
 * Sends `rate × seconds` requests, the i-th at start + i / rate, spread over the targets' pools,
 * and resolves with every answer and its latency from the planned moment.
 */
async function paced({ pools, rate, seconds, make }) {
  const total = Math.max(1, Math.round(rate * seconds));
  const start = performance.now() + 20;
  const answers = new Array(total);
  const inFlight = [];
  let next = 0;
  const launch = (index) => {
    const planned = start + (index * 1000) / rate;
    const request = make(index);
    const pool = pools[index % pools.length];
    const done = pool
      .request({ method: request.method, path: request.path, headers: request.headers, body: request.body, headersTimeout: 10_000, bodyTimeout: 10_000 })
      .then(async (response) => ({ status: response.statusCode, body: await response.body.text() }))
      .catch((error) => ({ status: 0, body: String(error) }))
      .then((answer) => (answers[index] = { request, ...answer, latency: performance.now() - planned, finished: performance.now() }));
    inFlight.push(done);
  };
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + (next * 1000) / rate <= now) launch(next++);
      if (next < total) setTimeout(tick, Math.max(0, start + (next * 1000) / rate - performance.now()));
      else resolve();
    };
    setTimeout(tick, 20);
  });
  await Promise.all(inFlight);
  const latencies = answers.map((answer) => answer.latency).sort((a, b) => a - b);
  const at = (share) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))];
  const finished = Math.max(...answers.map((answer) => answer.finished));
  return {
    answers,
    rate,
    achieved: total / ((finished - start) / 1000),
    p50: at(0.5),
    p99: at(0.99),
    errors: answers.filter((answer) => answer.status === 0).length,
  };
}

/** As many requests as `pools × connections` keep in flight for `seconds`: how much the target does flat out. */
async function closedLoop(pools, seconds, make) {
  const answers = [];
  const deadline = performance.now() + seconds * 1000;
  let index = 0;
  const worker = async (pool) => {
    while (performance.now() < deadline) {
      const request = make(index++);
      const response = await pool.request({ method: request.method, path: request.path, headers: request.headers, body: request.body }).catch(() => undefined);
      answers.push({ request, status: response?.statusCode ?? 0, body: response ? await response.body.text() : '' });
    }
  };
  await Promise.all(pools.flatMap((pool) => Array.from({ length: connections }, () => worker(pool))));
  return answers;
}

/** A paced run passes when every answer came, the rate held (within 5 %) and p99 stayed under the limit. */
const passed = (run, unexpected) => run.errors === 0 && unexpected === 0 && run.achieved >= run.rate * 0.95 && run.p99 <= p99Limit;

// ---------------------------------------------------------------- targets

async function startOurs(storage, processes, scenario) {
  const content = contentDir({
    config: { rateLimit: { max: 1_000_000_000, timeWindowSeconds: 60 } },
    files: { 'belasting-meedenksessie.json': signupForm },
  });
  const env = { DATABASE_URL: storage === 'PostgreSQL' ? process.env.DATABASE_URL : '' };
  // Every run starts from an empty database, as the server's own PostgreSQL tests do: counts and
  // places are then exact, not deltas. DATABASE_URL must name a database for tests.
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
    await client.end();
  }
  const data = mkdtempSync(join(tmpdir(), 'ouderstem-load-'));
  // Participation codes go in before the server starts: PGlite's folder has one process at a time.
  const codes = scenario !== 'votes' ? [] : execFileSync(process.execPath, [join(root, 'server/bin/ouderstem-server.js'), 'codes', '--form', CODE_POLL, '--count', String(CODES), '--content', content, '--data', data], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  const servers = [];
  try {
    for (let index = 0; index < processes; index++) servers.push(await startServer({ content, data, env }));
  } catch (error) {
    for (const server of servers) await server.stop();
    throw error;
  }
  return {
    name: processes === 1 ? 'ours' : `ours ×${processes}`,
    exact: true,
    urls: servers.map((server) => server.url),
    codes,
    async stop() {
      for (const server of servers) await server.stop();
      rmSync(data, { recursive: true, force: true });
      rmSync(content, { recursive: true, force: true });
    },
  };
}

/** The baseline app; `definitionJson` is what our server answered for the poll, tally included, served as a file. */
async function startBaseline(storage, definitionJson) {
  const scratch = mkdtempSync(join(tmpdir(), 'ouderstem-baseline-'));
  const definition = join(scratch, 'definition.json');
  const port = await freePort();
  writeFileSync(definition, definitionJson);
  const child = spawn(process.execPath, [join(root, 'scripts/load-baseline.mjs'), '--port', String(port), '--definition', definition, '--data', join(scratch, 'data')], {
    env: { ...process.env, DATABASE_URL: storage === 'PostgreSQL' ? process.env.DATABASE_URL : '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => /listening/.test(String(chunk)) && resolve());
    child.on('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
  return {
    name: 'baseline',
    exact: false,
    urls: [`http://127.0.0.1:${port}`],
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- checks

/** The status an answer must have; anything else counts as unexpected. */
function expected(answer) {
  const { request, status } = answer;
  if (request.kind === 'get') return status === 200;
  if (request.kind === 'replay') return true; // compared with its original after the run
  if (request.kind === 'code') return status === 201 || status === 409;
  return status === 201;
}

/** After all runs against one server: every accepted submission stored once, and tallies, places and codes exact. */
async function checkStored(target, scenario, answers) {
  if (!target.exact || scenario === 'definition') return [];
  const url = target.urls[0];
  const problems = [];
  const accepted = (kind) => answers.filter((answer) => answer.request.kind === kind && answer.status === 201);
  if (scenario === 'votes') {
    const rows = (await exportRows(url, POLL)).length;
    if (rows !== accepted('vote').length) problems.push(`${rows} stored votes for ${accepted('vote').length} accepted`);
    const tally = JSON.parse(await (await fetch(`${url}/api/forms/${POLL}`)).text()).tally;
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // live figures are reused for up to a second
    const total = JSON.parse(await (await fetch(`${url}/api/forms/${POLL}`)).text()).tally?.total ?? tally?.total;
    if (total !== rows) problems.push(`tally total ${total} for ${rows} votes`);
    const answerTo = new Map(answers.map((answer) => [answer.request, answer]));
    for (const replay of answers.filter((answer) => answer.request.kind === 'replay')) {
      const first = answerTo.get(replay.request.of);
      if (replay.status !== first.status || replay.body !== first.body) problems.push(`a replay answered ${replay.status} ${replay.body.slice(0, 80)} instead of ${first.status} ${first.body.slice(0, 80)}`);
    }
    const byCode = new Map();
    for (const answer of answers.filter((a) => a.request.kind === 'code')) byCode.set(answer.request.code, (byCode.get(answer.request.code) ?? 0) + (answer.status === 201 ? 1 : 0));
    const wrong = [...byCode.values()].filter((wins) => wins !== 1).length;
    if (wrong > 0) problems.push(`${wrong} participation codes were accepted other than exactly once`);
    const codeRows = (await exportRows(url, CODE_POLL)).length;
    if (codeRows !== byCode.size) problems.push(`${codeRows} code votes stored for ${byCode.size} codes used`);
  }
  if (scenario === 'signups') {
    // The export as a coordinator reads it: the session by its title, the status as a word.
    const rows = await exportRows(url, SIGNUP);
    if (rows.length !== accepted('signup').length) problems.push(`${rows.length} stored sign-ups for ${accepted('signup').length} accepted`);
    const confirmed = rows.filter((row) => row.Sessie === 'Met plaatsen' && row.Status === 'Bevestigd').length;
    const wanted = Math.min(CAPACITY, answers.filter((answer) => answer.request.session === 'vol').length);
    if (confirmed !== wanted) problems.push(`${confirmed} confirmed places in a session of ${CAPACITY} after ${wanted} asked`);
  }
  if (scenario === 'stories') {
    const rows = (await exportRows(url, STORY)).length;
    if (rows !== accepted('story').length) problems.push(`${rows} stored stories for ${accepted('story').length} accepted`);
  }
  return problems;
}

// ---------------------------------------------------------------- runs

/** Runs steps against one target and returns the best passing rate (or the fixed rate's result). */
async function measure(target, scenario) {
  const pools = target.urls.map((url) => new Pool(url, { connections, pipelining: 1 }));
  const state = { sent: [], codes: [...(target.codes ?? [])], usedCodes: [], exact: target.exact };
  const all = [];
  const runAt = async (rate, seconds) => {
    state.sent = [];
    const run = await paced({
      pools,
      rate,
      seconds,
      make: (index) => (state.sent[index] = makers[scenario](index, state, target)),
    });
    all.push(...run.answers);
    const unexpected = run.answers.filter((answer) => !expected(answer)).length;
    return { ...run, unexpected, passed: passed(run, unexpected) };
  };
  try {
    let best;
    if (fixedRate !== undefined) {
      // A second flat out first, so the measured run meets a warm server (JIT, caches), as the
      // capacity search's probe does; its answers are checked with the rest.
      all.push(...(await closedLoop(pools, 1, (index) => (state.sent[index] = makers[scenario](index, state, target)))));
      best = await runAt(fixedRate, Number(values.duration));
    } else {
      // A short closed-loop probe says where to start; then paced steps up while they pass and
      // down until one does.
      const probe = await closedLoop(pools, 2, (index) => (state.sent[index] = makers[scenario](index, state, target)));
      all.push(...probe);
      let rate = Math.max(20, Math.round((probe.length / 2) * 0.8 / 10) * 10);
      let run = await runAt(rate, stepSeconds);
      if (run.passed) {
        best = run;
        for (let up = 0; up < 4 && run.passed; up++) {
          rate = Math.round((rate * 1.15) / 10) * 10;
          run = await runAt(rate, stepSeconds);
          if (run.passed) best = run;
        }
      } else {
        for (let down = 0; down < 6 && !run.passed && rate > 20; down++) {
          rate = Math.max(20, Math.round((rate * 0.8) / 10) * 10);
          run = await runAt(rate, stepSeconds);
        }
        if (run.passed) best = run;
      }
    }
    // A request the client gave up on (10 s) may still have been stored: send it again with its
    // key, as the widget would, so the counts below hold each submission exactly once.
    if (target.exact) {
      for (const answer of all.filter((entry) => entry.status === 0 && entry.request.method === 'POST')) {
        const retry = await fetch(`${target.urls[0]}${answer.request.path}`, { method: 'POST', headers: answer.request.headers, body: answer.request.body });
        Object.assign(answer, { status: retry.status, body: await retry.text(), retried: true });
      }
    }
    const problems = await checkStored(target, scenario, all);
    return { target: target.name, scenario, best, problems, requests: all.length };
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

const storages = ['PGlite', ...(process.env.DATABASE_URL ? ['PostgreSQL'] : [])];
const results = [];
const failures = [];
for (const storage of storages) {
  for (const scenario of scenarios) {
    let definitionJson;
    const targets = [
      async () => {
        const ours = await startOurs(storage, 1, scenario);
        definitionJson = await (await fetch(`${ours.urls[0]}/api/forms/${POLL}`)).text();
        return ours;
      },
    ];
    if (fixedRate === undefined) targets.push(() => startBaseline(storage, definitionJson));
    if (storage === 'PostgreSQL') for (const count of processCounts.filter((n) => n > 1)) targets.push(() => startOurs(storage, count, scenario));
    const row = { storage, scenario };
    for (const start of targets) {
      const target = await start();
      try {
        const result = await measure(target, scenario);
        row[target.name] = result.best;
        for (const problem of result.problems) failures.push(`${storage} ${scenario} (${target.name}): ${problem}`);
        if (fixedRate !== undefined && !result.best.passed) {
          const b = result.best;
          failures.push(`${storage} ${scenario}: ${b.achieved.toFixed(0)}/s of ${b.rate}/s, p99 ${b.p99.toFixed(1)} ms (limit ${p99Limit}), ${b.errors} errors, ${b.unexpected} unexpected answers`);
        }
      } finally {
        await target.stop();
      }
    }
    results.push(row);
    console.log(JSON.stringify(row, (key, value) => (key === 'answers' ? undefined : typeof value === 'number' ? Math.round(value * 10) / 10 : value)));
  }
}

const figure = (run) => (run ? `${run.rate}/s (p99 ${run.p99.toFixed(0)} ms)` : 'none passed');
console.log(fixedRate === undefined
  ? `\nHighest paced rate with p99 < ${p99Limit} ms, no errors and every answer as expected (steps of ${stepSeconds} s, ${connections} connections per process):\n`
  : `\n${fixedRate} requests/s for ${values.duration} s, ${connections} connections per process:\n`);
console.table(results.map((row) => {
  const line = { storage: row.storage, scenario: row.scenario, ours: figure(row.ours) };
  if (fixedRate === undefined) {
    line.baseline = figure(row.baseline);
    line['ours / baseline'] = row.ours && row.baseline ? (row.ours.rate / row.baseline.rate).toFixed(2) : '–';
    if (row['ours ×2']) line['two processes'] = figure(row['ours ×2']);
  } else {
    line['p50 ms'] = row.ours.p50.toFixed(1);
    line.achieved = `${row.ours.achieved.toFixed(0)}/s`;
  }
  return line;
}));
if (fixedRate === undefined) {
  for (const row of results) {
    if (!row.ours || !row.baseline) failures.push(`${row.storage} ${row.scenario}: no passing rate (${row.ours ? 'baseline' : 'ours'})`);
    else if (row.ours.rate / row.baseline.rate < minRatio) failures.push(`${row.storage} ${row.scenario}: ${(row.ours.rate / row.baseline.rate).toFixed(2)} × the baseline, goal ${minRatio}`);
  }
}
if (process.env.LOAD_TEST_RESULT) {
  writeFileSync(process.env.LOAD_TEST_RESULT, JSON.stringify({ results, failures }, (key, value) => (key === 'answers' ? undefined : value)));
}
if (failures.length > 0) {
  console.error(`\nFAILED:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('\nnothing lost or doubled; replays, capacity and codes exact');
