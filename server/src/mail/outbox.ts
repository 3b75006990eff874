import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db.js';

/** What a message is about; each kind has its own text (see render.ts). */
export type MailKind = 'signup' | 'promoted' | 'reminder' | 'cancelled' | 'session-changed' | 'session-cancelled' | 'story' | 'outcome';

export type MailState = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface NewMail {
  kind: MailKind;
  formId: string;
  lang: string;
  /** Absolute base of the links in the message (the server's public address). */
  baseUrl: string;
  submissionId?: string;
  sessionId?: string;
  subscriberId?: string;
  /** Not before this moment (a reminder); default now. */
  notBefore?: Date;
  detail?: Record<string, unknown>;
}

/** A row of `mail_outbox` as the worker claims it. */
export interface OutboxRow {
  id: string;
  message_id: string;
  kind: MailKind;
  form_id: string;
  submission_id: string | null;
  session_id: string | null;
  subscriber_id: string | null;
  lang: string;
  base_url: string;
  detail: Record<string, unknown>;
  attempts: number;
  claim: string;
}

/**
 * Writes a message into the outbox, inside the caller's transaction: it exists exactly when what
 * caused it (a sign-up, a cancel, a story) was committed. Its Message-ID, fixed here, stays the
 * same over every retry, so a receiver that sees it twice knows it is one message.
 */
export async function enqueueMail(tx: Queryable, mail: NewMail, domain: string): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO mail_outbox (id, message_id, kind, form_id, submission_id, session_id, subscriber_id, lang, base_url, detail, not_before)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11, now()))`,
    [
      id,
      `<${id}@${domain}>`,
      mail.kind,
      mail.formId,
      mail.submissionId ?? null,
      mail.sessionId ?? null,
      mail.subscriberId ?? null,
      mail.lang,
      mail.baseUrl,
      JSON.stringify(mail.detail ?? {}),
      mail.notBefore?.toISOString() ?? null,
    ],
  );
  return id;
}

/**
 * Takes the next message that is due: pending and past its `not_before`, or left in `sending` by a
 * worker whose lease ran out (a process that died mid-send). `FOR UPDATE SKIP LOCKED` lets any
 * number of workers in any number of processes claim at once without ever taking the same row;
 * the claim id fences the answer, so a worker that lost its lease cannot overwrite the new one.
 */
export async function claimNext(db: Queryable, leaseSeconds: number): Promise<OutboxRow | undefined> {
  const claimed = await db.query<OutboxRow>(
    `UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1, claim = $2,
            lease_until = now() + make_interval(secs => $1)
     WHERE id = (
       SELECT id FROM mail_outbox
       WHERE (state = 'pending' AND not_before <= now()) OR (state = 'sending' AND lease_until < now())
       ORDER BY not_before, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, message_id, kind, form_id, submission_id, session_id, subscriber_id, lang, base_url, detail, attempts, claim`,
    [leaseSeconds, randomUUID()],
  );
  return claimed.rows[0];
}

/** Marks a claimed message sent; an outcome message takes its subscriber's address with it. */
export async function markSent(db: Queryable, row: OutboxRow): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET state = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL WHERE id = $1 AND claim = $2`,
    [row.id, row.claim],
  );
}

export async function markSkipped(db: Queryable, row: OutboxRow, reason: string): Promise<void> {
  await db.query(`UPDATE mail_outbox SET state = 'skipped', lease_until = NULL, last_error = $3 WHERE id = $1 AND claim = $2`, [
    row.id,
    row.claim,
    reason,
  ]);
}

/** Back to pending until `retryAt`, or failed for good; the error text is kept for the coordinators. */
export async function markFailed(db: Queryable, row: OutboxRow, error: string, retryAt?: Date): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET state = $3, not_before = COALESCE($4, not_before), lease_until = NULL, last_error = $5
     WHERE id = $1 AND claim = $2`,
    [row.id, row.claim, retryAt ? 'pending' : 'failed', retryAt?.toISOString() ?? null, error.slice(0, 1000)],
  );
}

/** Pending reminders of a sign-up (all its sessions, or one) are no longer wanted: cancelled, or moved. */
export async function dropReminders(tx: Queryable, submissionId: string, sessionId?: string): Promise<void> {
  await tx.query(
    `DELETE FROM mail_outbox WHERE submission_id = $1 AND kind = 'reminder' AND state = 'pending'
     AND ($2::text IS NULL OR session_id = $2)`,
    [submissionId, sessionId ?? null],
  );
}

export interface MailProblem {
  id: string;
  kind: MailKind;
  formId: string;
  sessionId: string | null;
  state: 'pending' | 'failed';
  attempts: number;
  lastError: string;
  createdAt: string;
  /** When it is tried again (a message being retried); null when it failed for good. */
  nextAttemptAt: string | null;
  /** Who did not get it, so a coordinator can reach them another way (absent for outcome messages). */
  recipient: string | null;
}

/**
 * Messages that failed for good, and those still being retried after an error: what the console
 * shows coordinators, newest first. `formIds` limits it to an organisation's forms.
 */
export async function mailProblems(db: Queryable, formIds?: readonly string[]): Promise<MailProblem[]> {
  const result = await db.query<{
    id: string;
    kind: MailKind;
    form_id: string;
    session_id: string | null;
    state: 'pending' | 'failed';
    attempts: number;
    last_error: string;
    created_at: Date | string;
    not_before: Date | string;
    recipient: string | null;
  }>(
    `SELECT m.id, m.kind, m.form_id, m.session_id, m.state, m.attempts, m.last_error, m.created_at, m.not_before,
            COALESCE(s.email, st.contact_email) AS recipient
     FROM mail_outbox m
     LEFT JOIN signups s ON s.submission_id = m.submission_id
     LEFT JOIN stories st ON st.submission_id = m.submission_id
     WHERE m.last_error IS NOT NULL AND m.state IN ('pending', 'failed')
       AND ($1::text[] IS NULL OR m.form_id = ANY($1))
     ORDER BY m.created_at DESC LIMIT 500`,
    [formIds ? [...formIds] : null],
  );
  return result.rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    formId: row.form_id,
    sessionId: row.session_id,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    nextAttemptAt: row.state === 'pending' ? new Date(row.not_before).toISOString() : null,
    recipient: row.recipient,
  }));
}

/**
 * A coordinator's "probeer opnieuw": a message that failed (for good, or is waiting for its next
 * try) is due again now, with a full set of tries. Only among `formIds`; false when there is no
 * such message (sent meanwhile, or of another organisation).
 */
export async function retryMail(db: Queryable, id: string, formIds: readonly string[]): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE mail_outbox SET state = 'pending', not_before = now(), attempts = 0
     WHERE id = $1 AND form_id = ANY ($2) AND state IN ('pending', 'failed') AND last_error IS NOT NULL RETURNING id`,
    [id, [...formIds]],
  );
  return rows.length === 1;
}
