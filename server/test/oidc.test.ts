/**
 * Login with an organisation account against a real OpenID provider (`oidc-provider`, its own
 * login and consent pages), driven the way a browser would: redirects, cookies, forms.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import type { Database } from '../src/db.js';
import { call, makeUser, sessionCookie } from './console-helpers.js';
import { backends, freePort, makeApp, testContent } from './helpers.js';

const CALLBACK = 'http://localhost/beheer/login/oidc/callback';
const SECRET = 'een-geheim-van-de-test-provider';

/** Accounts at the provider: login name → e-mail address. */
const accounts: Record<string, string> = {};

async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const issuer = `http://127.0.0.1:${await freePort()}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'ouderstem',
        client_secret: SECRET,
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['test-cookie-key'] },
    findAccount: async (_context, id) => ({ accountId: id, claims: async () => ({ sub: id, email: accounts[id], email_verified: true }) }),
  });
  const server = provider.listen(Number(new URL(issuer).port), '127.0.0.1');
  await once(server, 'listening');
  return { issuer, server };
}

/** A browser's cookie jar for the provider (one site): name → value. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * From the console's "log in with your organisation account" to the provider and back: logs in at
 * the provider as `account`, consents, and returns the callback URL the provider sends the browser to.
 */
async function throughProvider(authorizationUrl: string, account: string): Promise<string> {
  const jar = new Jar();
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(CALLBACK)) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      continue;
    }
    const page = await response.text();
    assert.equal(response.status, 200, page.slice(0, 300));
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
    assert.ok(action && prompt, `a login or consent form: ${page.slice(0, 300)}`);
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login: account, password: 'wat-dan-ook' } : { prompt });
    const submitted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    jar.take(submitted);
    url = new URL(submitted.headers.get('location')!, url).href;
  }
  throw new Error('the provider never sent the browser back');
}

for (const backend of backends) {
  describe(`console login with OpenID Connect (oidc-provider), on ${backend.name}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let provider: { issuer: string; server: Server };

    before(async () => {
      provider = await startProvider();
      db = await backend.open();
      const content = testContent();
      content.config.publicUrl = 'http://localhost';
      app = await makeApp(db, { content, oidc: { issuer: provider.issuer, clientId: 'ouderstem', clientSecret: SECRET } });
    });
    after(async () => {
      await app.close();
      await db.close();
      provider.server.close();
    });
    beforeEach(() => db.query('DELETE FROM users'));

    /** Starts at the console's login link and ends with the callback's answer. */
    async function signIn(account: string) {
      const start = await app.inject('/beheer/login/oidc');
      assert.equal(start.statusCode, 302);
      const flow = start.cookies.find((cookie) => cookie.name === 'ouderstem-oidc')!;
      assert.equal(flow.sameSite, 'Lax', 'the provider sends the browser back from its own site');
      assert.equal(flow.httpOnly, true);
      assert.equal(flow.path, '/beheer/login/oidc');
      const location = new URL(start.headers.location as string);
      assert.equal(location.origin, provider.issuer);
      assert.equal(location.searchParams.get('code_challenge_method'), 'S256');
      assert.equal(location.searchParams.get('redirect_uri'), CALLBACK);
      const back = new URL(await throughProvider(location.href, account));
      return app.inject({ url: back.pathname + back.search, headers: { cookie: `ouderstem-oidc=${flow.value}` } });
    }

    it('says it is there', async () => {
      assert.equal((await app.inject('/beheer/api/auth')).json().oidc, true);
    });

    it('logs in a user who exists, found by e-mail the first time and by subject after that', async () => {
      const user = await makeUser(db, 'test', 'redacteur', 'Fatima@Gemeente.example');
      accounts.fatima = 'fatima@gemeente.example';
      const answer = await signIn('fatima');
      assert.equal(answer.statusCode, 302, answer.body);
      assert.equal(answer.headers.location, '/beheer/');
      const cookie = sessionCookie(answer)!;
      const me = (await call(app, cookie, 'GET', '/beheer/api/me')).json();
      assert.deepEqual([me.user.id, me.user.role], [user.id, 'redacteur']);
      const { rows } = await db.query<{ oidc_subject: string }>('SELECT oidc_subject FROM users WHERE id = $1', [user.id]);
      assert.equal(rows[0]!.oidc_subject, `${provider.issuer}/ fatima`);
      // The address changes at the provider: the linked subject still finds the account.
      accounts.fatima = 'f.yilmaz@gemeente.example';
      const again = await signIn('fatima');
      assert.equal(again.statusCode, 302);
      assert.equal((await call(app, sessionCookie(again), 'GET', '/beheer/api/me')).json().user.id, user.id);
      const audit = await db.query<{ action: string; detail: { method: string } }>("SELECT action, detail FROM audit_log WHERE action = 'login' AND target = $1", [user.email]);
      assert.deepEqual(audit.rows.map((row) => row.detail.method), ['oidc', 'oidc']);
    });

    it('lets nobody in without an account, and never moves a linked account to another subject', async () => {
      accounts.onbekend = 'onbekend@gemeente.example';
      const stranger = await signIn('onbekend');
      assert.equal(stranger.statusCode, 403);
      assert.match(stranger.body, /geen account voor onbekend@gemeente\.example/);
      assert.equal(sessionCookie(stranger), undefined);
      await makeUser(db, 'test', 'beheerder', 'jan@gemeente.example');
      await db.query("UPDATE users SET oidc_subject = 'http://elders/ iemand' WHERE email = 'jan@gemeente.example'");
      accounts.indringer = 'jan@gemeente.example';
      const intruder = await signIn('indringer');
      assert.equal(intruder.statusCode, 403, 'same address, another subject');
    });

    it('refuses a callback that does not belong to this browser\'s login (state)', async () => {
      await makeUser(db, 'test', 'lezer', 'sam@gemeente.example');
      accounts.sam = 'sam@gemeente.example';
      const start = await app.inject('/beheer/login/oidc');
      const back = new URL(await throughProvider(start.headers.location as string, 'sam'));
      const other = await app.inject('/beheer/login/oidc');
      const wrongFlow = other.cookies.find((cookie) => cookie.name === 'ouderstem-oidc')!;
      const answer = await app.inject({ url: back.pathname + back.search, headers: { cookie: `ouderstem-oidc=${wrongFlow.value}` } });
      assert.equal(answer.statusCode, 400);
      assert.equal(sessionCookie(answer), undefined);
      const noCookie = await app.inject({ url: back.pathname + back.search });
      assert.equal(noCookie.statusCode, 400);
    });
  });
}
