import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db.js';
import { ApiError } from '../messages.js';
import type { Role } from './auth.js';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  lastLoginAt: string | null;
}

interface UserRow {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  oidc_subject: string | null;
  last_login_at: Date | null;
}

export type StoredUser = User & { organisationId: string; passwordHash: string | null; oidcSubject: string | null };

const COLUMNS = 'id, organisation_id, email, name, role, password_hash, oidc_subject, last_login_at';

function fromRow(row: UserRow): StoredUser {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    name: row.name,
    role: row.role,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    passwordHash: row.password_hash,
    oidcSubject: row.oidc_subject,
  };
}

/** What the console may see of a user: never the hash. */
export function publicUser(user: StoredUser): User {
  return { id: user.id, email: user.email, name: user.name, role: user.role, lastLoginAt: user.lastLoginAt };
}

export async function userByEmail(db: Queryable, email: string): Promise<StoredUser | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE lower(email) = lower($1)`, [email.trim()]);
  return rows[0] && fromRow(rows[0]);
}

export async function userById(db: Queryable, id: string, organisationId?: string): Promise<StoredUser | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await db.query<UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE id = $1 AND ($2::text IS NULL OR organisation_id = $2)`,
    [id, organisationId ?? null],
  );
  return rows[0] && fromRow(rows[0]);
}

export async function userBySubject(db: Queryable, subject: string): Promise<StoredUser | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE oidc_subject = $1`, [subject]);
  return rows[0] && fromRow(rows[0]);
}

export async function listUsers(db: Queryable, organisationId: string): Promise<User[]> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE organisation_id = $1 ORDER BY lower(name), lower(email)`, [organisationId]);
  return rows.map((row) => publicUser(fromRow(row)));
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]!.n;
}

/** A new user; 409 `email-taken` when the address has an account anywhere on this server. */
export async function addUser(
  db: Queryable,
  user: { organisationId: string; email: string; name: string; role: Role; passwordHash?: string | null },
): Promise<StoredUser> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (id, organisation_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [randomUUID(), user.organisationId, user.email, user.name, user.role, user.passwordHash ?? null],
  );
  if (!rows[0]) {
    throw new ApiError(409, [{ field: 'email', code: 'email-taken', message: 'Dit e-mailadres heeft al een account op deze server. Gebruik een ander adres.' }]);
  }
  return fromRow(rows[0]);
}

/** How many beheerders an organisation has besides `except`. */
export async function otherBeheerders(db: Queryable, organisationId: string, except: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE organisation_id = $1 AND role = 'beheerder' AND id <> $2", [
    organisationId,
    except,
  ]);
  return rows[0]!.n;
}
