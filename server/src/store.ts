import { createHash, randomUUID } from 'node:crypto';
import type { Database, Queryable } from './db.js';
import type { ErvaringDefinition, Form, MeedenksessieDefinition, PeilingDefinition } from './content.js';
import { cancelToken, formatCode, normalizeCode, withdrawCode } from './codes.js';
import { ApiError, fieldError, type Lang } from './messages.js';
import { countedValues, type ErvaringData, type MeedenksessieData, type PeilingAnswer } from './validate.js';
import { enqueueMail } from './mail/outbox.js';
import { queueCancelMail, queuePromotionMail, queueSignupMail, type Mailer } from './mail/queue.js';

export interface Submission {
  type: 'peiling' | 'meedenksessie' | 'ervaring';
  formId: string;
  submissionId: string;
  lang: string;
  data: Record<string, unknown>;
  /** "Ik wil horen wat er met de uitkomst gebeurt": kept apart from the answer, used once. */
  outcomeEmail?: string;
}

export interface Outcome {
  status: number;
  body?: unknown;
}

export interface Tally {
  total: number;
  questions: Record<string, { counts: Record<string, number>; total: number }>;
}

/** Hooks that let tests hold a request at a precise moment. */
export interface TestHooks {
  afterClaim?: (submissionId: string) => Promise<void>;
}

/** A stable JSON text (object keys sorted) so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function bodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** A claim older than this belongs to a process that died mid-request; a retry may take it over. */
const STALE_CLAIM_SECONDS = 60;

type Claim = { owned: true } | { owned: false; outcome: Outcome };

/**
 * Reserves the submission id before any work is done, in its own statement, so that a concurrent
 * request with the same key sees the reservation: 409 without a body while the first is in progress,
 * the first answer once it is done, 422 when the body differs. The primary key guarantees one row.
 */
async function claim(db: Database, submission: Submission, hash: string, lang: Lang): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await db.query(
      `INSERT INTO submissions (id, form_id, type, body_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [submission.submissionId, submission.formId, submission.type, hash],
    );
    if (inserted.rows.length === 1) return { owned: true };
    const existing = await db.query<{ body_hash: string; state: string; answer_status: number | null; answer_body: unknown; stale: boolean }>(
      `SELECT body_hash, state, answer_status, answer_body,
              created_at < now() - make_interval(secs => $2) AS stale
       FROM submissions WHERE id = $1`,
      [submission.submissionId, STALE_CLAIM_SECONDS],
    );
    const row = existing.rows[0];
    if (!row) continue;
    if (row.body_hash === WITHDRAWN) {
      return { owned: false, outcome: { status: 410, body: { errors: [fieldError('withdrawn', lang)] } } };
    }
    if (row.body_hash !== hash) {
      return { owned: false, outcome: { status: 422, body: { errors: [fieldError('idempotency-key-reused', lang, 'submissionId')] } } };
    }
    if (row.state === 'done') {
      return { owned: false, outcome: { status: row.answer_status ?? 201, body: row.answer_body ?? undefined } };
    }
    if (row.stale) {
      const taken = await db.query(
        `UPDATE submissions SET created_at = now() WHERE id = $1 AND state = 'pending'
         AND created_at < now() - make_interval(secs => $2) RETURNING id`,
        [submission.submissionId, STALE_CLAIM_SECONDS],
      );
      if (taken.rows.length === 1) return { owned: true };
    }
    return { owned: false, outcome: { status: 409 } };
  }
  return { owned: false, outcome: { status: 409 } };
}

async function finish(tx: Queryable, submissionId: string, outcome: Outcome): Promise<void> {
  await tx.query(`UPDATE submissions SET state = 'done', answer_status = $2, answer_body = $3 WHERE id = $1`, [
    submissionId,
    outcome.status,
    outcome.body === undefined ? null : JSON.stringify(outcome.body),
  ]);
}

export interface SubmitContext {
  db: Database;
  form: Form;
  submission: Submission;
  lang: Lang;
  baseUrl: string;
  hooks?: TestHooks;
  /** Present when the server sends e-mail: messages are written in the submission's transaction. */
  mailer?: Mailer;
}

/** Stores one validated submission exactly once and returns the answer to send (and to replay). */
export async function submit(context: SubmitContext): Promise<Outcome> {
  const { db, submission, lang } = context;
  const reservation = await claim(db, submission, bodyHash(submission), lang);
  if (!reservation.owned) return reservation.outcome;
  try {
    await context.hooks?.afterClaim?.(submission.submissionId);
    const answer = await db.transaction(async (tx) => {
      const outcome = await handleByType(tx, context);
      if (submission.outcomeEmail) await keepOutcomeAddress(tx, context, submission.outcomeEmail);
      await finish(tx, submission.submissionId, outcome);
      return outcome;
    });
    context.mailer?.nudge();
    return answer;
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 409 && error.errors) {
      const outcome: Outcome = { status: 409, body: { errors: error.errors } };
      await finish(db, submission.submissionId, outcome);
      return outcome;
    }
    await db.query(`DELETE FROM submissions WHERE id = $1 AND state = 'pending'`, [submission.submissionId]).catch(() => undefined);
    throw error;
  }
}

function handleByType(tx: Queryable, context: SubmitContext): Promise<Outcome> {
  switch (context.form.definition.type) {
    case 'peiling':
      return vote(tx, context, context.form.definition);
    case 'meedenksessie':
      return signUp(tx, context, context.form.definition);
    case 'ervaring':
      return shareStory(tx, context, context.form.definition);
  }
}

function conflict(lang: Lang, field: string, code: 'already-voted' | 'poll-closed' | 'code-used' | 'code-invalid' | 'session-full' | 'deadline-passed', session?: string): ApiError {
  return new ApiError(409, [fieldError(code, lang, field, session === undefined ? {} : { session })]);
}

export function isClosed(definition: PeilingDefinition, now = new Date()): boolean {
  return definition.closesAt !== undefined && new Date(definition.closesAt) <= now;
}

async function vote(tx: Queryable, context: SubmitContext, definition: PeilingDefinition): Promise<Outcome> {
  const { submission, lang } = context;
  const data = submission.data as { answers: Record<string, PeilingAnswer>; voterToken?: string; code?: string };
  if (isClosed(definition)) throw conflict(lang, 'answers', 'poll-closed');
  const stored = await tx.query(
    `INSERT INTO votes (submission_id, form_id, voter_token, answers) VALUES ($1, $2, $3, $4)
     ON CONFLICT (form_id, voter_token) DO NOTHING RETURNING submission_id`,
    [submission.submissionId, definition.id, data.voterToken ?? null, JSON.stringify(data.answers)],
  );
  if (stored.rows.length === 0) throw conflict(lang, 'voterToken', 'already-voted');
  if (definition.integrity === 'code') {
    const code = normalizeCode(data.code ?? '');
    const used = await tx.query(
      `UPDATE codes SET used_at = now() WHERE form_id = $1 AND code = $2 AND used_at IS NULL RETURNING code`,
      [definition.id, code],
    );
    if (used.rows.length === 0) {
      const known = await tx.query('SELECT 1 FROM codes WHERE form_id = $1 AND code = $2', [definition.id, code]);
      throw conflict(lang, 'code', known.rows.length > 0 ? 'code-used' : 'code-invalid');
    }
  }
  const choices: [string, string][] = [];
  for (const question of definition.questions) {
    const answer = data.answers[question.id];
    if (answer !== undefined) for (const value of countedValues(question, answer)) choices.push([question.id, value]);
  }
  if (choices.length > 0) {
    await tx.query(
      `INSERT INTO vote_choices (submission_id, form_id, question_id, value) VALUES ${placeholders(choices.length, 4)}`,
      choices.flatMap(([question, value]) => [submission.submissionId, definition.id, question, value]),
    );
  }
  await addToTally(tx, definition.id, choices);
  const tally = definition.results === 'hidden' ? undefined : visibleTally(definition, await countVotes(tx, definition));
  return { status: 201, body: tally ? { tally } : {} };
}

/** `($1, $2), ($3, $4)` for `rows` rows of `columns` parameters. */
function placeholders(rows: number, columns: number): string {
  return Array.from({ length: rows }, (_, row) => `(${Array.from({ length: columns }, (_, column) => `$${row * columns + column + 1}`).join(', ')})`).join(', ');
}

/**
 * Keeps the running tally: per (question, value) the count; per question (value '') how many answered
 * it; per form (question '') the number of votes. One upsert in the vote's own transaction, with the
 * keys sorted so that concurrent votes lock rows in the same order.
 */
async function addToTally(tx: Queryable, formId: string, choices: [string, string][]): Promise<void> {
  const keys = new Set<string>(['\u0000']);
  for (const [question, value] of choices) {
    keys.add(`${question}\u0000`);
    keys.add(`${question}\u0000${value}`);
  }
  const rows = [...keys].sort().map((key) => key.split('\u0000') as [string, string]);
  await tx.query(
    `INSERT INTO tally (form_id, question_id, value, n) VALUES ${placeholders(rows.length, 4)}
     ON CONFLICT (form_id, question_id, value) DO UPDATE SET n = tally.n + 1`,
    rows.flatMap(([question, value]) => [formId, question, value, 1]),
  );
}

/** Rebuilds a poll's running tally from its stored choices, after retention deleted votes. */
export async function recountTally(db: Database, formId: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Votes in progress finish first, new ones wait: the recount and the upserts never interleave.
    await tx.query('LOCK TABLE tally IN EXCLUSIVE MODE');
    await tx.query('DELETE FROM tally WHERE form_id = $1', [formId]);
    await tx.query(RECOUNT_SQL, [formId]);
  });
}

const RECOUNT_SQL = `INSERT INTO tally (form_id, question_id, value, n)
  SELECT form_id, question_id, value, count(*)::int FROM vote_choices WHERE form_id = $1 GROUP BY form_id, question_id, value
  UNION ALL
  SELECT form_id, question_id, '', count(DISTINCT submission_id)::int FROM vote_choices WHERE form_id = $1 GROUP BY form_id, question_id
  UNION ALL
  SELECT form_id, '', '', count(*)::int FROM votes WHERE form_id = $1 GROUP BY form_id`;

/** The tally as the database keeps it; every option of a closed question is present, also at 0. */
export async function countVotes(db: Queryable, definition: PeilingDefinition): Promise<Tally> {
  const counts = await db.query<{ question_id: string; value: string; n: number }>(
    'SELECT question_id, value, n FROM tally WHERE form_id = $1',
    [definition.id],
  );
  const questions: Tally['questions'] = {};
  for (const question of definition.questions) {
    if (question.type === 'open') continue;
    const zero: Record<string, number> = {};
    if (question.type === 'scale') {
      for (let value = question.min ?? 1; value <= (question.max ?? 5); value++) zero[String(value)] = 0;
    } else {
      for (const option of question.options ?? []) zero[option.value] = 0;
      if (question.other) zero.other = 0;
    }
    questions[question.id] = { counts: zero, total: 0 };
  }
  let total = 0;
  for (const row of counts.rows) {
    const question = questions[row.question_id];
    if (row.question_id === '') total = row.n;
    else if (!question) continue;
    else if (row.value === '') question.total = row.n;
    else question.counts[row.value] = row.n;
  }
  return { total, questions };
}

/**
 * What may leave the server: `after-vote` always, `after-close` once closed, `hidden` never; below
 * `minResponses` (default 10) only the total, so small counts cannot identify anyone.
 */
export function visibleTally(definition: PeilingDefinition, tally: Tally, now = new Date()): Tally | undefined {
  if (definition.results === 'hidden') return undefined;
  if (definition.results === 'after-close' && !isClosed(definition, now)) return undefined;
  if (tally.total < (definition.minResponses ?? 10)) return { total: tally.total, questions: {} };
  return tally;
}

export function signUpClosed(session: MeedenksessieDefinition['sessions'][number], now = new Date()): boolean {
  return new Date(session.deadline ?? session.start) <= now;
}

async function signUp(tx: Queryable, context: SubmitContext, definition: MeedenksessieDefinition): Promise<Outcome> {
  const { submission, lang } = context;
  const data = submission.data as unknown as MeedenksessieData;
  const sessions = new Map(definition.sessions.map((session) => [session.id, session]));
  for (const id of data.sessionIds) {
    if (signUpClosed(sessions.get(id)!)) throw conflict(lang, 'sessionIds', 'deadline-passed', id);
  }
  const statuses = new Map<string, 'confirmed' | 'waitlisted'>();
  // A fixed order of row locks, so two multi-session sign-ups cannot deadlock each other.
  for (const id of [...data.sessionIds].sort()) {
    const place = await tx.query(
      `UPDATE sessions SET taken = taken + 1
       WHERE form_id = $1 AND session_id = $2 AND (capacity IS NULL OR taken < capacity) RETURNING taken`,
      [definition.id, id],
    );
    if (place.rows.length === 1) statuses.set(id, 'confirmed');
    else if (sessions.get(id)!.waitlist && data.waitlist === true) statuses.set(id, 'waitlisted');
    else throw conflict(lang, 'sessionIds', 'session-full', id);
  }
  const token = cancelToken();
  await tx.query(
    `INSERT INTO signups (submission_id, form_id, name, email, phone, role, gemeente, needs, remarks, cancel_token, lang)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      submission.submissionId,
      definition.id,
      data.name,
      data.email,
      data.phone ?? null,
      data.role ?? null,
      data.gemeente ?? null,
      JSON.stringify(data.needs ?? []),
      data.remarks ?? null,
      token,
      submission.lang,
    ],
  );
  for (const id of data.sessionIds) {
    await tx.query(
      'INSERT INTO signup_sessions (submission_id, form_id, session_id, status) VALUES ($1, $2, $3, $4)',
      [submission.submissionId, definition.id, id, statuses.get(id)],
    );
  }
  const outcomes = data.sessionIds.map((id) => ({ id, status: statuses.get(id)! }));
  if (context.mailer) {
    const confirmed = outcomes.filter((session) => session.status === 'confirmed').map((session) => session.id);
    await queueSignupMail(tx, { ...context, mailer: context.mailer, submissionId: submission.submissionId, lang: submission.lang }, confirmed);
  }
  return {
    status: 201,
    body: {
      status: outcomes.every((session) => session.status === 'confirmed') ? 'confirmed' : 'waitlisted',
      sessions: outcomes,
      cancelUrl: `${context.baseUrl}/api/cancel/${token}`,
    },
  };
}

async function shareStory(tx: Queryable, context: SubmitContext, definition: ErvaringDefinition): Promise<Outcome> {
  const { submission } = context;
  const data = submission.data as unknown as ErvaringData;
  const code = withdrawCode();
  await tx.query(
    `INSERT INTO stories (submission_id, form_id, story, themes, region, level, anonymous, contact_name, contact_email, consent, withdraw_code, lang)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      submission.submissionId,
      definition.id,
      data.story,
      JSON.stringify(data.themes),
      data.region ?? null,
      data.level ?? null,
      data.anonymous,
      data.anonymous ? null : (data.contact?.name ?? null),
      data.anonymous ? null : (data.contact?.email ?? null),
      data.consent,
      code,
      submission.lang,
    ],
  );
  // The withdrawal code by e-mail, only for a parent who left an address and asked for it.
  if (context.mailer && !data.anonymous && data.contact?.email && data.contact.sendCode === true) {
    await enqueueMail(
      tx,
      { kind: 'story', formId: definition.id, lang: submission.lang, baseUrl: context.baseUrl, submissionId: submission.submissionId },
      context.mailer.domain,
    );
  }
  return {
    status: 201,
    body: { withdrawCode: formatCode(code, 4), withdrawUrl: `${context.baseUrl}/api/withdraw/${formatCode(code, 4)}` },
  };
}

/** Remaining places per session with a capacity, as counted in the database. */
export async function remainingPlaces(db: Queryable, formId: string): Promise<Map<string, number>> {
  const result = await db.query<{ session_id: string; capacity: number | null; taken: number }>(
    'SELECT session_id, capacity, taken FROM sessions WHERE form_id = $1',
    [formId],
  );
  const remaining = new Map<string, number>();
  for (const row of result.rows) {
    if (row.capacity !== null) remaining.set(row.session_id, Math.max(0, row.capacity - row.taken));
  }
  return remaining;
}

/** Makes the sessions table follow the content: new sessions appear, capacities follow edits. */
export async function syncSessions(db: Database, forms: Iterable<Form>): Promise<void> {
  for (const form of forms) {
    if (form.definition.type !== 'meedenksessie') continue;
    for (const session of form.definition.sessions) {
      await db.query(
        `INSERT INTO sessions (form_id, session_id, capacity) VALUES ($1, $2, $3)
         ON CONFLICT (form_id, session_id) DO UPDATE SET capacity = EXCLUDED.capacity`,
        [form.definition.id, session.id, session.capacity ?? null],
      );
    }
  }
}

export interface Cancellation {
  formId: string;
  sessions: { id: string; status: 'cancelled' }[];
  promoted: number;
  /** Nothing was left to cancel: the link had been used before. */
  alreadyCancelled: boolean;
}

/** What cancelling needs to write its messages: the form (for reminders) and the links' base. */
export interface CancelMail {
  mailer: Mailer;
  form: (formId: string) => Form | undefined;
  baseUrl: string;
}

/**
 * Cancels every session of one sign-up. Each place it held goes to the first person on that
 * session's waiting list; when nobody waits, the place becomes free again. With mail, the parent
 * hears it is done and each parent moved up hears the place is theirs, in the same transaction.
 */
export async function cancelSignUp(db: Database, token: string, mail?: CancelMail): Promise<Cancellation | undefined> {
  const cancellation = await db.transaction(async (tx) => {
    const signup = await tx.query<{ submission_id: string; form_id: string; lang: string }>(
      'SELECT submission_id, form_id, lang FROM signups WHERE cancel_token = $1',
      [token],
    );
    const row = signup.rows[0];
    if (!row) return undefined;
    const active = await tx.query<{ session_id: string; status: string }>(
      `SELECT session_id, status FROM signup_sessions WHERE submission_id = $1 AND status <> 'cancelled' ORDER BY seq FOR UPDATE`,
      [row.submission_id],
    );
    await tx.query(`UPDATE signup_sessions SET status = 'cancelled' WHERE submission_id = $1`, [row.submission_id]);
    const form = mail?.form(row.form_id);
    const context = (submissionId: string, lang: string) =>
      mail && form ? { mailer: mail.mailer, form, submissionId, lang, baseUrl: mail.baseUrl } : undefined;
    let promoted = 0;
    for (const session of active.rows) {
      if (session.status !== 'confirmed') continue;
      const next = await tx.query<{ submission_id: string; lang: string }>(
        `UPDATE signup_sessions SET status = 'confirmed' WHERE seq = (
           SELECT seq FROM signup_sessions WHERE form_id = $1 AND session_id = $2 AND status = 'waitlisted'
           ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING submission_id, (SELECT lang FROM signups WHERE signups.submission_id = signup_sessions.submission_id) AS lang`,
        [row.form_id, session.session_id],
      );
      const moved = next.rows[0];
      if (moved) {
        promoted++;
        const movedContext = context(moved.submission_id, moved.lang);
        if (movedContext) await queuePromotionMail(tx, movedContext, session.session_id);
      } else {
        await tx.query('UPDATE sessions SET taken = taken - 1 WHERE form_id = $1 AND session_id = $2 AND taken > 0', [
          row.form_id,
          session.session_id,
        ]);
      }
    }
    const own = context(row.submission_id, row.lang);
    if (own && active.rows.length > 0) await queueCancelMail(tx, own, active.rows.map((session) => session.session_id));
    const all = await tx.query<{ session_id: string }>('SELECT session_id FROM signup_sessions WHERE submission_id = $1 ORDER BY seq', [
      row.submission_id,
    ]);
    return {
      formId: row.form_id,
      sessions: all.rows.map((session) => ({ id: session.session_id, status: 'cancelled' as const })),
      promoted,
      alreadyCancelled: active.rows.length === 0,
    };
  });
  mail?.mailer.nudge();
  return cancellation;
}

export interface SignupOverview {
  formId: string;
  lang: string;
  sessions: { id: string; status: 'confirmed' | 'waitlisted' | 'cancelled'; othersWaiting: boolean }[];
}

/** A sign-up as its cancel page shows it: each session, its status, and whether someone waits for it. */
export async function signupByToken(db: Queryable, token: string): Promise<SignupOverview | undefined> {
  const signup = await db.query<{ submission_id: string; form_id: string; lang: string }>(
    'SELECT submission_id, form_id, lang FROM signups WHERE cancel_token = $1',
    [token],
  );
  const row = signup.rows[0];
  if (!row) return undefined;
  const sessions = await db.query<{ session_id: string; status: 'confirmed' | 'waitlisted' | 'cancelled'; others_waiting: boolean }>(
    `SELECT own.session_id, own.status, EXISTS (
       SELECT 1 FROM signup_sessions other WHERE other.form_id = own.form_id AND other.session_id = own.session_id
       AND other.status = 'waitlisted' AND other.submission_id <> own.submission_id) AS others_waiting
     FROM signup_sessions own WHERE own.submission_id = $1 ORDER BY own.seq`,
    [row.submission_id],
  );
  return {
    formId: row.form_id,
    lang: row.lang,
    sessions: sessions.rows.map((session) => ({ id: session.session_id, status: session.status, othersWaiting: session.others_waiting })),
  };
}

/** Keeps an address for the outcome message, with nothing that ties it to the answer it came with. */
async function keepOutcomeAddress(tx: Queryable, context: SubmitContext, email: string): Promise<void> {
  await tx.query('INSERT INTO outcome_subscribers (id, form_id, email, lang) VALUES ($1, $2, $3, $4)', [
    randomUUID(),
    context.form.definition.id,
    email,
    context.submission.lang,
  ]);
}

/** What a withdrawn story's submission keeps: its key only, so a late replay cannot bring it back. */
export const WITHDRAWN = 'withdrawn';

function codeHash(code: string): string {
  return createHash('sha256').update(normalizeCode(code)).digest('hex');
}

export interface StoryOverview {
  formId: string;
  lang: string;
  createdAt: Date;
}

/** The story behind a withdrawal code, `withdrawn` when it was taken back before, or undefined when unknown. */
export async function storyByCode(db: Queryable, code: string): Promise<StoryOverview | 'withdrawn' | undefined> {
  const story = await db.query<{ form_id: string; lang: string; created_at: Date | string }>(
    'SELECT form_id, lang, created_at FROM stories WHERE withdraw_code = $1',
    [normalizeCode(code)],
  );
  const row = story.rows[0];
  if (row) return { formId: row.form_id, lang: row.lang, createdAt: new Date(row.created_at) };
  const gone = await db.query('SELECT 1 FROM withdrawn_codes WHERE code_hash = $1', [codeHash(code)]);
  return gone.rows.length > 0 ? 'withdrawn' : undefined;
}

/**
 * Deletes the story (AVG art. 17). Its submission row stays as a tombstone without content (no
 * hash of the story, no answer), so a replay of the same send, from an outbox or a proxy, gets
 * 410 instead of storing the story again; a hash of the code stays with it, so the link can say
 * the story is already gone. Retention removes both later. True when there was a story.
 */
export async function withdrawStory(db: Database, code: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const emptied = await tx.query<{ id: string }>(
      `UPDATE submissions SET body_hash = $2, state = 'done', answer_status = 410, answer_body = NULL
       WHERE id = (SELECT submission_id FROM stories WHERE withdraw_code = $1) RETURNING id`,
      [normalizeCode(code), WITHDRAWN],
    );
    const id = emptied.rows[0]?.id;
    if (id === undefined) return false;
    await tx.query('DELETE FROM stories WHERE submission_id = $1', [id]);
    await tx.query('INSERT INTO withdrawn_codes (code_hash, submission_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [codeHash(code), id]);
    return true;
  });
}
