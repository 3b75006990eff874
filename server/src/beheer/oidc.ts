/**
 * Optional login with an organisation account (Microsoft Entra ID, Keycloak, any OpenID Connect
 * provider) through `openid-client`: authorization code flow with PKCE, state and nonce. Only a
 * user who already exists in some organisation gets in, found by the provider's subject once it is
 * linked, the first time by e-mail address.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { escapeHtml } from '../pages.js';
import { consolePage } from './page.js';
import type { ConsoleOptions } from './index.js';
import { startSession } from './routes-auth.js';
import { userByEmail, userBySubject } from './users.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** `OUDERSTEM_OIDC_ISSUER`, `…_CLIENT_ID`, `…_CLIENT_SECRET`: all three, or no OpenID login. */
export function oidcFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.OUDERSTEM_OIDC_ISSUER;
  const clientId = env.OUDERSTEM_OIDC_CLIENT_ID;
  const clientSecret = env.OUDERSTEM_OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error('OpenID Connect needs all three of OUDERSTEM_OIDC_ISSUER, OUDERSTEM_OIDC_CLIENT_ID and OUDERSTEM_OIDC_CLIENT_SECRET.');
  }
  return { issuer, clientId, clientSecret };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const FLOW_COOKIE_PATH = '/beheer/login/oidc';

function flowCookie(secure: boolean): string {
  return secure ? '__Secure-ouderstem-oidc' : 'ouderstem-oidc';
}

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

function resultPage(reply: FastifyReply, status: number, title: string, text: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(consolePage(title, `<p>${escapeHtml(text)}</p><p><a href="/beheer/">Terug naar de beheeromgeving</a></p>`));
}

export function registerOidcRoutes(app: FastifyInstance, options: ConsoleOptions, settings: OidcSettings): void {
  const issuer = new URL(settings.issuer);
  let discovered: Promise<client.Configuration> | undefined;
  // Found when first needed (a provider that is down does not stop the server), again after a failure.
  const configuration = () => {
    discovered ??= client
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        // Plain http only for a provider on this machine (tests, a local Keycloak).
        execute: issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname) ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  const callbackUrl = (request: FastifyRequest) => `${app.console.baseUrl(request)}/beheer/login/oidc/callback`;

  app.get('/beheer/login/oidc', async (request, reply) => {
    let config: client.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      request.log.error({ err: error }, 'OpenID provider not reachable');
      return resultPage(reply, 503, 'Inloggen lukt nu niet', 'De inlogdienst van je organisatie is niet bereikbaar. Probeer het later opnieuw, of log in met je e-mailadres en wachtwoord.');
    }
    const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const secure = app.console.secure(request);
    // SameSite=Lax, not Strict: the provider sends the browser back with a top-level GET from its own site.
    reply.setCookie(flowCookie(secure), Buffer.from(JSON.stringify(flow)).toString('base64url'), {
      path: FLOW_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: 600,
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl(request),
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return reply.redirect(url.href, 302);
  });

  app.get('/beheer/login/oidc/callback', async (request, reply) => {
    const secure = app.console.secure(request);
    const raw = request.cookies[flowCookie(secure)];
    reply.clearCookie(flowCookie(secure), { path: FLOW_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure });
    let flow: Flow | undefined;
    try {
      flow = raw ? (JSON.parse(Buffer.from(raw, 'base64url').toString()) as Flow) : undefined;
    } catch {
      flow = undefined;
    }
    const failed = () =>
      resultPage(reply, 400, 'Inloggen lukte niet', 'Inloggen met je organisatie-account lukte niet, of duurde te lang. Probeer het opnieuw vanaf de beheeromgeving.');
    if (!flow?.state || !flow.nonce || !flow.verifier) return failed();
    let claims: { sub: string; email?: unknown; email_verified?: unknown };
    try {
      const config = await configuration();
      const current = new URL(request.url, app.console.baseUrl(request));
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
      });
      claims = tokens.claims()!;
      if (typeof claims.email !== 'string') claims = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID login failed');
      return failed();
    }
    const subject = `${issuer.href} ${claims.sub}`;
    let user = await userBySubject(options.db, subject);
    if (!user && typeof claims.email === 'string' && claims.email_verified !== false) {
      const byEmail = await userByEmail(options.db, claims.email);
      // The first login links the account to this subject; an account linked to another never moves.
      if (byEmail && byEmail.oidcSubject === null) {
        await options.db.query('UPDATE users SET oidc_subject = $2 WHERE id = $1 AND oidc_subject IS NULL', [byEmail.id, subject]);
        user = byEmail;
      }
    }
    if (!user) {
      return resultPage(
        reply,
        403,
        'Geen account',
        `Er is in Ouderstem geen account voor ${typeof claims.email === 'string' ? claims.email : 'dit organisatie-account'}. Vraag een beheerder van je organisatie om je toe te voegen, met hetzelfde e-mailadres.`,
      );
    }
    await startSession(options, request, reply, user, 'oidc');
    return reply.redirect('/beheer/', 302);
  });
}
