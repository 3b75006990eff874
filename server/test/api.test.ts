import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db.js';
import { deleteExpired } from '../src/retention.js';
import { backends, count, makeApp, post, resetData, signUp, story, submission, testContent, vote } from './helpers.js';

type Json = Record<string, any>;

for (const backend of backends) {
  describe(`reference server on ${backend.name}`, () => {
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

    describe('GET', () => {
      it('/healthz answers ok with the storage kind', async () => {
        const response = await app.inject('/healthz');
        assert.equal(response.statusCode, 200);
        assert.equal(response.json().status, 'ok');
      });

      it('/api/forms/:id serves the definition without server-only fields', async () => {
        const response = await app.inject('/api/forms/poll');
        assert.equal(response.statusCode, 200);
        const definition = response.json();
        assert.equal(definition.id, 'poll');
        assert.equal(definition.allowedOrigins, undefined);
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.equal(response.headers['set-cookie'], undefined);
      });

      it('the widget files are public: any site may load them (CORS *, CORP cross-origin); pages are not', async () => {
        const [pages, widgets] = await Promise.all([1, 2].map(() => mkdtemp(join(tmpdir(), 'ouderstem-static-'))));
        await writeFile(join(pages!, 'index.html'), '<!doctype html><title>Demo</title>');
        await writeFile(join(widgets!, 'ouderstem.js'), 'export {};\n');
        await mkdir(join(widgets!, 'chunks'));
        await writeFile(join(widgets!, 'chunks', 'core.js'), 'export {};\n');
        const server = await makeApp(db, { staticDirs: [pages!, widgets!] });
        try {
          for (const url of ['/ouderstem.js', '/chunks/core.js']) {
            const response = await server.inject({ url, headers: { origin: 'https://www.gemeente.example' } });
            assert.equal(response.statusCode, 200, url);
            assert.equal(response.headers['access-control-allow-origin'], '*', url);
            assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin', url);
            assert.equal(response.headers['access-control-allow-credentials'], undefined, url);
          }
          const page = await server.inject({ url: '/', headers: { origin: 'https://www.gemeente.example' } });
          assert.equal(page.headers['access-control-allow-origin'], undefined);
        } finally {
          await server.close();
          await Promise.all([pages!, widgets!].map((dir) => rm(dir, { recursive: true, force: true })));
        }
      });

      it('/data/ serves the shipped CBS files to any site (CORS *, CORP cross-origin), compressed, but not their sources', async () => {
        const layer = await app.inject({ url: '/data/jeugdregios-2025.topo.json', headers: { origin: 'https://www.gemeente.example', 'accept-encoding': 'br' } });
        assert.equal(layer.statusCode, 200);
        assert.equal(layer.headers['access-control-allow-origin'], '*');
        assert.equal(layer.headers['cross-origin-resource-policy'], 'cross-origin');
        assert.equal(layer.headers['content-encoding'], 'br');
        assert.match(String(layer.headers['content-type']), /json/);
        const topology = JSON.parse(brotliDecompressSync(layer.rawPayload).toString());
        assert.equal(topology.objects.jeugdregios.geometries.length, 42);
        const table = await app.inject('/data/gebieden-2025.json');
        assert.equal(table.json().gemeenten.length, 342);
        assert.equal((await app.inject('/data/gebieden-2025.csv')).statusCode, 200);
        for (const url of ['/data/', '/data/src/gemeente-aliassen.json', '/data/README.md', '/data/../package.json']) {
          assert.equal((await app.inject(url)).statusCode, 404, url);
        }
      });

      it('static files from every folder go compressed to browsers that accept it, plain to others, with Vary', async () => {
        const [pages, widgets] = await Promise.all([1, 2].map(() => mkdtemp(join(tmpdir(), 'ouderstem-static-'))));
        const html = Buffer.from(`<!doctype html><title>Demo</title>${'<p>Ouders denken mee.</p>'.repeat(100)}`);
        const code = Buffer.from(`export const widget = ${JSON.stringify('ouder '.repeat(2000))};\n`);
        await writeFile(join(pages!, 'index.html'), html);
        await writeFile(join(widgets!, 'ouderstem.js'), code);
        const server = await makeApp(db, { staticDirs: [pages!, widgets!] });
        try {
          for (const [url, body, type] of [['/', html, /text\/html/], ['/ouderstem.js', code, /javascript/]] as const) {
            const get = (encoding?: string) => server.inject({ url, headers: encoding ? { 'accept-encoding': encoding } : {} });
            const br = await get('gzip, deflate, br');
            assert.equal(br.statusCode, 200, url);
            assert.equal(br.headers['content-encoding'], 'br', url);
            assert.deepEqual(brotliDecompressSync(br.rawPayload), body);
            const gzip = await get('gzip');
            assert.equal(gzip.headers['content-encoding'], 'gzip', url);
            assert.deepEqual(gunzipSync(gzip.rawPayload), body);
            const plain = await get();
            assert.equal(plain.headers['content-encoding'], undefined, url);
            assert.deepEqual(plain.rawPayload, body);
            for (const response of [br, gzip, plain]) {
              assert.match(String(response.headers.vary), /accept-encoding/i, `${url}: a cache keeps the variants apart`);
              assert.match(String(response.headers['content-type']), type);
            }
          }
        } finally {
          await server.close();
          await Promise.all([pages!, widgets!].map((dir) => rm(dir, { recursive: true, force: true })));
        }
      });

      it('an unknown form is 404 with errors', async () => {
        const response = await app.inject('/api/forms/bestaat-niet');
        assert.equal(response.statusCode, 404);
        assert.equal(response.json().errors[0].code, 'not-found');
      });

      it('/api/networks serves the network file', async () => {
        const response = await app.inject('/api/networks');
        assert.equal(response.statusCode, 200);
        assert.equal(response.json().networks[0].id, 'n1');
      });

      it('sign-up sessions carry the places left, counted in the database', async () => {
        await post(app, 'signup', signUp(['ten']));
        const sessions = (await app.inject('/api/forms/signup')).json().sessions as Json[];
        assert.equal(sessions.find((session) => session.id === 'ten')!.remaining, 9);
        assert.equal(sessions.find((session) => session.id === 'one')!.remaining, 1);
        assert.equal(sessions.find((session) => session.id === 'open')!.remaining, undefined);
      });
    });

    describe('POST validation', () => {
      it('non-JSON is 415', async () => {
        const response = await app.inject({ method: 'POST', url: '/api/forms/poll', headers: { 'content-type': 'text/plain' }, payload: 'hallo' });
        assert.equal(response.statusCode, 415);
        assert.equal(response.json().errors[0].code, 'unsupported-media-type');
      });

      it('a body over 64 KB is 413', async () => {
        const body = vote({ q1: 'a', q4: 'x'.repeat(70 * 1024) });
        const response = await post(app, 'poll', body);
        assert.equal(response.statusCode, 413);
        assert.equal(response.json().errors[0].code, 'payload-too-large');
      });

      it('malformed JSON is 400 without a stack trace', async () => {
        const response = await app.inject({ method: 'POST', url: '/api/forms/poll', headers: { 'content-type': 'application/json' }, payload: '{"type":' });
        assert.equal(response.statusCode, 400);
        assert.doesNotMatch(response.body, /at .*\.js/);
      });

      it('schema errors are 422 with dotted fields and Dutch messages', async () => {
        const response = await post(app, 'signup', signUp(['ten'], { email: 'geen-adres', name: '' }));
        assert.equal(response.statusCode, 422);
        const errors = response.json().errors as Json[];
        const email = errors.find((error) => error.field === 'email')!;
        assert.equal(email.code, 'invalid-email');
        assert.match(email.message, /e-mailadres/);
        assert.ok(errors.some((error) => error.field === 'name' && error.code === 'too-short'));
      });

      it('messages are English when the payload says lang en', async () => {
        const body = signUp(['ten'], { email: 'nope' });
        body.lang = 'en';
        const response = await post(app, 'signup', body);
        assert.match(response.json().errors[0].message, /valid e-mail/);
      });

      it('messages are Arabic when the payload says lang ar, as the widgets speak it', async () => {
        const body = signUp(['ten'], { email: 'nope' });
        body.lang = 'ar';
        const response = await post(app, 'signup', body);
        assert.equal(response.json().errors[0].message, 'اكتب عنوان بريد إلكتروني صحيحًا، مثل name@example.nl.');
      });

      it('a missing required answer is 422 on answers.<question>', async () => {
        const response = await post(app, 'poll', vote({ q3: 3 }));
        assert.equal(response.statusCode, 422);
        assert.deepEqual(response.json().errors.map((error: Json) => [error.field, error.code]), [['answers.q1', 'required']]);
      });

      it('answers outside the definition are 422', async () => {
        const response = await post(app, 'poll', vote({ q1: 'z', q3: 9, q4: 'x'.repeat(21), q9: 'a' }));
        assert.equal(response.statusCode, 422);
        const codes = Object.fromEntries(response.json().errors.map((error: Json) => [error.field, error.code]));
        assert.deepEqual(codes, { 'answers.q9': 'unknown-question', 'answers.q1': 'invalid-value', 'answers.q3': 'out-of-range', 'answers.q4': 'too-long' });
      });

      it('formId must match the URL and type the form', async () => {
        const other = vote({ q1: 'a' });
        other.formId = 'poll-code';
        assert.equal((await post(app, 'poll', other)).json().errors[0].code, 'form-mismatch');
        const wrongType = story();
        wrongType.formId = 'poll';
        const response = await post(app, 'poll', wrongType);
        assert.equal(response.statusCode, 422);
        assert.equal(response.json().errors[0].code, 'type-mismatch');
      });

      it('the Idempotency-Key header must equal submissionId', async () => {
        const response = await post(app, 'poll', vote({ q1: 'a' }), { 'idempotency-key': 'iets-anders' });
        assert.equal(response.statusCode, 400);
        assert.equal(response.json().errors[0].code, 'idempotency-key-mismatch');
      });

      it('sign-ups: unknown session, several sessions when not allowed, unknown role are 422', async () => {
        const response = await post(app, 'signup', signUp(['nope'], { role: 'koning' }));
        assert.equal(response.statusCode, 422);
        const codes = response.json().errors.map((error: Json) => error.code);
        assert.deepEqual(codes, ['unknown-session', 'invalid-value']);
      });

      it('stories: too short, unknown theme and consent are 422', async () => {
        const response = await post(app, 'story', story({ story: 'kort', themes: ['sport'], consent: 'alles' }));
        assert.equal(response.statusCode, 422);
        const fields = response.json().errors.map((error: Json) => `${error.field}:${error.code}`);
        assert.deepEqual(fields, ['story:too-short', 'themes:invalid-value', 'consent:invalid-value']);
      });

      it('stories: a consent that shares the first name needs one; without consentOptions only the three default levels count', async () => {
        const content = testContent();
        content.forms.set('story', { ...content.forms.get('story')!, consentOptions: [{ value: 'publish-first-name', label: 'Met voornaam', needsName: true }] });
        const strict = await makeApp(db, { content });
        try {
          const nameless = await post(strict, 'story', story({ consent: 'publish-first-name' }));
          assert.equal(nameless.statusCode, 422);
          assert.deepEqual(nameless.json().errors.map((error: Json) => `${error.field}:${error.code}`), ['contact.name:consent-needs-name']);
          const named = await post(strict, 'story', story({ consent: 'publish-first-name', anonymous: false, contact: { name: 'Fatima', email: 'f@example.nl' } }));
          assert.equal(named.statusCode, 201, named.body);
          // That story's consent exists only in this version: back to the test content before taking it away.
          await resetData(db);
          const defaults = testContent();
          const { consentOptions: _dropped, ...withoutOptions } = defaults.forms.get('story')!;
          defaults.forms.set('story', withoutOptions);
          const loose = await makeApp(db, { content: defaults });
          try {
            assert.equal((await post(loose, 'story', story({ consent: 'alles mag' }))).statusCode, 422);
            assert.equal((await post(loose, 'story', story({ consent: 'quote-anonymous' }))).statusCode, 201);
            assert.equal((await post(loose, 'story', story({ consent: 'first-name' }))).statusCode, 422, 'first-name needs a name');
          } finally {
            await loose.close();
          }
        } finally {
          await strict.close();
        }
      });
    });

    describe('idempotency', () => {
      it('the same key and body replays the first answer and stores one row', async () => {
        const body = vote({ q1: 'a' });
        const first = await post(app, 'poll', body);
        const second = await post(app, 'poll', body);
        assert.equal(first.statusCode, 201);
        assert.equal(second.statusCode, 201);
        assert.deepEqual(second.json(), first.json());
        assert.equal(await count(db, 'votes'), 1);
        assert.equal(await count(db, 'submissions'), 1);
      });

      it('a replayed business conflict keeps its 409 answer', async () => {
        const token = 'token-1234567890abcdef';
        await post(app, 'poll', vote({ q1: 'a' }, { voterToken: token }));
        const body = vote({ q1: 'b' }, { voterToken: token });
        const first = await post(app, 'poll', body);
        const second = await post(app, 'poll', body);
        assert.equal(first.statusCode, 409);
        assert.equal(second.statusCode, 409);
        assert.deepEqual(second.json(), first.json());
      });

      it('the same key with another body is 422', async () => {
        const body = vote({ q1: 'a' });
        await post(app, 'poll', body);
        const changed = { ...body, data: { ...body.data, answers: { q1: 'b' } } };
        const response = await post(app, 'poll', changed);
        assert.equal(response.statusCode, 422);
        assert.equal(response.json().errors[0].code, 'idempotency-key-reused');
        assert.equal(await count(db, 'votes'), 1);
      });

      it('a concurrent request with the same key waits for the first and gets its answer, byte for byte; one row', async () => {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let holding!: () => void;
        const isHolding = new Promise<void>((resolve) => (holding = resolve));
        const slowApp = await makeApp(db, { hooks: { beforeCommit: async () => { holding(); await held; } } });
        try {
          const body = signUp(['ten']);
          const first = post(slowApp, 'signup', body);
          await isHolding;
          const second = post(app, 'signup', body);
          await new Promise((resolve) => setTimeout(resolve, 100));
          release();
          const [one, two] = await Promise.all([first, second]);
          assert.equal(one.statusCode, 201);
          assert.equal(two.statusCode, 201);
          assert.equal(two.body, one.body);
          assert.equal(await count(db, 'signups'), 1);
          const sessions = (await slowApp.inject('/api/forms/signup')).json().sessions as Json[];
          assert.equal(sessions.find((session) => session.id === 'ten')!.remaining, 9, 'one place taken, not two');
        } finally {
          release();
          await slowApp.close();
        }
      });

      it('a sign-up whose writes fail before the commit leaves no row and no place taken; its retry with the same key takes one', async () => {
        // Since one transaction holds the key and the answer, a process that dies mid-submission
        // leaves nothing behind (there is no claim to take over): the retry is a first attempt.
        const failing = await makeApp(db, { hooks: { beforeCommit: async () => { throw new Error('the process went away'); } } });
        try {
          const body = signUp(['ten']);
          assert.equal((await post(failing, 'signup', body)).statusCode, 500);
          assert.equal(await count(db, 'signups'), 0);
          assert.equal(await count(db, 'submissions'), 0);
          const remaining = async () => ((await app.inject('/api/forms/signup')).json().sessions as Json[]).find((session) => session.id === 'ten')!.remaining;
          assert.equal(await remaining(), 10, 'the failed attempt took no place');
          const retry = await post(app, 'signup', body);
          assert.equal(retry.statusCode, 201, retry.body);
          const replay = await post(app, 'signup', body);
          assert.equal(replay.statusCode, 201);
          assert.equal(replay.body, retry.body, 'the retry\'s answer is the one replayed');
          assert.equal(await count(db, 'signups'), 1);
          assert.equal(await remaining(), 9);
        } finally {
          await failing.close();
        }
      });

      it('many concurrent copies of one submission store one row', async () => {
        const body = vote({ q1: 'a' });
        const answers = await Promise.all(Array.from({ length: 20 }, () => post(app, 'poll', body)));
        for (const answer of answers) assert.ok([201, 409].includes(answer.statusCode));
        assert.ok(answers.some((answer) => answer.statusCode === 201));
        assert.equal(await count(db, 'votes'), 1);
      });
    });

    describe('polls', () => {
      it('one vote per voterToken: the second is 409 already-voted', async () => {
        const voterToken = 'device-abcdef-1234567890';
        assert.equal((await post(app, 'poll', vote({ q1: 'a' }, { voterToken }))).statusCode, 201);
        const response = await post(app, 'poll', vote({ q1: 'b' }, { voterToken }));
        assert.equal(response.statusCode, 409);
        assert.deepEqual(response.json().errors.map((error: Json) => [error.field, error.code]), [['voterToken', 'already-voted']]);
        assert.equal(await count(db, 'votes'), 1);
      });

      it('the tally is counted in the database and hidden below minResponses', async () => {
        const first = await post(app, 'poll', vote({ q1: 'a', q2: ['x', 'y'], q3: 4 }));
        assert.deepEqual(first.json(), { tally: { total: 1, questions: {} } });
        const second = await post(app, 'poll', vote({ q1: 'b', q2: { value: ['x', 'other'], other: 'via de buurtapp' }, q3: 4, q4: 'meer avonden' }));
        const tally = second.json().tally;
        assert.equal(tally.total, 2);
        assert.deepEqual(tally.questions.q1, { counts: { a: 1, b: 1 }, total: 2 });
        assert.deepEqual(tally.questions.q2, { counts: { x: 2, y: 1, other: 1 }, total: 2 });
        assert.deepEqual(tally.questions.q3.counts, { 1: 0, 2: 0, 3: 0, 4: 2, 5: 0 });
        assert.equal(tally.questions.q4, undefined);
        assert.deepEqual((await app.inject('/api/forms/poll')).json().tally, tally);
      });

      it('"other" with a single string value is accepted', async () => {
        const response = await post(app, 'poll', vote({ q1: 'a', q2: { value: 'other', other: 'iets anders' } }));
        assert.equal(response.statusCode, 201);
      });

      it('a closed poll is 409 poll-closed; after-close results show once closed', async () => {
        const response = await post(app, 'poll-closed', submission('peiling', 'poll-closed', { answers: { q1: 'a' } }));
        assert.equal(response.statusCode, 409);
        assert.equal(response.json().errors[0].code, 'poll-closed');
        assert.deepEqual((await app.inject('/api/forms/poll-closed')).json().tally, { total: 0, questions: { q1: { counts: { a: 0 }, total: 0 } } });
      });

      it('after-close results stay hidden while the poll is open, also in the 2xx answer', async () => {
        const response = await post(app, 'poll-later', submission('peiling', 'poll-later', { answers: { q1: 'a' } }));
        assert.equal(response.statusCode, 201);
        assert.deepEqual(response.json(), {});
        assert.equal((await app.inject('/api/forms/poll-later')).json().tally, undefined);
      });

      it('integrity "code": a valid code works once, then code-used; unknown is code-invalid', async () => {
        await db.query("INSERT INTO codes (form_id, code) VALUES ('poll-code', 'ABCDE23456')");
        const body = (code?: string) => submission('peiling', 'poll-code', { answers: { q1: 'a' }, ...(code ? { code } : {}) });
        const missing = await post(app, 'poll-code', body());
        assert.equal(missing.statusCode, 422);
        assert.equal(missing.json().errors[0].field, 'code');
        const ok = await post(app, 'poll-code', body('abcde-23456'));
        assert.equal(ok.statusCode, 201);
        assert.deepEqual(ok.json(), {}, 'results hidden: no tally');
        const used = await post(app, 'poll-code', body('ABCDE-23456'));
        assert.equal(used.statusCode, 409);
        assert.deepEqual(used.json().errors.map((error: Json) => [error.field, error.code]), [['code', 'code-used']]);
        const invalid = await post(app, 'poll-code', body('ZZZZZ-ZZZZZ'));
        assert.equal(invalid.json().errors[0].code, 'code-invalid');
        assert.equal(await count(db, 'votes'), 1);
      });

      it('one code used by 10 concurrent votes counts once', async () => {
        await db.query("INSERT INTO codes (form_id, code) VALUES ('poll-code', 'KLMNP23456')");
        const answers = await Promise.all(
          Array.from({ length: 10 }, () => post(app, 'poll-code', submission('peiling', 'poll-code', { answers: { q1: 'a' }, code: 'KLMNP-23456' }))),
        );
        assert.equal(answers.filter((answer) => answer.statusCode === 201).length, 1);
        assert.equal(answers.filter((answer) => answer.statusCode === 409).length, 9);
        assert.equal(await count(db, 'votes'), 1);
      });
    });

    describe('sign-ups', () => {
      it('confirms with sessions and an absolute cancel URL', async () => {
        const response = await post(app, 'signup', signUp(['ten', 'open'], { role: 'ouder', needs: ['tolk'] }));
        assert.equal(response.statusCode, 201);
        const answer = response.json();
        assert.equal(answer.status, 'confirmed');
        assert.deepEqual(answer.sessions, [{ id: 'ten', status: 'confirmed' }, { id: 'open', status: 'confirmed' }]);
        assert.match(answer.cancelUrl, /^http:\/\/localhost(:\d+)?\/api\/cancel\/[\w-]{20,}$/);
      });

      it('50 concurrent sign-ups for 10 places: exactly 10 confirmed, 40 session-full', async () => {
        const answers = await Promise.all(Array.from({ length: 50 }, () => post(app, 'signup', signUp(['ten']))));
        const confirmed = answers.filter((answer) => answer.statusCode === 201);
        const full = answers.filter((answer) => answer.statusCode === 409);
        assert.equal(confirmed.length, 10);
        assert.equal(full.length, 40);
        assert.deepEqual(full[0]!.json().errors[0], { field: 'sessionIds', code: 'session-full', session: 'ten', message: 'Deze sessie is vol.' });
        const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM signup_sessions WHERE session_id = 'ten' AND status = 'confirmed'");
        assert.equal(rows.rows[0]!.n, 10);
        const sessions = (await app.inject('/api/forms/signup')).json().sessions as Json[];
        assert.equal(sessions.find((session) => session.id === 'ten')!.remaining, 0);
      });

      // PGlite is one process's database: this test exists only where a second process can open it.
      if (backend.openAnother) it('two server processes on one database: 50 sign-ups for 10 places still give exactly 10', async () => {
        const otherDb = await backend.openAnother!();
        const other = await makeApp(otherDb);
        try {
          const answers = await Promise.all(Array.from({ length: 50 }, (_, index) => post(index % 2 ? other : app, 'signup', signUp(['ten']))));
          assert.equal(answers.filter((answer) => answer.statusCode === 201).length, 10);
          const body = signUp(['open']);
          const [first, second] = await Promise.all([post(app, 'signup', body), post(other, 'signup', body)]);
          // The second is either told to wait (409 without a body) or, if the first already finished, gets its answer.
          assert.ok([first.statusCode, second.statusCode].includes(201));
          for (const answer of [first, second]) assert.ok(answer.statusCode === 201 || (answer.statusCode === 409 && answer.body === ''));
          assert.equal(await count(db, 'signups'), 11);
        } finally {
          await other.close();
          await otherDb.close();
        }
      });

      it('a full session with a waiting list: waitlisted when asked, else 409 session-full', async () => {
        await post(app, 'signup', signUp(['one']));
        const refused = await post(app, 'signup', signUp(['one']));
        assert.equal(refused.statusCode, 409);
        assert.equal(refused.json().errors[0].session, 'one');
        const waiting = await post(app, 'signup', signUp(['one'], { waitlist: true }));
        assert.equal(waiting.statusCode, 201);
        assert.equal(waiting.json().status, 'waitlisted');
        assert.deepEqual(waiting.json().sessions, [{ id: 'one', status: 'waitlisted' }]);
      });

      it('a past session is 409 deadline-passed', async () => {
        const response = await post(app, 'signup', signUp(['past']));
        assert.equal(response.statusCode, 409);
        assert.deepEqual(
          response.json().errors.map((error: Json) => [error.field, error.code, error.session]),
          [['sessionIds', 'deadline-passed', 'past']],
        );
      });

      it('cancelling frees the place and promotes the first on the waiting list', async () => {
        const first = (await post(app, 'signup', signUp(['one']))).json();
        const second = (await post(app, 'signup', signUp(['one'], { waitlist: true, name: 'Tweede' }))).json();
        await post(app, 'signup', signUp(['one'], { waitlist: true, name: 'Derde' }));
        assert.equal(second.status, 'waitlisted');
        const path = new URL(first.cancelUrl).pathname;
        const page = await app.inject(path);
        assert.equal(page.statusCode, 200);
        assert.match(page.headers['content-type'] as string, /text\/html/);
        assert.match(page.body, /<form method="post"/);
        const cancelled = await app.inject({ method: 'POST', url: path });
        assert.equal(cancelled.statusCode, 200);
        assert.deepEqual(cancelled.json(), { status: 'cancelled', sessions: [{ id: 'one', status: 'cancelled' }] });
        const statuses = await db.query<{ name: string; status: string }>(
          "SELECT s.name, ss.status FROM signup_sessions ss JOIN signups s USING (submission_id) WHERE ss.session_id = 'one' ORDER BY ss.seq",
        );
        assert.deepEqual(statuses.rows.map((row) => row.status), ['cancelled', 'confirmed', 'waitlisted']);
        assert.equal(statuses.rows[1]!.name, 'Tweede');
        const sessions = (await app.inject('/api/forms/signup')).json().sessions as Json[];
        assert.equal(sessions.find((session) => session.id === 'one')!.remaining, 0);
      });

      it('cancelling without a waiting list frees the place; a form POST gets an HTML page', async () => {
        const answer = (await post(app, 'signup', signUp(['ten']))).json();
        const response = await app.inject({
          method: 'POST',
          url: new URL(answer.cancelUrl).pathname,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: '',
        });
        assert.equal(response.statusCode, 200);
        assert.match(response.body, /<h1>Je bent afgemeld<\/h1>/);
        const sessions = (await app.inject('/api/forms/signup')).json().sessions as Json[];
        assert.equal(sessions.find((session) => session.id === 'ten')!.remaining, 10);
        assert.equal((await app.inject({ method: 'POST', url: '/api/cancel/onbekend' })).statusCode, 404);
      });
    });

    describe('stories', () => {
      it('answers a withdraw code and URL; withdrawing deletes the story', async () => {
        const response = await post(app, 'story', story({ anonymous: false, contact: { name: 'Sanne', email: 'sanne@example.nl' } }));
        assert.equal(response.statusCode, 201);
        const { withdrawCode, withdrawUrl } = response.json();
        assert.match(withdrawCode, /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
        assert.match(withdrawUrl, /^http:\/\/localhost(:\d+)?\/api\/withdraw\//);
        assert.equal(await count(db, 'stories'), 1);
        assert.equal((await app.inject(new URL(withdrawUrl).pathname)).statusCode, 200);
        const withdrawn = await app.inject({ method: 'POST', url: '/api/withdraw', payload: { code: withdrawCode.toLowerCase() } });
        assert.equal(withdrawn.statusCode, 200);
        assert.deepEqual(withdrawn.json(), { status: 'withdrawn' });
        assert.equal(await count(db, 'stories'), 0);
        const tombstone = await db.query<Record<string, unknown>>('SELECT body_hash, answer_body FROM submissions');
        assert.deepEqual(tombstone.rows, [{ body_hash: 'withdrawn', answer_body: null }], 'only the key is left, nothing of the story');
        const again = await app.inject({ method: 'POST', url: new URL(withdrawUrl).pathname });
        assert.equal(again.statusCode, 404);
      });

      it('a withdrawn story stays gone when the same send is replayed (an outbox, a proxy): 410, nothing stored', async () => {
        const body = story();
        const { withdrawCode } = (await post(app, 'story', body)).json();
        await app.inject({ method: 'POST', url: '/api/withdraw', payload: { code: withdrawCode } });
        const replay = await post(app, 'story', body);
        assert.equal(replay.statusCode, 410);
        assert.equal(replay.json().errors[0].code, 'withdrawn');
        assert.equal(await count(db, 'stories'), 0);
      });
    });

    describe('abuse and privacy', () => {
      it('U+0000, which PostgreSQL cannot store, is taken out of every string and key, never a 500', async () => {
        const sent = await post(app, 'signup', signUp(['open'], { name: 'Sam\u0000 de Vries', remarks: '\u0000' }));
        assert.equal(sent.statusCode, 201, sent.body);
        const stored = await db.query<{ name: string; remarks: string | null }>('SELECT name, remarks FROM signups');
        assert.deepEqual(stored.rows.map((row) => [row.name, row.remarks ?? '']), [['Sam de Vries', '']]);
        for (const url of ['/api/cancel/ab%00cd', '/api/withdraw/AB%00CD', '/api/forms/signup%00']) {
          for (const method of ['GET', 'POST'] as const) {
            const response = await app.inject({ method, url });
            assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
          }
        }
      });

      it('a filled honeypot answers 201 and stores nothing', async () => {
        const bot = signUp(['ten']);
        const trap = await post(app, 'signup', { ...bot, honeypot: 'http://spam.example' });
        assert.equal(trap.statusCode, 201);
        assert.equal(trap.json().status, 'confirmed');
        assert.equal(await count(db, 'submissions'), 0);
        assert.equal(await count(db, 'signups'), 0);
      });

      it('CORS: allowed origins get headers without credentials; others are refused', async () => {
        const allowed = await app.inject({ url: '/api/forms/poll', headers: { origin: 'https://www.voorbeeldstad.nl' } });
        assert.equal(allowed.headers['access-control-allow-origin'], 'https://www.voorbeeldstad.nl');
        assert.equal(allowed.headers['access-control-allow-credentials'], undefined);
        const perForm = await app.inject({ url: '/api/forms/poll', headers: { origin: 'https://school.example' } });
        assert.equal(perForm.headers['access-control-allow-origin'], 'https://school.example');
        // Another origin gets nothing of the form, but a refusal the page can read: the widget then
        // tells the web editor on the console that the site is not allowed, instead of "network error".
        const otherForm = await app.inject({ url: '/api/forms/signup', headers: { origin: 'https://school.example' } });
        assert.equal(otherForm.statusCode, 403);
        assert.equal(otherForm.json().errors[0].code, 'origin-not-allowed');
        assert.equal(otherForm.headers['access-control-allow-origin'], 'https://school.example');
        assert.equal(otherForm.json().title, undefined);
        const networks = await app.inject({ url: '/api/networks', headers: { origin: 'https://evil.example' } });
        assert.equal(networks.statusCode, 403);
        const refusedPreflight = await app.inject({
          method: 'OPTIONS',
          url: '/api/forms/poll',
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
        });
        assert.equal(refusedPreflight.statusCode, 204, 'the POST goes out, so its 403 can be read');
        const preflight = await app.inject({
          method: 'OPTIONS',
          url: '/api/forms/poll',
          headers: { origin: 'https://school.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
        });
        assert.equal(preflight.statusCode, 204);
        assert.match(String(preflight.headers['access-control-allow-headers']), /Idempotency-Key/i);
        const refused = await post(app, 'poll', vote({ q1: 'a' }), { origin: 'https://evil.example' });
        assert.equal(refused.statusCode, 403);
        assert.equal(refused.json().errors[0].code, 'origin-not-allowed');
        assert.equal(refused.headers['access-control-allow-origin'], 'https://evil.example');
        assert.equal(await count(db, 'votes'), 0);
        const sameOrigin = await post(app, 'poll', vote({ q1: 'a' }), { origin: 'http://localhost:80', host: 'localhost:80' });
        assert.equal(sameOrigin.statusCode, 201);
        assert.equal(await count(db, 'votes'), 1);
      });

      it('rate limiting answers 429 with Retry-After', async () => {
        const content = testContent();
        content.config.rateLimit = { max: 3, timeWindowSeconds: 60 };
        const strict = await makeApp(db, { content });
        try {
          const statuses: number[] = [];
          for (let index = 0; index < 5; index++) statuses.push((await post(strict, 'poll', vote({ q1: 'a' }))).statusCode);
          assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
          const limited = await post(strict, 'poll', vote({ q1: 'a' }));
          assert.ok(Number(limited.headers['retry-after']) > 0);
          assert.equal(limited.json().errors[0].code, 'rate-limited');
        } finally {
          await strict.close();
        }
      });

      it('a server error is a bare 500 with a request id, never a stack trace', async () => {
        const broken = await makeApp(db, { hooks: { beforeCommit: async () => { throw new Error('kapot: geheime details'); } } });
        try {
          const body = vote({ q1: 'a' });
          const response = await post(broken, 'poll', body);
          assert.equal(response.statusCode, 500);
          assert.equal(response.json().errors[0].code, 'internal');
          assert.doesNotMatch(response.body, /kapot|geheime|\.js/);
          assert.ok(response.headers['x-request-id']);
          assert.equal(await count(db, 'submissions'), 0, 'the claim is released so a retry can succeed');
          assert.equal((await post(app, 'poll', body)).statusCode, 201);
        } finally {
          await broken.close();
        }
      });
    });

    describe('retention and export', () => {
      it('deletes submissions older than the retention period (global and per form)', async () => {
        await post(app, 'poll', vote({ q1: 'a' }));
        await post(app, 'story', story());
        const fresh = await post(app, 'poll', vote({ q1: 'b' }));
        assert.equal(fresh.statusCode, 201);
        await db.query("UPDATE submissions SET created_at = now() - interval '31 days' WHERE form_id = 'poll' AND id IN (SELECT submission_id FROM votes WHERE answers->>'q1' = 'a')");
        await db.query("UPDATE submissions SET created_at = now() - interval '6 days' WHERE form_id = 'story'");
        const deleted = await deleteExpired(db, testContent().config);
        assert.equal(deleted, 2);
        assert.equal(await count(db, 'votes'), 1);
        assert.equal(await count(db, 'stories'), 0);
        const tally = (await app.inject('/api/forms/poll')).json().tally;
        assert.equal(tally.total, 1, 'the running tally is recounted after retention');
      });

      it('exports CSV behind the bearer token, with the sign-up list', async () => {
        await post(app, 'signup', signUp(['ten', 'open'], { name: '=Gevaarlijk, "echt"', phone: '0612345678' }));
        assert.equal((await app.inject('/api/export/signup')).statusCode, 401);
        assert.equal((await app.inject({ url: '/api/export/signup', headers: { authorization: 'Bearer fout' } })).statusCode, 401);
        const response = await app.inject({ url: '/api/export/signup', headers: { authorization: 'Bearer geheim-token' } });
        assert.equal(response.statusCode, 200);
        assert.match(response.headers['content-type'] as string, /^text\/csv/);
        const lines = response.body.trim().split('\r\n');
        assert.equal(lines[0], 'ontvangen,sessie,sessietitel,status,naam,e-mail,telefoon,rol,gemeente,behoeften,opmerkingen');
        assert.equal(lines.length, 3);
        assert.match(lines[1]!, /,open,Onbeperkt,confirmed,"'=Gevaarlijk, ""echt""",fatima@example\.nl,0612345678,/);
      });

      it('exports poll answers and stories', async () => {
        await post(app, 'poll', vote({ q1: 'a', q2: { value: ['x', 'other'], other: 'buurtapp' }, q3: 2 }));
        const poll = await app.inject({ url: '/api/export/poll', headers: { authorization: 'Bearer geheim-token' } });
        assert.match(poll.body, /^ontvangen,q1,q2,q3,q4\r\n[^,]+,a,x; other: buurtapp,2,\r\n$/);
        await post(app, 'story', story());
        const stories = await app.inject({ url: '/api/export/story', headers: { authorization: 'Bearer geheim-token' } });
        assert.match(stories.body, /onderwijs,,,ja,internal,,,"De school luisterde eindelijk naar ons, dat hielp echt."/);
      });
    });
  });
}
