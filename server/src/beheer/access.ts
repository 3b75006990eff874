/**
 * The console's gate, for every route under /beheer whoever registers it: `requireRole(role)` as a
 * route's preHandler finds the session behind the cookie and checks the role; a route under
 * /beheer/api without it (or `config: { public: true }`) stops the server from starting. Every
 * state-changing request under /beheer must come from the server's own origin.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Database } from '../db.js';
import { ApiError } from '../messages.js';
import { atLeast, readSession, type ConsoleSession, type Role } from './auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    console: ConsoleGate;
  }
  interface FastifyRequest {
    consoleSession?: ConsoleSession;
  }
  interface FastifyContextConfig {
    /** A console route anyone may call (login, set-up): no session needed. */
    public?: boolean;
  }
}

export interface ConsoleGate {
  db: Database;
  /** The server's own origin as a browser writes it (`https://ouderstem.example.org`). */
  ownOrigin(request: FastifyRequest): string;
  /** The address parents and links use, without a trailing slash. */
  baseUrl(request: FastifyRequest): string;
  /** Whether the console runs on https (then the cookie is `Secure` and has the `__Secure-` prefix). */
  secure(request: FastifyRequest): boolean;
  /** Every route under /beheer/api, and every other route with a role check, with the role it needs (`public`: none). */
  routes: { method: string; url: string; role: Role | 'public' }[];
}

const ROLE = Symbol('ouderstem.role');

const ROLE_NAMES: Record<Role, string> = { lezer: 'lezer', redacteur: 'redacteur of beheerder', beheerder: 'beheerder' };

/**
 * The preHandler of a console route: 401 `not-logged-in` without a (live) session, 403 `forbidden`
 * when the user's role is below `role`. Afterwards `sessionOf(request)` gives the session.
 */
export function requireRole(role: Role) {
  const check = async (request: FastifyRequest): Promise<void> => {
    const session = await loadSession(request);
    if (!session) throw new ApiError(401, [{ code: 'not-logged-in', message: 'Je bent niet (meer) ingelogd. Log opnieuw in.' }]);
    if (!atLeast(session.user.role, role)) {
      throw new ApiError(403, [{ code: 'forbidden', message: `Dit kan alleen een ${ROLE_NAMES[role]}. Vraag een beheerder van jouw organisatie als je dit nodig hebt.` }]);
    }
  };
  return Object.assign(check, { [ROLE]: role });
}

/** The session of a request that passed `requireRole`. */
export function sessionOf(request: FastifyRequest): ConsoleSession {
  if (!request.consoleSession) throw new Error('sessionOf() on a route without requireRole()');
  return request.consoleSession;
}

export function cookieName(secure: boolean): string {
  // Not `__Host-`: that prefix demands Path=/, which would send the cookie with every request a
  // parent's browser makes to this server. `__Secure-` allows Path=/beheer.
  return secure ? '__Secure-ouderstem-beheer' : 'ouderstem-beheer';
}

export async function loadSession(request: FastifyRequest): Promise<ConsoleSession | undefined> {
  if (request.consoleSession) return request.consoleSession;
  const gate = request.server.console;
  const id = request.cookies?.[cookieName(gate.secure(request))];
  if (!id || id.length > 100) return undefined;
  const session = await readSession(gate.db, id);
  if (session) request.consoleSession = session;
  return session;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string): void {
  const secure = request.server.console.secure(request);
  reply.setCookie(cookieName(secure), id, { path: '/beheer', httpOnly: true, sameSite: 'strict', secure });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = request.server.console.secure(request);
  reply.clearCookie(cookieName(secure), { path: '/beheer', httpOnly: true, sameSite: 'strict', secure });
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The console's CSP: only this server, no inline script or style, never in a frame. */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

export function isConsolePath(url: string): boolean {
  return url === '/beheer' || url.startsWith('/beheer/') || url.startsWith('/beheer?');
}

/** Installs the gate on the root instance, before any console route is registered. */
export function installConsoleGate(app: FastifyInstance, gate: Omit<ConsoleGate, 'routes'>): void {
  const routes: ConsoleGate['routes'] = [];
  app.decorate('console', { ...gate, routes });

  app.addHook('onRoute', (route: RouteOptions) => {
    const role = [route.preHandler ?? []].flat().map((handler) => (handler as { [ROLE]?: Role })[ROLE]).find(Boolean);
    const api = route.url.startsWith('/beheer/api/');
    if (!api && !role) return;
    const isPublic = (route.config as { public?: boolean } | undefined)?.public === true;
    if (!role && !isPublic) throw new Error(`${String(route.method)} ${route.url}: a console route needs { preHandler: requireRole(…) } or config: { public: true }`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, role: role ?? 'public' });
    }
  });

  app.addHook('onRequest', async (request) => {
    if (!isConsolePath(request.url) || !STATE_CHANGING.has(request.method)) return;
    // No CSRF token needed: a browser always sends Origin with these, and another site cannot fake it.
    const origin = request.headers.origin;
    if (origin === undefined || !sameOrigin(origin, gate.ownOrigin(request))) {
      throw new ApiError(403, [
        { code: 'origin-not-allowed', message: 'Dit verzoek kwam niet van de beheeromgeving zelf en is daarom geweigerd. Open de beheeromgeving opnieuw en probeer het nog eens.' },
      ]);
    }
  });

  app.addHook('onSend', async (request, reply) => {
    if (!isConsolePath(request.url)) return;
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', CONSOLE_CSP);
  });
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
