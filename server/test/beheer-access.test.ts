import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db.js';
import type { Role } from '../src/beheer/auth.js';
import { createForm, publishForm } from '../src/forms.js';
import { call, login, makeUser, OWN_ORIGIN, type TestUser } from './console-helpers.js';
import { backends, makeApp } from './helpers.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const ROLES: Role[] = ['lezer', 'redacteur', 'beheerder'];

const POLL = {
  type: 'peiling',
  id: 'rollen-peiling',
  title: 'Rollen',
  results: 'after-vote',
  integrity: 'open',
  questions: [{ id: 'q1', type: 'single', label: 'Eén', options: [{ value: 'a', label: 'A' }] }],
} as const;

/**
 * Every console route, the role it needs ('public': none), and a request to make. The table is
 * written out here on purpose, not read from the code: a route that loses its check fails, and a
 * route that is not in the table fails the coverage test below.
 */
interface Row {
  method: Method;
  url: string;
  role: Role | 'public';
  path?: (context: Context) => string | Promise<string>;
  body?: (context: Context) => unknown;
}

interface Context {
  db: Database;
  target: TestUser;
}

const form = (suffix = '') => `/beheer/api/forms/${POLL.id}${suffix}`;

const TABLE: Row[] = [
  { method: 'GET', url: '/beheer/api/auth', role: 'public' },
  { method: 'GET', url: '/beheer/api/setup/:token', role: 'public', path: () => '/beheer/api/setup/onbekend' },
  { method: 'POST', url: '/beheer/api/setup/:token', role: 'public', path: () => '/beheer/api/setup/onbekend', body: () => ({}) },
  { method: 'POST', url: '/beheer/api/login', role: 'public', body: () => ({ email: 'niemand@example.nl', password: 'fout' }) },
  { method: 'GET', url: '/beheer/api/me', role: 'lezer' },
  { method: 'GET', url: '/beheer/api/users', role: 'beheerder' },
  { method: 'POST', url: '/beheer/api/users', role: 'beheerder', body: () => ({ email: `${randomUUID()}@rollen.example`, name: 'Nieuw', role: 'lezer' }) },
  { method: 'PATCH', url: '/beheer/api/users/:id', role: 'beheerder', path: ({ target }) => `/beheer/api/users/${target.id}`, body: () => ({ name: 'Andere naam' }) },
  {
    method: 'DELETE',
    url: '/beheer/api/users/:id',
    role: 'beheerder',
    path: async ({ db }) => `/beheer/api/users/${(await makeUser(db, 'rollen', 'lezer')).id}`,
  },
  { method: 'POST', url: '/beheer/api/users/:id/setup-link', role: 'beheerder', path: ({ target }) => `/beheer/api/users/${target.id}/setup-link`, body: () => ({}) },
  { method: 'GET', url: '/beheer/api/organisation', role: 'beheerder' },
  { method: 'PATCH', url: '/beheer/api/organisation', role: 'beheerder', body: () => ({ name: 'Organisatie rollen' }) },
  { method: 'GET', url: '/beheer/api/audit', role: 'beheerder' },
  { method: 'GET', url: '/beheer/api/forms', role: 'lezer' },
  { method: 'POST', url: '/beheer/api/forms', role: 'redacteur', body: () => ({ type: 'peiling', definition: { ...POLL, id: `nieuw-${randomUUID()}` } }) },
  { method: 'GET', url: '/beheer/api/forms/:id', role: 'lezer', path: () => form() },
  { method: 'PUT', url: '/beheer/api/forms/:id', role: 'redacteur', path: () => form(), body: () => ({ baseVersion: 0, definition: POLL }) },
  { method: 'POST', url: '/beheer/api/forms/:id/publish', role: 'redacteur', path: () => form('/publish'), body: () => ({ version: 1 }) },
  { method: 'POST', url: '/beheer/api/forms/:id/state', role: 'redacteur', path: () => form('/state'), body: () => ({ state: 'gepubliceerd' }) },
  { method: 'GET', url: '/beheer/api/forms/:id/results', role: 'lezer', path: () => form('/results') },
  { method: 'POST', url: '/beheer/api/forms/:id/codes', role: 'redacteur', path: () => form('/codes'), body: () => ({ count: 1 }) },
  { method: 'GET', url: '/beheer/api/forms/:id/codes.csv', role: 'redacteur', path: () => form('/codes.csv') },
  { method: 'GET', url: '/beheer/forms/:id/codes/print', role: 'redacteur', path: () => `/beheer/forms/${POLL.id}/codes/print` },
  { method: 'GET', url: '/beheer/api/forms/:id/share', role: 'lezer', path: () => form('/share') },
  { method: 'GET', url: '/beheer/api/forms/:id/qr.svg', role: 'lezer', path: () => form('/qr.svg') },
  { method: 'GET', url: '/beheer/api/forms/:id/qr.png', role: 'lezer', path: () => form('/qr.png') },
  { method: 'POST', url: '/beheer/api/origin-check', role: 'lezer', body: () => ({ url: 'https://www.voorbeeldstad.nl/' }) },
  { method: 'GET', url: '/beheer/api/networks', role: 'lezer' },
  { method: 'PUT', url: '/beheer/api/networks', role: 'redacteur', body: () => ({ networks: { networks: [] } }) },
  { method: 'GET', url: '/beheer/api/gemeenten', role: 'lezer' },
  { method: 'POST', url: '/beheer/api/forms/:id/sessions/:sessionId/cancel', role: 'redacteur', path: () => form('/sessions/s1/cancel'), body: () => ({}) },
  { method: 'GET', url: '/beheer/api/mail', role: 'beheerder' },
  { method: 'PUT', url: '/beheer/api/mail', role: 'beheerder', body: () => ({ smtpUrl: 'smtp://ouders@127.0.0.1:9', password: 'geheim', from: 'ouders@rollen.example' }) },
  { method: 'DELETE', url: '/beheer/api/mail', role: 'beheerder' },
  { method: 'POST', url: '/beheer/api/mail/test', role: 'beheerder', body: () => ({}) },
  { method: 'GET', url: '/beheer/api/mail/problems', role: 'lezer' },
  { method: 'POST', url: '/beheer/api/mail/problems/:id/retry', role: 'redacteur', path: () => `/beheer/api/mail/problems/${randomUUID()}/retry`, body: () => ({}) },
  // Last: it ends the session it is called with.
  { method: 'POST', url: '/beheer/api/logout', role: 'lezer', body: () => ({}) },
];

const RANK: Record<Role | 'public', number> = { public: 0, lezer: 1, redacteur: 2, beheerder: 3 };

for (const backend of backends) {
  describe(`console: every route × every role, on ${backend.name}`, () => {
    let db: Database;
    let app: FastifyInstance;
    const cookies = new Map<Role, string>();
    let context: Context;

    before(async () => {
      db = await backend.open();
      app = await makeApp(db);
      for (const role of ROLES) cookies.set(role, await login(app, (await makeUser(db, 'rollen', role)).email));
      context = { db, target: await makeUser(db, 'rollen', 'lezer') };
      await createForm(db, 'rollen', POLL as never, {}, null);
      await publishForm(db, 'rollen', POLL.id, 1);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('the table lists every console route the server has, with the role it checks', () => {
      const registered = app.console.routes.map((route) => `${route.method} ${route.url} ${route.role}`).sort();
      const table = TABLE.map((row) => `${row.method} ${row.url} ${row.role}`).sort();
      assert.deepEqual(registered, table);
    });

    for (const row of TABLE) {
      it(`${row.method} ${row.url}: ${row.role === 'public' ? 'no session needed' : `${row.role} and up`}`, async () => {
        for (const who of ['none', ...ROLES] as const) {
          const path = row.path ? await row.path(context) : row.url;
          const response = await call(app, who === 'none' ? undefined : cookies.get(who), row.method, path, row.body?.(context));
          const code = response.statusCode >= 400 ? (response.json().errors?.[0]?.code as string | undefined) : undefined;
          const rank = who === 'none' ? 0 : RANK[who];
          if (row.role === 'public' || rank >= RANK[row.role]) {
            assert.ok(code !== 'not-logged-in' && code !== 'forbidden', `${who}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          } else if (who === 'none') {
            assert.equal(response.statusCode, 401, `${who}: ${response.body.slice(0, 200)}`);
            assert.equal(code, 'not-logged-in');
          } else {
            assert.equal(response.statusCode, 403, `${who}: ${response.body.slice(0, 200)}`);
            assert.equal(code, 'forbidden');
            assert.match(response.json().errors[0].message, /Vraag een beheerder/);
          }
        }
      });
    }

    it('an expired or unknown session is no session', async () => {
      const cookie = await login(app, (await makeUser(db, 'rollen', 'beheerder')).email);
      assert.equal((await call(app, cookie, 'GET', '/beheer/api/me')).statusCode, 200);
      await db.query("UPDATE console_sessions SET expires_at = now() - interval '1 second'");
      assert.equal((await call(app, cookie, 'GET', '/beheer/api/me')).statusCode, 401);
      assert.equal((await call(app, 'ouderstem-beheer=verzonnen', 'GET', '/beheer/api/me')).statusCode, 401);
    });

    it('a state-changing request must come from the console itself: no Origin, or another, is 403', async () => {
      const cookie = await login(app, (await makeUser(db, 'rollen', 'beheerder')).email);
      for (const origin of [undefined, 'https://evil.example', 'null']) {
        const response = await app.inject({
          method: 'PATCH',
          url: '/beheer/api/organisation',
          headers: { cookie, ...(origin ? { origin } : {}) },
          payload: { name: 'Overgenomen' },
        });
        assert.equal(response.statusCode, 403, String(origin));
        assert.equal(response.json().errors[0].code, 'origin-not-allowed');
      }
      const login403 = await app.inject({ method: 'POST', url: '/beheer/api/login', headers: { origin: 'https://evil.example' }, payload: { email: 'x@y.nl', password: 'z' } });
      assert.equal(login403.statusCode, 403, 'no login from another site either');
      const { rows } = await db.query<{ name: string }>("SELECT name FROM organisations WHERE id = 'rollen'");
      assert.notEqual(rows[0]!.name, 'Overgenomen');
      assert.equal((await app.inject({ url: '/beheer/api/me', headers: { cookie } })).statusCode, 200, 'a GET needs no Origin');
      assert.equal((await app.inject({ method: 'PATCH', url: '/beheer/api/organisation', headers: { cookie, origin: OWN_ORIGIN }, payload: { name: 'Rollen' } })).statusCode, 200);
    });
  });
}
