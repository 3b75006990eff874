/** Meedenksessies for their organiser: who is coming, who waits, what they need, who came. */
import type { Database, Queryable } from '../db.js';
import type { Form, MeedenksessieDefinition } from '../content.js';
import { ApiError } from '../messages.js';
import { takePlace } from '../store.js';
import { queuePromotionMail, type Mailer } from '../mail/queue.js';
import { signupDeleteAt } from '../retention.js';
import { dutch, labelOf } from './common.js';

type Session = MeedenksessieDefinition['sessions'][number];
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface Tallied {
  value: string;
  label: string;
  count: number;
}

export interface SessionOverview {
  id: string;
  title: string;
  start: string;
  end: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  /** Places left; null without a capacity. */
  remaining: number | null;
  /** Marked as present (null until someone marked anyone). */
  attended: number | null;
  /** The participation needs of the confirmed parents, added up: 3× kinderopvang, 1× tolk Arabisch. */
  needs: Tallied[];
  /** The roles of the confirmed parents, added up. */
  roles: Tallied[];
  /** When the sign-ups that end with this session are deleted. */
  deleteAt: string;
}

interface Row {
  submission_id: string;
  session_id: string;
  status: SignupStatus;
  attended: boolean | null;
  role: string | null;
  needs: string[];
}

function sessionOf(definition: MeedenksessieDefinition, id: string): Session {
  const session = definition.sessions.find((candidate) => candidate.id === id);
  if (!session) throw new ApiError(404, [{ code: 'not-found', message: 'Deze sessie bestaat niet (meer) in dit formulier.' }]);
  return session;
}

function added(values: readonly string[], options: MeedenksessieDefinition['needs']): Tallied[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const order = (options ?? []).map((option) => option.value);
  return [...counts.entries()]
    .sort(([a], [b]) => (order.indexOf(a) === -1 ? 999 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 999 : order.indexOf(b)))
    .map(([value, count]) => ({ value, label: labelOf(options, value), count }));
}

/** Per session: confirmed, waiting and cancelled parents, places left, needs added up, who came. */
export async function sessionOverview(db: Queryable, form: Form): Promise<SessionOverview[]> {
  const definition = form.definition as MeedenksessieDefinition;
  const { rows } = await db.query<Row>(
    `SELECT ss.submission_id, ss.session_id, ss.status, ss.attended, s.role, s.needs
     FROM signup_sessions ss JOIN signups s ON s.submission_id = ss.submission_id WHERE ss.form_id = $1`,
    [definition.id],
  );
  // A place deleted with its sign-up by retention stays taken (without a holder), as the sign-up route counts it.
  const taken = await db.query<{ session_id: string; taken: number }>(
    'SELECT session_id, count(*)::int AS taken FROM places WHERE form_id = $1 AND submission_id IS NOT NULL GROUP BY session_id',
    [definition.id],
  );
  const takenBy = new Map(taken.rows.map((row) => [row.session_id, row.taken]));
  return definition.sessions.map((session) => {
    const own = rows.filter((row) => row.session_id === session.id);
    const confirmed = own.filter((row) => row.status === 'confirmed');
    const marked = confirmed.filter((row) => row.attended !== null);
    const capacity = session.capacity ?? null;
    return {
      id: session.id,
      title: dutch(session.title),
      start: session.start,
      end: session.end,
      capacity,
      confirmed: confirmed.length,
      waitlisted: own.filter((row) => row.status === 'waitlisted').length,
      cancelled: own.filter((row) => row.status === 'cancelled').length,
      remaining: capacity === null ? null : Math.max(0, capacity - (takenBy.get(session.id) ?? 0)),
      attended: marked.length === 0 ? null : marked.filter((row) => row.attended).length,
      needs: added(confirmed.flatMap((row) => row.needs), definition.needs),
      roles: added(confirmed.flatMap((row) => (row.role ? [row.role] : [])), definition.roles),
      deleteAt: signupDeleteAt(form, [session.id])!.toISOString(),
    };
  });
}

export interface SignupPerson {
  /** The sign-up (its submission id): the same person across the sessions they chose. */
  id: string;
  status: SignupStatus;
  /** Place on the waiting list, 1 first; null when not waiting. */
  position: number | null;
  name: string;
  email: string;
  phone: string | null;
  role: string | null;
  gemeente: string | null;
  needs: string[];
  remarks: string | null;
  lang: string;
  signedUpAt: string;
  attended: boolean | null;
  /** When this sign-up is deleted: a set number of days after the last of its sessions. */
  deleteAt: string;
}

/** One sign-up for one session as stored, with every session the same parent chose (for its deletion date). */
export interface SignupRow {
  submission_id: string;
  session_id: string;
  status: SignupStatus;
  attended: boolean | null;
  name: string;
  email: string;
  phone: string | null;
  role: string | null;
  gemeente: string | null;
  needs: string[];
  remarks: string | null;
  lang: string;
  created_at: Date;
  sessions: string[];
}

/** The sign-ups of a form (or of one of its sessions) in order of sign-up. */
export async function readSignups(db: Queryable, formId: string, sessionId?: string): Promise<SignupRow[]> {
  const { rows } = await db.query<SignupRow>(
    `SELECT ss.submission_id, ss.session_id, ss.status, ss.attended, s.name, s.email, s.phone, s.role, s.gemeente, s.needs, s.remarks, s.lang, s.created_at,
            (SELECT array_agg(other.session_id) FROM signup_sessions other WHERE other.submission_id = ss.submission_id) AS sessions
     FROM signup_sessions ss JOIN signups s ON s.submission_id = ss.submission_id
     WHERE ss.form_id = $1 AND ($2::text IS NULL OR ss.session_id = $2) ORDER BY ss.seq`,
    [formId, sessionId ?? null],
  );
  return rows;
}

/** Everyone who signed up for one session: confirmed and waiting in order of sign-up, then the cancelled. */
export async function signupList(db: Queryable, form: Form, sessionId: string): Promise<{ session: SessionOverview; signups: SignupPerson[] }> {
  const definition = form.definition as MeedenksessieDefinition;
  sessionOf(definition, sessionId);
  const rows = await readSignups(db, definition.id, sessionId);
  let waiting = 0;
  const order: Record<SignupStatus, number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };
  const signups = rows
    .map((row) => ({
      id: row.submission_id,
      status: row.status,
      position: row.status === 'waitlisted' ? ++waiting : null,
      name: row.name,
      email: row.email,
      phone: row.phone,
      role: row.role,
      gemeente: row.gemeente,
      needs: row.needs,
      remarks: row.remarks,
      lang: row.lang,
      signedUpAt: row.created_at.toISOString(),
      attended: row.attended,
      deleteAt: signupDeleteAt(form, row.sessions)!.toISOString(),
    }))
    .sort((a, b) => order[a.status] - order[b.status]);
  const session = (await sessionOverview(db, form)).find((item) => item.id === sessionId)!;
  return { session, signups };
}

/**
 * After the session has begun: who came (`true`), who did not (`false`), not marked (`null`).
 * Only confirmed parents can be marked. Returns how many marks changed.
 */
export async function markAttendance(db: Database, form: Form, sessionId: string, marks: Record<string, boolean | null>, now = new Date()): Promise<number> {
  const session = sessionOf(form.definition as MeedenksessieDefinition, sessionId);
  if (Date.parse(session.start) > now.getTime()) {
    throw new ApiError(409, [{ code: 'session-not-started', message: 'Deze sessie is nog niet begonnen. Geef aan wie er was als de sessie begonnen of voorbij is.' }]);
  }
  return db.transaction(async (tx) => {
    let changed = 0;
    for (const [signupId, attended] of Object.entries(marks)) {
      const updated = await tx.query(
        `UPDATE signup_sessions SET attended = $4 WHERE form_id = $1 AND session_id = $2 AND submission_id = $3 AND status = 'confirmed'
         AND attended IS DISTINCT FROM $4 RETURNING seq`,
        [form.definition.id, sessionId, signupId, attended],
      );
      if (updated.rows.length === 0) {
        const known = await tx.query(`SELECT status FROM signup_sessions WHERE form_id = $1 AND session_id = $2 AND submission_id = $3`, [
          form.definition.id,
          sessionId,
          signupId,
        ]);
        const status = (known.rows[0] as { status?: string } | undefined)?.status;
        if (status === undefined) throw new ApiError(404, [{ field: signupId, code: 'not-found', message: 'Deze aanmelding bestaat niet (meer). Laad de lijst opnieuw.' }]);
        if (status !== 'confirmed') {
          throw new ApiError(409, [{ field: signupId, code: 'not-confirmed', message: 'Alleen wie een plaats had, kan aanwezig zijn. Laad de lijst opnieuw.' }]);
        }
      } else changed++;
    }
    return changed;
  });
}

export interface Promotion {
  mailer: Mailer;
  baseUrl: string;
}

/**
 * Moves one parent from the waiting list to a place, by hand (the organiser's choice, not the
 * first in line). Takes a free place as a sign-up does: 409 `session-full` when there is none.
 * With e-mail on, the parent hears the place is theirs, in the same transaction.
 */
export async function promote(db: Database, form: Form, sessionId: string, signupId: string, mail?: Promotion): Promise<void> {
  const session = sessionOf(form.definition as MeedenksessieDefinition, sessionId);
  if (Date.parse(session.end) <= Date.now()) {
    throw new ApiError(409, [{ code: 'session-over', message: 'Deze sessie is voorbij: niemand kan er nog een plaats in krijgen.' }]);
  }
  await db.transaction(async (tx) => {
    const waiting = await tx.query<{ lang: string }>(
      `SELECT s.lang FROM signup_sessions ss JOIN signups s ON s.submission_id = ss.submission_id
       WHERE ss.form_id = $1 AND ss.session_id = $2 AND ss.submission_id = $3 AND ss.status = 'waitlisted' FOR UPDATE OF ss`,
      [form.definition.id, sessionId, signupId],
    );
    const row = waiting.rows[0];
    if (!row) {
      throw new ApiError(409, [{ code: 'not-waitlisted', message: 'Deze ouder staat niet (meer) op de wachtlijst: misschien kreeg die intussen een plaats of meldde die zich af. Laad de lijst opnieuw.' }]);
    }
    if (session.capacity !== undefined && !(await takePlace(tx, form.definition.id, sessionId, session.capacity, signupId))) {
      throw new ApiError(409, [
        {
          code: 'session-full',
          message: 'Er is geen plaats vrij in deze sessie. Geef de sessie eerst meer plaatsen (bij Bewerken), of wacht tot iemand zich afmeldt: dan schuift de eerste op de wachtlijst vanzelf door.',
        },
      ]);
    }
    await tx.query(`UPDATE signup_sessions SET status = 'confirmed' WHERE form_id = $1 AND session_id = $2 AND submission_id = $3`, [
      form.definition.id,
      sessionId,
      signupId,
    ]);
    if (mail) await queuePromotionMail(tx, { mailer: mail.mailer, form, submissionId: signupId, lang: row.lang, baseUrl: mail.baseUrl }, sessionId);
  });
  mail?.mailer.nudge();
}
