/** Logging in to the console in tests: real users with real scrypt hashes, real cookies, the console's own Origin. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../src/db.js';
import { hashPassword, type Role } from '../src/beheer/auth.js';
import { addUser } from '../src/beheer/users.js';
import { ensureOrganisation } from '../src/organisations.js';

/** `app.inject`'s own origin: host `localhost:80` over http. */
export const OWN_ORIGIN = 'http://localhost';
export const PASSWORD = 'een lange zin als wachtwoord';

let hash: Promise<string> | undefined;
/** One hash for every test user: scrypt is slow on purpose. */
function passwordHash(): Promise<string> {
  return (hash ??= hashPassword(PASSWORD));
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
}

export async function makeUser(db: Database, organisationId: string, role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@${organisationId}.example`): Promise<TestUser> {
  await ensureOrganisation(db, { id: organisationId, name: `Organisatie ${organisationId}` });
  const user = await addUser(db, { organisationId, email, name: `${role} van ${organisationId}`, role, passwordHash: await passwordHash() });
  return { id: user.id, email: user.email, role, organisationId };
}

/** The session cookie (`name=value`) a response sets, if any. */
export function sessionCookie(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((item) => item.name.endsWith('ouderstem-beheer') && item.value !== '');
  return cookie && `${cookie.name}=${cookie.value}`;
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/beheer/api/login', headers: { origin: OWN_ORIGIN }, payload: { email, password } });
  const cookie = sessionCookie(response);
  if (response.statusCode !== 200 || !cookie) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return cookie;
}

/** A console request as the console's own page makes it: the cookie, the Origin, JSON. */
export function call(app: FastifyInstance, cookie: string | undefined, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { origin: OWN_ORIGIN }) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
