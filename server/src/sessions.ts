/**
 * What an organiser does to a meedenksessie after parents signed up for it: change its time or
 * place (by publishing a new version), give it more places, or call it off. The parents signed up
 * (with a place or on the waiting list) hear of it in the same transaction as the change.
 */
import type { Queryable } from './db.js';
import type { AuthoredDefinition, Form, MeedenksessieDefinition } from './content.js';
import { ApiError } from './messages.js';
import { dropReminders } from './mail/outbox.js';
import { queuePromotionMail, queueSessionCancelledMail, queueSessionChangedMail, type Mailer } from './mail/queue.js';
import { moveUpNext } from './store.js';

/** What writing the messages needs: the organisation's mail, and the address the links start with. */
export interface SessionMail {
  mailer: Mailer;
  baseUrl: string;
}

type AuthoredSession = { id: string; start: string; end: string; location?: unknown; online?: boolean; onlineUrl?: string; capacity?: number };

/** What a parent has in their calendar: when and where (a meeting link counts as where). */
function whenAndWhere(session: AuthoredSession) {
  return { start: session.start, end: session.end, location: session.location ?? null, online: session.online === true, onlineUrl: session.onlineUrl ?? null };
}

function sameWhenAndWhere(a: AuthoredSession, b: AuthoredSession): boolean {
  return JSON.stringify(whenAndWhere(a)) === JSON.stringify(whenAndWhere(b));
}

interface SignedUp {
  submission_id: string;
  status: 'confirmed' | 'waitlisted';
  lang: string;
}

/** Everyone signed up for a session who still has a place or waits for one, oldest first, locked. */
async function signedUp(tx: Queryable, formId: string, sessionId: string): Promise<SignedUp[]> {
  const { rows } = await tx.query<SignedUp>(
    `SELECT ss.submission_id, ss.status, s.lang FROM signup_sessions ss JOIN signups s ON s.submission_id = ss.submission_id
     WHERE ss.form_id = $1 AND ss.session_id = $2 AND ss.status IN ('confirmed', 'waitlisted') ORDER BY ss.seq FOR UPDATE OF ss`,
    [formId, sessionId],
  );
  return rows;
}

export interface SessionChange {
  id: string;
  /** Parents written to about it (0 when e-mail is off). */
  notified: number;
}

export interface PublishedChanges {
  /** Sessions whose time or place changed since the version published before. */
  changed: SessionChange[];
  /** Parents moved up from a waiting list because a session got more places. */
  promoted: number;
}

/**
 * In the transaction that publishes `form` (after its sessions were synced): every session that
 * was in the version published before and now has another time or place gets a higher SEQUENCE
 * (calendars replace their copy), and each parent signed up for it a message; a session with
 * more places than before fills them from its waiting list.
 */
export async function publishedSessionChanges(tx: Queryable, form: Form, previous: AuthoredDefinition | undefined, mail?: SessionMail): Promise<PublishedChanges> {
  const definition = form.definition as MeedenksessieDefinition;
  const before = new Map(((previous?.sessions ?? []) as AuthoredSession[]).map((session) => [session.id, session]));
  const changed: SessionChange[] = [];
  let promoted = 0;
  for (const session of definition.sessions) {
    const old = before.get(session.id);
    const now = { ...session, onlineUrl: form.onlineUrls[session.id] } as AuthoredSession;
    if (old && !sameWhenAndWhere(old, now)) {
      const bumped = await tx.query(
        'UPDATE sessions SET sequence = sequence + 1 WHERE form_id = $1 AND session_id = $2 AND cancelled_at IS NULL RETURNING sequence',
        [definition.id, session.id],
      );
      if (bumped.rows.length === 1) {
        const people = await signedUp(tx, definition.id, session.id);
        if (mail) {
          for (const person of people) {
            const context = { mailer: mail.mailer, form, submissionId: person.submission_id, lang: person.lang, baseUrl: mail.baseUrl };
            await queueSessionChangedMail(tx, context, session.id, whenAndWhere(old), person.status === 'confirmed');
          }
        }
        changed.push({ id: session.id, notified: mail ? people.length : 0 });
      }
    }
    if (Date.parse(session.start) > Date.now()) promoted += await fillFromWaitlist(tx, form, session.id, mail);
  }
  return { changed, promoted };
}

/**
 * Free places of a session (more places than before, or no limit any more) go to its waiting list,
 * in order: each parent moved up gets a free place row (none for a session without a limit).
 */
async function fillFromWaitlist(tx: Queryable, form: Form, sessionId: string, mail?: SessionMail): Promise<number> {
  const formId = form.definition.id;
  const session = (form.definition as MeedenksessieDefinition).sessions.find((item) => item.id === sessionId)!;
  const { rows } = await tx.query<{ off: boolean }>('SELECT cancelled_at IS NOT NULL AS off FROM sessions WHERE form_id = $1 AND session_id = $2', [formId, sessionId]);
  if (rows[0]?.off !== false) return 0;
  let moved = 0;
  for (;;) {
    let place: number | undefined;
    if (session.capacity !== undefined) {
      const free = await tx.query<{ place: number }>(
        `SELECT place FROM places WHERE form_id = $1 AND session_id = $2 AND submission_id IS NULL AND place <= $3
         ORDER BY place LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [formId, sessionId, session.capacity],
      );
      place = free.rows[0]?.place;
      if (place === undefined) return moved;
    }
    const next = await moveUpNext(tx, formId, sessionId);
    if (!next) return moved;
    if (place !== undefined) {
      await tx.query('UPDATE places SET submission_id = $4 WHERE form_id = $1 AND session_id = $2 AND place = $3', [formId, sessionId, place, next.submission_id]);
    }
    moved++;
    if (mail) await queuePromotionMail(tx, { mailer: mail.mailer, form, submissionId: next.submission_id, lang: next.lang, baseUrl: mail.baseUrl }, sessionId);
  }
}

export interface CalledOff {
  /** Parents who had a place, and who were waiting for one. */
  confirmed: number;
  waitlisted: number;
  /** Parents written to (0 when e-mail is off). */
  notified: number;
}

/**
 * Calls a session off, in the caller's transaction: it takes no more sign-ups and parents no
 * longer see it; every sign-up for it ends, its reminders go, and each parent who had a place or
 * waited for one gets "de sessie gaat niet door" (with a calendar cancellation for a place) in
 * their language, with the organiser's message. 409 when it was called off before or is over.
 */
export async function cancelSession(tx: Queryable, form: Form, sessionId: string, message: string | undefined, mail?: SessionMail): Promise<CalledOff> {
  const definition = form.definition as MeedenksessieDefinition;
  const session = definition.sessions.find((item) => item.id === sessionId);
  const { rows } = await tx.query<{ cancelled_at: Date | null }>('SELECT cancelled_at FROM sessions WHERE form_id = $1 AND session_id = $2 FOR UPDATE', [
    definition.id,
    sessionId,
  ]);
  if (!session || !rows[0]) {
    throw new ApiError(404, [{ code: 'not-found', message: 'Deze sessie staat niet in de gepubliceerde versie van het formulier. Publiceer eerst, of kies een andere sessie.' }]);
  }
  if (rows[0].cancelled_at !== null) throw new ApiError(409, [{ code: 'already-cancelled', message: 'Deze sessie is al afgezegd. De ouders hebben toen bericht gekregen.' }]);
  if (Date.parse(session.end) <= Date.now()) throw new ApiError(409, [{ code: 'session-over', message: 'Deze sessie is al voorbij. Afzeggen kan niet meer.' }]);
  await tx.query('UPDATE sessions SET cancelled_at = now(), sequence = sequence + 1 WHERE form_id = $1 AND session_id = $2', [definition.id, sessionId]);
  const people = await signedUp(tx, definition.id, sessionId);
  await tx.query(
    `UPDATE signup_sessions SET status = 'cancelled' WHERE form_id = $1 AND session_id = $2 AND status IN ('confirmed', 'waitlisted')`,
    [definition.id, sessionId],
  );
  for (const person of people) {
    await dropReminders(tx, person.submission_id, sessionId);
    if (!mail) continue;
    const context = { mailer: mail.mailer, form, submissionId: person.submission_id, lang: person.lang, baseUrl: mail.baseUrl };
    await queueSessionCancelledMail(tx, context, sessionId, { hadPlace: person.status === 'confirmed', ...(message ? { message } : {}) });
  }
  const confirmed = people.filter((person) => person.status === 'confirmed').length;
  return { confirmed, waitlisted: people.length - confirmed, notified: mail ? people.length : 0 };
}

export interface SessionState {
  id: string;
  cancelledAt: string | null;
  confirmed: number;
  waitlisted: number;
}

/** Per session of a sign-up form as the database counts it: called off or not, and who is signed up. */
export async function sessionStates(db: Queryable, formId: string): Promise<SessionState[]> {
  const { rows } = await db.query<{ session_id: string; cancelled_at: Date | null; confirmed: number; waitlisted: number }>(
    `SELECT s.session_id, s.cancelled_at,
            count(ss.seq) FILTER (WHERE ss.status = 'confirmed')::int AS confirmed,
            count(ss.seq) FILTER (WHERE ss.status = 'waitlisted')::int AS waitlisted
     FROM sessions s LEFT JOIN signup_sessions ss ON ss.form_id = s.form_id AND ss.session_id = s.session_id
     WHERE s.form_id = $1 GROUP BY s.session_id, s.cancelled_at ORDER BY s.session_id`,
    [formId],
  );
  return rows.map((row) => ({
    id: row.session_id,
    cancelledAt: row.cancelled_at ? new Date(row.cancelled_at).toISOString() : null,
    confirmed: row.confirmed,
    waitlisted: row.waitlisted,
  }));
}
