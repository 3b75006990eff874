import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db.js';
import { issueSetupToken, sha256 } from '../src/beheer/auth.js';
import { call, login, makeUser, OWN_ORIGIN, PASSWORD, sessionCookie } from './console-helpers.js';
import { backends, makeApp, testContent } from './helpers.js';

type Json = Record<string, any>;

const NEW_PASSWORD = 'nog een lange zin als wachtwoord';

async function resetConsole(db: Database): Promise<void> {
  // DELETE, not TRUNCATE … CASCADE: that would empty form_versions too (created_by refers to users).
  for (const table of ['users', 'setup_tokens', 'login_failures', 'audit_log']) await db.query(`DELETE FROM ${table}`);
  await db.query("DELETE FROM organisations WHERE id NOT IN (SELECT organisation_id FROM forms)");
}

async function auditActions(db: Database, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ action: string }>('SELECT action FROM audit_log WHERE organisation_id = $1 ORDER BY id', [organisationId]);
  return rows.map((row) => row.action);
}

for (const backend of backends) {
  describe(`console accounts on ${backend.name}`, () => {
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
    beforeEach(() => resetConsole(db));

    describe('the first set-up link', () => {
      it('makes the organisation and its first beheerder, logs them in, and works once', async () => {
        assert.deepEqual((await app.inject('/beheer/api/auth')).json(), { setupNeeded: true, oidc: false });
        const token = await issueSetupToken(db);
        assert.deepEqual((await app.inject(`/beheer/api/setup/${token}`)).json(), { organisation: null, user: null });
        const missing = await call(app, undefined, 'POST', `/beheer/api/setup/${token}`, { name: '', email: 'geen', password: 'kort' });
        assert.equal(missing.statusCode, 422);
        assert.deepEqual(missing.json().errors.map((error: Json) => error.field).sort(), ['email', 'name', 'organisationName', 'password']);
        assert.ok(missing.json().errors.every((error: Json) => /[a-z] /.test(error.message) && !/must|required/.test(error.message)), 'plain Dutch');

        const body = { organisationName: 'Gemeente Voorbeeldstad', name: 'Sanne Bakker', email: 'Sanne@Voorbeeldstad.nl', password: PASSWORD };
        const created = await call(app, undefined, 'POST', `/beheer/api/setup/${token}`, body);
        assert.equal(created.statusCode, 201, created.body);
        assert.equal(created.json().user.role, 'beheerder');
        const cookie = sessionCookie(created)!;
        const me = (await call(app, cookie, 'GET', '/beheer/api/me')).json();
        assert.equal(me.organisation.name, 'Gemeente Voorbeeldstad');
        assert.equal(me.organisation.id, 'gemeente-voorbeeldstad');
        assert.deepEqual(me.mail, { configured: false, source: null, problems: 0 });
        assert.equal(me.user.email, 'Sanne@Voorbeeldstad.nl');

        const again = await call(app, undefined, 'POST', `/beheer/api/setup/${token}`, { ...body, email: 'ander@voorbeeldstad.nl' });
        assert.equal(again.statusCode, 410);
        assert.equal(again.json().errors[0].code, 'setup-link-expired');
        assert.equal((await app.inject(`/beheer/api/setup/${token}`)).statusCode, 410);
        // Another first-start link printed before the first was used is dead too: there is a beheerder now.
        const second = await issueSetupToken(db);
        assert.equal((await app.inject(`/beheer/api/setup/${second}`)).statusCode, 410);
        assert.equal((await app.inject('/beheer/api/setup/onbekend')).statusCode, 404);
        assert.deepEqual((await app.inject('/beheer/api/auth')).json(), { setupNeeded: false, oidc: false });
        assert.deepEqual(await auditActions(db, 'gemeente-voorbeeldstad'), ['setup', 'login']);
      });

      it('expires after 24 hours', async () => {
        const token = await issueSetupToken(db);
        const { rows } = await db.query<{ hours: number }>('SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM setup_tokens');
        assert.deepEqual(rows, [{ hours: 24 }]);
        await db.query("UPDATE setup_tokens SET expires_at = now() - interval '1 second'");
        assert.equal((await app.inject(`/beheer/api/setup/${token}`)).statusCode, 410);
        const late = await call(app, undefined, 'POST', `/beheer/api/setup/${token}`, { organisationName: 'X', name: 'X', email: 'x@x.nl', password: PASSWORD });
        assert.equal(late.statusCode, 410);
      });

      it('for an organisation that exists (the demo) asks no organisation name; two tabs at once make one beheerder', async () => {
        const token = await issueSetupToken(db, { organisationId: 'test' });
        assert.deepEqual((await app.inject(`/beheer/api/setup/${token}`)).json(), { organisation: { name: 'Testgemeente' }, user: null });
        const body = (email: string) => ({ name: 'Eerste', email, password: PASSWORD });
        const answers = await Promise.all([call(app, undefined, 'POST', `/beheer/api/setup/${token}`, body('een@test.nl')), call(app, undefined, 'POST', `/beheer/api/setup/${token}`, body('twee@test.nl'))]);
        assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [201, 410]);
        const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE organisation_id = 'test'");
        assert.equal(rows[0]!.n, 1);
      });
    });

    describe('logging in', () => {
      it('sets a session cookie for /beheer only, HttpOnly and SameSite=Strict; the database keeps only its hash', async () => {
        const user = await makeUser(db, 'test', 'redacteur');
        const response = await call(app, undefined, 'POST', '/beheer/api/login', { email: user.email.toUpperCase(), password: PASSWORD });
        assert.equal(response.statusCode, 200, response.body);
        const cookie = response.cookies.find((item) => item.name === 'ouderstem-beheer')!;
        assert.equal(cookie.path, '/beheer');
        assert.equal(cookie.httpOnly, true);
        assert.equal(cookie.sameSite, 'Strict');
        assert.equal(cookie.secure, undefined, 'plain http: no Secure');
        const { rows } = await db.query<{ id_hash: string }>('SELECT id_hash FROM console_sessions');
        assert.deepEqual(rows, [{ id_hash: sha256(cookie.value) }]);
        assert.equal((await call(app, `ouderstem-beheer=${cookie.value}`, 'GET', '/beheer/api/me')).json().user.role, 'redacteur');
      });

      it('on https the cookie is Secure with the __Secure- prefix (Path=/beheer rules out __Host-)', async () => {
        const content = testContent();
        content.config.publicUrl = 'https://ouderstem.voorbeeldstad.nl';
        const secure = await makeApp(db, { content });
        try {
          const user = await makeUser(db, 'test', 'lezer');
          const response = await secure.inject({
            method: 'POST',
            url: '/beheer/api/login',
            headers: { origin: 'https://ouderstem.voorbeeldstad.nl' },
            payload: { email: user.email, password: PASSWORD },
          });
          assert.equal(response.statusCode, 200, response.body);
          const cookie = response.cookies[0]!;
          assert.equal(cookie.name, '__Secure-ouderstem-beheer');
          assert.equal(cookie.secure, true);
          assert.equal(cookie.path, '/beheer');
        } finally {
          await secure.close();
        }
      });

      it('logout ends the session in the database and clears the cookie', async () => {
        const cookie = await login(app, (await makeUser(db, 'test', 'lezer')).email);
        const response = await call(app, cookie, 'POST', '/beheer/api/logout', {});
        assert.equal(response.statusCode, 204);
        assert.equal(response.cookies.find((item) => item.name === 'ouderstem-beheer')?.value, '');
        assert.equal((await call(app, cookie, 'GET', '/beheer/api/me')).statusCode, 401);
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM console_sessions');
        assert.equal(rows[0]!.n, 0);
      });

      it('parent pages and the API still set no cookie, also for a browser that has the console cookie', async () => {
        const cookie = await login(app, (await makeUser(db, 'test', 'lezer')).email);
        for (const url of ['/api/forms/poll', '/api/networks', '/f/poll', '/healthz']) {
          const response = await app.inject({ url, headers: { cookie } });
          assert.equal(response.headers['set-cookie'], undefined, url);
        }
      });

      it('5 wrong passwords in 15 minutes lock the account: 429 with Retry-After, also for the right one; the audit log says so', async () => {
        const user = await makeUser(db, 'test', 'beheerder');
        const attempt = (password: string, remoteAddress = '192.0.2.1') =>
          app.inject({ method: 'POST', url: '/beheer/api/login', remoteAddress, headers: { origin: OWN_ORIGIN }, payload: { email: user.email, password } });
        for (let index = 0; index < 5; index++) {
          const wrong = await attempt(`fout wachtwoord ${index}`);
          assert.equal(wrong.statusCode, 401);
          assert.equal(wrong.json().errors[0].code, 'invalid-login');
        }
        for (const address of ['192.0.2.1', '198.51.100.7']) {
          const locked = await attempt(PASSWORD, address);
          assert.equal(locked.statusCode, 429, `${address}: the account is locked from every client`);
          assert.equal(locked.json().errors[0].code, 'locked');
          const wait = Number(locked.headers['retry-after']);
          assert.ok(wait > 14 * 60 && wait <= 15 * 60, `Retry-After ${wait}`);
          assert.match(locked.json().errors[0].message, /over 15 minuten/);
        }
        await db.query("UPDATE login_failures SET at = at - interval '15 minutes 1 second'");
        assert.equal((await attempt(PASSWORD)).statusCode, 200, 'after 15 minutes it works again');
        assert.deepEqual(await auditActions(db, 'test'), ['login.failed', 'login.failed', 'login.failed', 'login.failed', 'login.locked', 'login']);
        const { rows } = await db.query<{ actor: string; target: string }>("SELECT actor, target FROM audit_log WHERE action = 'login.failed' LIMIT 1");
        assert.deepEqual(rows, [{ actor: 'login', target: user.email }]);
      });

      it('5 failures from one client, on any addresses, lock that client out', async () => {
        const user = await makeUser(db, 'test', 'lezer');
        for (let index = 0; index < 5; index++) {
          const response = await app.inject({
            method: 'POST',
            url: '/beheer/api/login',
            remoteAddress: '203.0.113.9',
            headers: { origin: OWN_ORIGIN },
            payload: { email: `geraden-${index}@test.nl`, password: 'iets' },
          });
          assert.equal(response.statusCode, 401);
        }
        const blocked = await app.inject({ method: 'POST', url: '/beheer/api/login', remoteAddress: '203.0.113.9', headers: { origin: OWN_ORIGIN }, payload: { email: user.email, password: PASSWORD } });
        assert.equal(blocked.statusCode, 429);
        const other = await app.inject({ method: 'POST', url: '/beheer/api/login', remoteAddress: '203.0.113.10', headers: { origin: OWN_ORIGIN }, payload: { email: user.email, password: PASSWORD } });
        assert.equal(other.statusCode, 200, 'another client is not locked out');
        const { rows } = await db.query<{ key: string }>('SELECT DISTINCT key FROM login_failures');
        assert.ok(rows.every((row) => !row.key.includes('203.0.113') && !row.key.includes('@')), 'no address and no e-mail address stored in the clear');
      });
    });

    describe('users', () => {
      it('a beheerder adds a user, who sets a password with the one-time link and logs in', async () => {
        const beheerder = await makeUser(db, 'test', 'beheerder');
        const cookie = await login(app, beheerder.email);
        const added = await call(app, cookie, 'POST', '/beheer/api/users', { email: 'nieuw@test.nl', name: 'Nieuwe Redacteur', role: 'redacteur' });
        assert.equal(added.statusCode, 201, added.body);
        const { setupUrl, user } = added.json();
        assert.match(setupUrl, /^http:\/\/localhost(:80)?\/beheer\/setup\/[\w-]{40,}$/);
        const token = setupUrl.split('/').pop();
        assert.deepEqual((await app.inject(`/beheer/api/setup/${token}`)).json(), { organisation: { name: 'Testgemeente' }, user: { email: 'nieuw@test.nl', name: 'Nieuwe Redacteur' } });
        assert.equal((await call(app, undefined, 'POST', '/beheer/api/login', { email: 'nieuw@test.nl', password: NEW_PASSWORD })).statusCode, 401, 'no password yet');
        const set = await call(app, undefined, 'POST', `/beheer/api/setup/${token}`, { password: NEW_PASSWORD });
        assert.equal(set.statusCode, 201, set.body);
        assert.equal(set.json().user.id, user.id);
        const own = await login(app, 'nieuw@test.nl', NEW_PASSWORD);
        assert.equal((await call(app, own, 'GET', '/beheer/api/me')).json().user.role, 'redacteur');
        const list = (await call(app, cookie, 'GET', '/beheer/api/users')).json().users as Json[];
        assert.deepEqual(list.map((item) => item.email).sort(), [beheerder.email, 'nieuw@test.nl'].sort());
        assert.ok(list.every((item) => !('passwordHash' in item) && !('password_hash' in item)));
        const taken = await call(app, cookie, 'POST', '/beheer/api/users', { email: 'NIEUW@test.nl', name: 'Dubbel', role: 'lezer' });
        assert.equal(taken.statusCode, 409);
        assert.equal(taken.json().errors[0].code, 'email-taken');
      });

      it('a role change counts at once; the last beheerder cannot go or step down; nobody removes themselves', async () => {
        const beheerder = await makeUser(db, 'test', 'beheerder');
        const other = await makeUser(db, 'test', 'lezer');
        const cookie = await login(app, beheerder.email);
        const otherCookie = await login(app, other.email);
        assert.equal((await call(app, otherCookie, 'GET', '/beheer/api/users')).statusCode, 403);
        const promoted = await call(app, cookie, 'PATCH', `/beheer/api/users/${other.id}`, { role: 'beheerder' });
        assert.equal(promoted.json().user.role, 'beheerder');
        assert.equal((await call(app, otherCookie, 'GET', '/beheer/api/users')).statusCode, 200, 'the same session, the new role');
        assert.equal((await call(app, cookie, 'DELETE', `/beheer/api/users/${beheerder.id}`)).json().errors[0].code, 'not-yourself');
        assert.equal((await call(app, cookie, 'PATCH', `/beheer/api/users/${other.id}`, { role: 'lezer' })).statusCode, 200);
        const stepDown = await call(app, cookie, 'PATCH', `/beheer/api/users/${beheerder.id}`, { role: 'redacteur' });
        assert.equal(stepDown.statusCode, 409);
        assert.equal(stepDown.json().errors[0].code, 'last-beheerder');
        assert.equal((await call(app, cookie, 'PATCH', `/beheer/api/users/${other.id}`, { role: 'koning' })).statusCode, 422);
        const removed = await call(app, cookie, 'DELETE', `/beheer/api/users/${other.id}`);
        assert.equal(removed.statusCode, 204);
        assert.equal((await call(app, otherCookie, 'GET', '/beheer/api/me')).statusCode, 401, 'their sessions went with them');
        const actions = await auditActions(db, 'test');
        assert.deepEqual(actions.filter((action) => action.startsWith('user.')), ['user.update', 'user.update', 'user.delete']);
        const { rows } = await db.query<{ detail: Json }>("SELECT detail FROM audit_log WHERE action = 'user.update' ORDER BY id LIMIT 1");
        assert.deepEqual(rows[0]!.detail, { role: { from: 'lezer', to: 'beheerder' } });
      });
    });

    describe('organisations', () => {
      it('nobody sees or touches another organisation: its users, settings, audit log and forms are not found', async () => {
        const ours = await makeUser(db, 'test', 'beheerder');
        const theirs = await makeUser(db, 'elders', 'beheerder');
        const theirLezer = await makeUser(db, 'elders', 'lezer');
        const cookie = await login(app, theirs.email);
        assert.deepEqual((await call(app, cookie, 'GET', '/beheer/api/forms')).json().forms, []);
        for (const url of ['/beheer/api/forms/poll', '/beheer/api/forms/poll/results', '/beheer/api/forms/poll/share', '/beheer/api/forms/poll/qr.svg']) {
          const response = await call(app, cookie, 'GET', url);
          assert.equal(response.statusCode, 404, url);
        }
        for (const [method, url, body] of [
          ['PUT', '/beheer/api/forms/poll', { baseVersion: 1, definition: { type: 'peiling', id: 'poll' } }],
          ['POST', '/beheer/api/forms/poll/publish', { version: 1 }],
          ['POST', '/beheer/api/forms/poll/state', { state: 'gearchiveerd' }],
          ['PATCH', `/beheer/api/users/${ours.id}`, { role: 'lezer' }],
          ['DELETE', `/beheer/api/users/${ours.id}`, undefined],
          ['POST', `/beheer/api/users/${ours.id}/setup-link`, {}],
          ['POST', '/beheer/api/origin-check', { url: 'https://x.nl', formId: 'poll' }],
        ] as const) {
          const response = await call(app, cookie, method, url, body);
          assert.equal(response.statusCode, 404, `${method} ${url}: ${response.body}`);
        }
        const users = (await call(app, cookie, 'GET', '/beheer/api/users')).json().users as Json[];
        assert.deepEqual(users.map((user) => user.email).sort(), [theirs.email, theirLezer.email].sort());
        await login(app, ours.email);
        const audit = (await call(app, cookie, 'GET', '/beheer/api/audit')).json().entries as Json[];
        assert.ok(audit.every((entry) => entry.user === null || entry.user.email === theirs.email), JSON.stringify(audit));
        const { rows } = await db.query<{ state: string }>("SELECT state FROM forms WHERE id = 'poll'");
        assert.equal(rows[0]!.state, 'gepubliceerd');
      });

      it('the audit log: every change and login, who and when, newest first, in pages', async () => {
        const beheerder = await makeUser(db, 'test', 'beheerder');
        const cookie = await login(app, beheerder.email);
        await call(app, cookie, 'PATCH', '/beheer/api/organisation', { privacyUrl: 'https://www.voorbeeldstad.nl/privacy', allowedOrigins: ['https://www.voorbeeldstad.nl/ouders'] });
        await call(app, cookie, 'POST', '/beheer/api/forms/poll/state', { state: 'gesloten' });
        await call(app, cookie, 'POST', '/beheer/api/forms/poll/state', { state: 'gepubliceerd' });
        const first = (await call(app, cookie, 'GET', '/beheer/api/audit?limit=2')).json().entries as Json[];
        assert.deepEqual(first.map((entry) => entry.action), ['form.state', 'form.state']);
        assert.deepEqual(first[0]!.detail, { from: 'gesloten', to: 'gepubliceerd' });
        assert.equal(first[0]!.user.email, beheerder.email);
        assert.ok(Date.now() - Date.parse(first[0]!.at) < 60_000);
        const rest = (await call(app, cookie, 'GET', `/beheer/api/audit?before=${first[1]!.id}&limit=50`)).json().entries as Json[];
        assert.deepEqual(rest.map((entry) => entry.action), ['organisation.update', 'login']);
        assert.deepEqual(rest[0]!.detail.allowedOrigins, { from: [], to: ['https://www.voorbeeldstad.nl'] });
        assert.equal((await call(app, cookie, 'GET', '/beheer/api/audit?limit=5000')).statusCode, 422);
      });

      it('an export of personal data is in the audit log too', async () => {
        const response = await app.inject({ url: '/api/export/signup', headers: { authorization: 'Bearer geheim-token' } });
        assert.equal(response.statusCode, 200);
        const { rows } = await db.query<{ actor: string; action: string; target: string }>("SELECT actor, action, target FROM audit_log WHERE organisation_id = 'test'");
        assert.deepEqual(rows, [{ actor: 'export-token', action: 'export.csv', target: 'signup' }]);
      });
    });
  });
}
