import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Queryable } from '../db.js';

/** `beheerder` ⊃ `redacteur` ⊃ `lezer`. */
export type Role = 'beheerder' | 'redacteur' | 'lezer';
export const ROLES: readonly Role[] = ['lezer', 'redacteur', 'beheerder'];

export function atLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Passwords: scrypt from node:crypto, parameters stored with each hash so they can be raised later.

/** OWASP's scrypt setting with 32 MiB per hash (N=2^15, r=8, p=3; the same work as N=2^17, p=1 in a quarter of the memory). */
const SCRYPT = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `$scrypt$ln=15,r=8,p=3$<salt>$<hash>` (PHC string format, base64 without padding). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT);
  return `$scrypt$ln=${Math.log2(SCRYPT.N)},r=${SCRYPT.r},p=${SCRYPT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A hash of nothing anyone knows, so a login for an unknown address costs the same time as a real one. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored ?? '');
  if (!match) {
    decoy ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(password, await decoy);
    return false;
  }
  const [, ln, r, p, salt, hash] = match;
  const expected = Buffer.from(hash!, 'base64url');
  const key = await derive(password, Buffer.from(salt!, 'base64url'), { N: 2 ** Number(ln), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Why a password is not good enough, in Dutch; undefined when it is. */
export function passwordProblem(password: unknown, email?: string): string | undefined {
  if (typeof password !== 'string' || [...password].length < 12) return 'Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden werkt goed.';
  if ([...password].length > 200) return 'Kies een wachtwoord van hoogstens 200 tekens.';
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'Gebruik niet je e-mailadres als wachtwoord.';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Random secrets that travel in a cookie or a link; the database keeps only their SHA-256.

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Console sessions: server-side rows, found by the hash of the cookie's random id.

/** A session ends after 12 hours without use, and after 7 days in any case. */
const IDLE_HOURS = 12;
const MAX_DAYS = 7;

export interface ConsoleSession {
  organisationId: string;
  user: { id: string; email: string; name: string; role: Role };
  organisation: { id: string; name: string };
}

export async function createSession(db: Queryable, userId: string): Promise<string> {
  const id = newSecret();
  await db.query(`INSERT INTO console_sessions (id_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [
    sha256(id),
    userId,
    IDLE_HOURS,
  ]);
  return id;
}

/** The session of a cookie, with its user's current role (a role change counts at once). */
export async function readSession(db: Queryable, id: string): Promise<ConsoleSession | undefined> {
  const { rows } = await db.query<{ user_id: string; email: string; name: string; role: Role; organisation_id: string; organisation_name: string; stale: boolean }>(
    `SELECT u.id AS user_id, u.email, u.name, u.role, o.id AS organisation_id, o.name AS organisation_name,
            s.last_seen_at < now() - interval '1 minute' AS stale
     FROM console_sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
     WHERE s.id_hash = $1 AND s.expires_at > now() AND s.created_at > now() - make_interval(days => $2)`,
    [sha256(id), MAX_DAYS],
  );
  const row = rows[0];
  if (!row) return undefined;
  // At most one write a minute per session, not one per request.
  if (row.stale) {
    await db.query(`UPDATE console_sessions SET last_seen_at = now(), expires_at = now() + make_interval(hours => $2) WHERE id_hash = $1`, [
      sha256(id),
      IDLE_HOURS,
    ]);
  }
  return {
    organisationId: row.organisation_id,
    user: { id: row.user_id, email: row.email, name: row.name, role: row.role },
    organisation: { id: row.organisation_id, name: row.organisation_name },
  };
}

export async function endSession(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM console_sessions WHERE id_hash = $1', [sha256(id)]);
}

// ---------------------------------------------------------------------------------------------
// One-time set-up links (24 hours, once).

const SETUP_HOURS = 24;

export interface SetupToken {
  hash: string;
  organisationId: string | null;
  userId: string | null;
}

/** A new set-up link's secret: for a user (set a password), an organisation's first beheerder, or the very first one. */
export async function issueSetupToken(db: Queryable, target: { organisationId?: string | null; userId?: string | null } = {}): Promise<string> {
  const token = newSecret();
  await db.query(
    `INSERT INTO setup_tokens (token_hash, organisation_id, user_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256(token), target.organisationId ?? null, target.userId ?? null, SETUP_HOURS],
  );
  return token;
}

/**
 * What a set-up link is worth now. A link without a user (the first beheerder of the server or of
 * an organisation) stops working once that organisation, or the server, has a user.
 */
export async function checkSetupToken(db: Queryable, token: string): Promise<{ state: 'valid'; token: SetupToken } | { state: 'expired' } | { state: 'unknown' }> {
  const { rows } = await db.query<{ token_hash: string; organisation_id: string | null; user_id: string | null; usable: boolean; users: number }>(
    `SELECT t.token_hash, t.organisation_id, t.user_id, t.used_at IS NULL AND t.expires_at > now() AS usable,
            (SELECT count(*)::int FROM users u WHERE t.organisation_id IS NULL OR u.organisation_id = t.organisation_id) AS users
     FROM setup_tokens t WHERE t.token_hash = $1`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row) return { state: 'unknown' };
  if (!row.usable || (row.user_id === null && row.users > 0)) return { state: 'expired' };
  return { state: 'valid', token: { hash: row.token_hash, organisationId: row.organisation_id, userId: row.user_id } };
}

/** Uses a link up: true for exactly one caller, however many try at once. */
export async function useSetupToken(db: Queryable, hash: string): Promise<boolean> {
  const { rows } = await db.query('UPDATE setup_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING token_hash', [hash]);
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------------
// Login lockout: 5 failures in 15 minutes, per account and per client, kept in the database so
// every process sees them.

export const LOCKOUT = { failures: 5, minutes: 15 };

export function accountKey(email: string): string {
  return `account:${sha256(email.trim().toLowerCase())}`;
}

export function clientKey(secret: string, address: string): string {
  return `client:${createHmac('sha256', secret).update(address).digest('base64url')}`;
}

/** Seconds until a login may be tried again for any of `keys`; 0 when it may now. */
export async function lockedFor(db: Queryable, keys: string[]): Promise<number> {
  const { rows } = await db.query<{ wait: number | null }>(
    `SELECT max(wait)::int AS wait FROM (
       SELECT key, ceil(extract(epoch FROM (at + make_interval(mins => $2) - now()))) AS wait,
              row_number() OVER (PARTITION BY key ORDER BY at DESC) AS nth
       FROM login_failures WHERE key = ANY ($1) AND at > now() - make_interval(mins => $2)
     ) recent WHERE nth = $3`,
    [keys, LOCKOUT.minutes, LOCKOUT.failures],
  );
  return Math.max(0, rows[0]?.wait ?? 0);
}

export async function recordFailure(db: Queryable, keys: string[]): Promise<void> {
  await db.query('INSERT INTO login_failures (key) SELECT unnest($1::text[])', [keys]);
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [key]);
}

/** Housekeeping: ended sessions, old links and old failures go. */
export async function deleteExpiredLogins(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM console_sessions WHERE expires_at < now() OR created_at < now() - make_interval(days => $1)`, [MAX_DAYS]);
  await db.query(`DELETE FROM setup_tokens WHERE expires_at < now() - interval '30 days'`);
  await db.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
}
