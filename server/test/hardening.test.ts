// What production does to a server: hostile input, slow clients, odd URLs, files it must not
// serve, database errors that must not reach the log. Each test failed before its fix (#17).
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { mkdtemp, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db.js';
import { field } from '../src/export.js';
import { redactUrl } from '../src/app.js';
import { parseTrustProxy } from '../src/http-server.js';
import { Metrics } from '../src/metrics.js';
import { backends, count, makeApp, post, resetData, signUp, story, testContent, vote } from './helpers.js';

type Json = Record<string, any>;

/** A pino destination that keeps every line, to read what the server logged. */
function logSink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: { level: 'info', stream } };
}

/** Sends raw bytes to a listening server and resolves with everything it answered before closing. */
function rawRequest(port: number, bytes: string, { wait = 5_000 } = {}): Promise<{ text: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - started }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${wait} ms; answered: ${text}`));
    }, wait).unref();
  });
}

function bodyOf(raw: string): Json {
  return JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

describe('small pure rules', () => {
  it('CSV: a formula behind white space, a no-break or zero-width space, or in full-width form is defused', () => {
    for (const cell of ['=1+1', ' =1+1', '\u00a0=HYPERLINK("x")', '\u3000+1', '\u200b@SUM(A1)', '＝1+1', '﹦1', '－1', '＋1', '＠x', '\t=1']) {
      assert.ok(field(cell).replace(/^"/, '').startsWith("'"), `${JSON.stringify(cell)} → ${field(cell)}`);
    }
    for (const cell of ['De school', '1 = 1', 'a-b', 'e@mail.nl']) assert.equal(field(cell), cell);
  });

  it('log redaction also catches a path spelled with percent escapes', () => {
    for (const url of ['/api/cancel/geheimtoken', '/api/%63ancel/geheimtoken', '/api/%63%61ncel/geheimtoken?x=1', '/api/with%64raw/ABCD-EFGH', '/api/withdraw/ABCD%2DEFGH']) {
      const logged = redactUrl(url);
      assert.doesNotMatch(logged, /geheimtoken|ABCD|EFGH/, `${url} → ${logged}`);
    }
    assert.equal(redactUrl('/api/forms/poll?lang=nl'), '/api/forms/poll?lang=nl');
  });

  it('OUDERSTEM_TRUST_PROXY: true, false, or a list of addresses', () => {
    assert.equal(parseTrustProxy('true'), true);
    assert.equal(parseTrustProxy('false'), false);
    assert.equal(parseTrustProxy(undefined), undefined);
    assert.deepEqual(parseTrustProxy('127.0.0.1, 10.0.0.0/8'), ['127.0.0.1', '10.0.0.0/8']);
  });
});

for (const backend of backends) {
  describe(`hardening on ${backend.name}`, () => {
    let db: Database;
    let app: FastifyInstance;

    before(async () => {
      db = await backend.open();
      app = await makeApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });
    beforeEach(() => resetData(db));

    it('a lone surrogate is U+FFFD in every form type, never a 500', async () => {
      const poll = await post(app, 'poll', vote({ q1: 'a', q4: 'half an emoji \ud83d here' }));
      assert.equal(poll.statusCode, 201, poll.body);
      const signup = await post(app, 'signup', signUp(['open'], { name: 'Sam \udc00de Vries' }));
      assert.equal(signup.statusCode, 201, signup.body);
      const told = await post(app, 'story', story({ story: 'Een verhaal met een half teken \ud800 erin, en meer.' }));
      assert.equal(told.statusCode, 201, told.body);
      const answers = await db.query<{ answers: Json }>('SELECT answers FROM votes');
      assert.equal(answers.rows[0]!.answers.q4, 'half an emoji \ufffd here');
      assert.equal((await db.query<{ name: string }>('SELECT name FROM signups')).rows[0]!.name, 'Sam \ufffdde Vries');
      assert.match((await db.query<{ story: string }>('SELECT story FROM stories')).rows[0]!.story, /half teken \ufffd erin/);
    });

    it('a body of thousands of unknown keys gets at most 20 errors', async () => {
      const data: Json = { answers: { q1: 'a' } };
      for (let index = 0; index < 3000; index++) data[`k${index}`] = 1;
      const response = await post(app, 'poll', { ...vote({}), data });
      assert.equal(response.statusCode, 422);
      assert.ok(response.json().errors.length <= 20, `${response.json().errors.length} errors`);
      assert.ok(response.body.length < 5_000, `${response.body.length} bytes`);
      const answers: Json = {};
      for (let index = 0; index < 3000; index++) answers[`q${index + 10}`] = 'a';
      const unknownQuestions = await post(app, 'poll', vote(answers));
      assert.equal(unknownQuestions.statusCode, 422);
      assert.ok(unknownQuestions.json().errors.length <= 20);
    });

    it('a database error is logged with its class and the request id, never with the data', async () => {
      const sink = logSink();
      const logged = await makeApp(db, { logger: sink.logger });
      await db.query(`ALTER TABLE stories ADD CONSTRAINT refuse_all CHECK (story = '')`);
      try {
        const secret = story({ story: 'Mijn geheime verhaal over Noor, echt waar.', anonymous: false, contact: { name: 'Noor Geheim', email: 'noor.geheim@example.nl' } });
        const response = await post(logged, 'story', secret);
        assert.equal(response.statusCode, 500);
        const log = sink.lines.join('');
        assert.match(log, new RegExp(String(response.headers['x-request-id'])));
        assert.match(log, /DatabaseError/);
        assert.match(log, /23514/, 'the SQLSTATE helps the operator');
        assert.doesNotMatch(log, /geheime|Noor|noor\.geheim|Failing row/);
      } finally {
        await db.query('ALTER TABLE stories DROP CONSTRAINT refuse_all');
        await logged.close();
      }
    });

    it('requests are logged only when asked, and then without tokens', async () => {
      const quiet = logSink();
      const silent = await makeApp(db, { logger: quiet.logger });
      await silent.inject('/api/forms/poll');
      await silent.close();
      assert.equal(quiet.lines.length, 0);
      const sink = logSink();
      const verbose = await makeApp(db, { logger: sink.logger, logRequests: true });
      await verbose.inject({ method: 'POST', url: '/api/%63ancel/zeergeheimetoken' });
      await verbose.close();
      assert.match(sink.lines.join(''), /\/api\/cancel\/…/);
      assert.doesNotMatch(sink.lines.join(''), /zeergeheimetoken/);
    });

    it('links in answers come from publicUrl or the listening address, never from the Host header', async () => {
      const listening = await makeApp(db);
      const port = await listen(listening);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/forms/signup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', host: 'evil.example', 'idempotency-key': '' },
          body: '{}',
        });
        assert.ok(response.status >= 400);
        const body = signUp(['open']);
        const sent = await post(listening, 'signup', body, { host: 'evil.example' });
        assert.equal(sent.statusCode, 201);
        assert.doesNotMatch(sent.json().cancelUrl, /evil/);
        const content = testContent();
        content.config.publicUrl = 'https://ouderstem.voorbeeldstad.nl';
        const configured = await makeApp(db, { content });
        const withPublic = await post(configured, 'story', story(), { host: 'evil.example' });
        assert.match(withPublic.json().withdrawUrl, /^https:\/\/ouderstem\.voorbeeldstad\.nl\/api\/withdraw\//);
        assert.equal(withPublic.headers['strict-transport-security'], 'max-age=31536000');
        await configured.close();
      } finally {
        await listening.close();
      }
    });

    it('pages say who may frame them and which features they may use', async () => {
      const page = await app.inject('/api/cancel/iets');
      assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'self'/);
      assert.equal(page.headers['x-frame-options'], 'SAMEORIGIN');
      assert.match(String(page.headers['permissions-policy']), /camera=\(\)/);
      assert.equal(page.headers['strict-transport-security'], undefined, 'no HSTS over plain http');
    });

    it('/metrics: Prometheus figures behind a bearer token, with route patterns and no tokens', async () => {
      assert.equal((await app.inject('/metrics')).statusCode, 404, 'off without a token');
      const metrics = new Metrics(db);
      metrics.addQueue({ name: 'mail', length: async () => 3 });
      const watched = await makeApp(db, { metricsToken: 'meet-token', metrics });
      try {
        assert.equal((await watched.inject('/metrics')).statusCode, 401);
        await post(watched, 'poll', vote({ q1: 'a' }));
        await watched.inject({ method: 'POST', url: '/api/cancel/geheimetoken123' });
        const scraped = await watched.inject({ url: '/metrics', headers: { authorization: 'Bearer meet-token' } });
        assert.equal(scraped.statusCode, 200);
        assert.match(String(scraped.headers['content-type']), /^text\/plain; version=0\.0\.4/);
        const text = scraped.body;
        assert.match(text, /ouderstem_http_requests_total\{method="POST",route="\/api\/forms\/:id",status="201"\} 1/);
        assert.match(text, /ouderstem_http_request_duration_seconds_bucket\{le="0\.05",method="POST",route="\/api\/forms\/:id"\} \d/);
        assert.match(text, /ouderstem_submissions_total\{type="peiling",status="201"\} 1/);
        assert.match(text, new RegExp(`ouderstem_database_up\\{storage="${db.kind}"\\} 1`));
        assert.match(text, /ouderstem_queue_length\{queue="mail"\} 3/);
        assert.match(text, /route="\/api\/cancel\/:token"/);
        assert.doesNotMatch(text, /geheimetoken123/);
      } finally {
        await watched.close();
      }
    });

    it('a filled honeypot gets the answer a real submission would get, and nothing is stored', async () => {
      const code = /^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/;
      const real = await post(app, 'story', story());
      const bot = await post(app, 'story', { ...story(), honeypot: 'x' });
      assert.equal(bot.statusCode, 201);
      assert.deepEqual(Object.keys(bot.json()), Object.keys(real.json()));
      assert.match(bot.json().withdrawCode, code);
      assert.match(real.json().withdrawCode, code);
      for (let index = 0; index < 12; index++) await post(app, 'poll', vote({ q1: 'a' }));
      const botVote = await post(app, 'poll', { ...vote({ q1: 'b' }), honeypot: 'x' });
      const realVote = await post(app, 'poll', vote({ q1: 'b' }));
      assert.deepEqual(botVote.json(), realVote.json(), 'the same tally, as if the vote had counted (and it did not)');
      await post(app, 'signup', signUp(['one']));
      const full = await post(app, 'signup', { ...signUp(['one']), honeypot: 'x' });
      assert.equal(full.statusCode, 409, 'a full session refuses a bot as it refuses a parent');
      assert.equal(full.json().errors[0].code, 'session-full');
      assert.equal(await count(db, 'submissions'), 15);
      assert.equal(await count(db, 'stories'), 1);
    });

    it('a replay is byte-identical to the first answer; a refused vote leaves no row', async () => {
      const body = vote({ q1: 'a', q2: ['y', 'x'], q3: 3 });
      const first = await post(app, 'poll', body);
      const again = await post(app, 'poll', body);
      assert.equal(again.body, first.body);
      const signup = signUp(['open', 'ten'], { waitlist: true, needs: ['tolk'] });
      const signed = await post(app, 'signup', signup);
      assert.equal((await post(app, 'signup', signup)).body, signed.body);
      const refused = await post(app, 'poll', vote({ q1: 'b' }, { voterToken: body.data.voterToken }));
      assert.equal(refused.statusCode, 409);
      assert.equal(await count(db, 'submissions'), 2, 'the refused vote is not kept');
    });
  });
}

describe('the HTTP server itself', () => {
  let db: Database;
  let app: FastifyInstance;
  let port: number;
  let statics: string;

  before(async () => {
    db = await backends[0]!.open();
    statics = await mkdtemp(join(tmpdir(), 'ouderstem-static-'));
    await writeFile(join(statics, 'ouderstem.js'), 'export {};\n');
    await writeFile(join(statics, '.env'), 'SECRET=1\n');
    await mkdir(join(statics, '.git'));
    await writeFile(join(statics, '.git', 'config'), '[core]\n');
    await symlink('/etc/passwd', join(statics, 'passwd'));
    await symlink('/etc', join(statics, 'etc'));
    app = await makeApp(db, { staticDirs: [statics], limits: { requestTimeoutMs: 1_000, headersTimeoutMs: 1_000 } });
    port = await listen(app);
  });
  after(async () => {
    await app.close();
    await db.close();
    await rm(statics, { recursive: true, force: true });
  });

  it('static folders serve their files, but no dotfiles and no links out of the folder', async () => {
    assert.equal((await fetch(`http://127.0.0.1:${port}/ouderstem.js`)).status, 200);
    for (const path of ['/.env', '/.git/config', '/passwd', '/etc/passwd', '/etc/hostname']) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /root:|SECRET|\[core\]/);
    }
  });

  it('a body that trickles in is cut off at the request timeout while others are served', async () => {
    const slow = rawRequest(port, 'POST /api/forms/poll HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{', { wait: 8_000 });
    const started = Date.now();
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(healthy.status, 200);
    assert.ok(Date.now() - started < 1_000, 'another client is served at once');
    const { text, closedAfterMs } = await slow;
    assert.ok(closedAfterMs < 3_500, `closed after ${closedAfterMs} ms`);
    assert.match(text, /^HTTP\/1\.1 408/);
    assert.equal(bodyOf(text).errors[0].code, 'request-timeout');
  });

  it('a client gets at most the capped number of open connections', async () => {
    const capped = await makeApp(db, { limits: { maxConnectionsPerClient: 8 } });
    const port = await listen(capped);
    const sockets: Socket[] = [];
    try {
      const closed: boolean[] = [];
      for (let index = 0; index < 10; index++) {
        const socket = connect(port, '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        const slot = closed.push(false) - 1;
        socket.once('close', () => (closed[slot] = true));
        sockets.push(socket);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(closed, [false, false, false, false, false, false, false, false, true, true]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await capped.close();
    }
  });

  it("Node's and Fastify's own refusals use the { errors } shape", async () => {
    const tooLarge = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(tooLarge.text, /^HTTP\/1\.1 431/);
    assert.equal(bodyOf(tooLarge.text).errors[0].code, 'headers-too-large');
    const both = await rawRequest(port, 'POST /api/forms/poll HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
    assert.match(both.text, /^HTTP\/1\.1 400/);
    assert.equal(bodyOf(both.text).errors[0].code, 'bad-request');
    const badUrl = await fetch(`http://127.0.0.1:${port}/api/forms/%E0%A4%A`);
    assert.equal(badUrl.status, 400);
    assert.equal(((await badUrl.json()) as Json).errors[0].code, 'bad-request');
  });
});
