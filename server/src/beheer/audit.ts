import type { Queryable } from '../db.js';

/** Who did something: a console user (from their session), or the server itself on someone's behalf. */
export type Actor =
  | { organisationId: string; user: { id: string; email: string } }
  | { organisationId: string | null; system: 'cli' | 'import' | 'export-token' | 'login' };

export interface AuditEntry {
  id: string;
  at: string;
  user: { id: string; email: string } | null;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

/**
 * Writes one line of the audit log: every change, every login, every view or export of personal
 * data. `action` is a dotted name (`form.publish`, `login.failed`, `export.csv`), `target` what it
 * was about (a form id, an e-mail address), `detail` what changed, never a password or a token.
 * Pass the transaction when the change is in one, so the line and the change stand or fall together.
 */
export async function audit(db: Queryable, actor: Actor, action: string, target?: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  const user = 'user' in actor ? actor.user : null;
  await db.query('INSERT INTO audit_log (organisation_id, user_id, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
    actor.organisationId,
    user?.id ?? null,
    'user' in actor ? actor.user.email : actor.system,
    action,
    target ?? null,
    JSON.stringify(detail),
  ]);
}

/** An organisation's audit log, newest first, `limit` lines before the line `before` (for paging). */
export async function readAudit(db: Queryable, organisationId: string, before: number | undefined, limit: number): Promise<AuditEntry[]> {
  const { rows } = await db.query<{ id: string; at: Date; user_id: string | null; actor: string; action: string; target: string | null; detail: Record<string, unknown> }>(
    `SELECT id::text, at, user_id, actor, action, target, detail FROM audit_log
     WHERE organisation_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
    [organisationId, before ?? null, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    user: row.user_id ? { id: row.user_id, email: row.actor } : null,
    actor: row.actor,
    action: row.action,
    target: row.target,
    detail: row.detail,
  }));
}
