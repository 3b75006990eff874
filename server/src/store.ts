import { createHash, randomInt, randomUUID } from 'node:crypto';
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

/** An answer to send: status and the JSON text of the body, stored as it is sent so a replay is byte-identical. */
export interface Outcome {
  status: number;
  body?: string;
}

export interface Tally {
  total: number;
  questions: Record<string, { counts: Record<string, number>; total: number }>;
}

/** Hooks that let tests hold or break a request at a precise moment. */
export interface TestHooks {
  /** Just before the submission's writes are committed (inside its transaction where it has one). */
  beforeCommit?: (submissionId: string) => Promise<void>;
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

/** What a withdrawn story's submission keeps: its key only, so a late replay cannot bring it back. */
export const WITHDRAWN = 'withdrawn';

/** The key of one count in the running tally: per (question, value); per question with value ''; the form's total with question ''. */
const countKey = (question: string, value: string) => `${question}\u0000${value}`;

/**
 * Figures the GET of a form shows (a poll's tally, places left), read from the database at most
 * once per `ttlMs` per form and process, so a busy poll's page does not add a query per view. A
 * vote's own answer adds the vote to them; other votes show within `ttlMs`.
 */
export class LiveState {
  private readonly cached = new Map<string, { until: number; value: Promise<unknown> }>();
  constructor(
    private readonly db: Queryable,
    private readonly ttlMs = 1_000,
  ) {}

  /** Raw counts of a poll by countKey. */
  counts(formId: string): Promise<Map<string, number>> {
    return this.read(`tally:${formId}`, () => rawCounts(this.db, formId));
  }

  /** Places left per session that has a capacity. */
  remaining(formId: string): Promise<Map<string, number>> {
    return this.read(`places:${formId}`, async () => {
      const rows = await this.db.query<{ session_id: string; free: number }>(
        `SELECT s.session_id, count(p.place) FILTER (WHERE p.submission_id IS NULL AND p.place <= s.capacity)::int AS free
         FROM sessions s LEFT JOIN places p ON p.form_id = s.form_id AND p.session_id = s.session_id
         WHERE s.form_id = $1 AND s.capacity IS NOT NULL GROUP BY s.session_id`,
        [formId],
      );
      return new Map(rows.rows.map((row) => [row.session_id, row.free]));
    });
  }

  /** The sessions its organiser called off: parents are not offered them. */
  calledOff(formId: string): Promise<Set<string>> {
    return this.read(`off:${formId}`, async () => {
      const rows = await this.db.query<{ session_id: string }>('SELECT session_id FROM sessions WHERE form_id = $1 AND cancelled_at IS NOT NULL', [formId]);
      return new Set(rows.rows.map((row) => row.session_id));
    });
  }

  /** After a sign-up in this process: the next read goes to the database. */
  forget(formId: string): void {
    this.cached.delete(`tally:${formId}`);
    this.cached.delete(`places:${formId}`);
    this.cached.delete(`off:${formId}`);
  }

  private read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.cached.get(key);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    const value = load();
    this.cached.set(key, { until: now + this.ttlMs, value });
    value.catch(() => this.cached.delete(key));
    return value;
  }
}

/** The poll's tally from raw counts; every option of a closed question is present, also at 0; open questions are not counted. */
export function tallyOf(definition: PeilingDefinition, counts: Map<string, number>): Tally {
  const questions: Tally['questions'] = {};
  for (const question of definition.questions) {
    if (question.type === 'open') continue;
    const values: string[] = [];
    if (question.type === 'scale') {
      for (let value = question.min ?? 1; value <= (question.max ?? 5); value++) values.push(String(value));
    } else {
      for (const option of question.options ?? []) values.push(option.value);
      if (question.other) values.push('other');
    }
    questions[question.id] = {
      counts: Object.fromEntries(values.map((value) => [value, counts.get(countKey(question.id, value)) ?? 0])),
      total: counts.get(countKey(question.id, '')) ?? 0,
    };
  }
  return { total: counts.get(countKey('', '')) ?? 0, questions };
}

/** Raw counts of a poll by countKey, every shard summed. */
async function rawCounts(db: Queryable, formId: string): Promise<Map<string, number>> {
  const rows = await db.query<{ question_id: string; value: string; n: number }>(
    'SELECT question_id, value, sum(n)::int AS n FROM tally WHERE form_id = $1 GROUP BY question_id, value',
    [formId],
  );
  return new Map(rows.rows.map((row) => [countKey(row.question_id, row.value), row.n]));
}

/** A poll's tally as the database holds it now (for the console, which reads it without the cache). */
export async function countVotes(db: Queryable, definition: PeilingDefinition): Promise<Tally> {
  return tallyOf(definition, await rawCounts(db, definition.id));
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

export interface SubmitContext {
  db: Database;
  live: LiveState;
  form: Form;
  submission: Submission;
  lang: Lang;
  baseUrl: string;
  hooks?: TestHooks;
  /** Present when the server sends e-mail: messages are written in the submission's transaction. */
  mailer?: Mailer;
}

/** The submission's key is already stored: its first answer is the answer. */
class KeyTaken extends Error {}

/**
 * Stores one validated submission exactly once, in one transaction with its answer, and returns
 * the answer to send. The same key again gets the stored answer; a refusal (409) is not stored, so
 * the same key sent again is checked again and gets the same refusal.
 */
export async function submit(context: SubmitContext): Promise<Outcome> {
  const { db, submission, lang } = context;
  const hash = bodyHash(submission);
  try {
    const outcome = await store(context, hash);
    // Places left show at once in this process; a poll's tally may be a second behind (a vote's
    // own answer counts it), so a busy poll does not read its tally again for every vote.
    if (submission.type !== 'peiling') context.live.forget(submission.formId);
    context.mailer?.nudge();
    return outcome;
  } catch (error) {
    const conflict = error instanceof ApiError && error.statusCode === 409 && error.errors !== undefined;
    // A key taken by another form's submission surfaces as a unique violation of the claim.
    const keyTaken = error instanceof KeyTaken || (error as { code?: unknown }).code === '23505';
    if (!conflict && !keyTaken) throw error;
    // A replay of a stored submission gets its first answer, also when a conflict would now refuse it.
    const first = await storedAnswer(db, submission.submissionId, hash, lang);
    if (first) return first;
    if (conflict) return { status: 409, body: JSON.stringify({ errors: (error as ApiError).errors }) };
    throw error;
  }
}

async function storedAnswer(db: Queryable, submissionId: string, hash: string, lang: Lang): Promise<Outcome | undefined> {
  const existing = await db.query<{ body_hash: string; answer_status: number; answer_body: string | null }>(
    'SELECT body_hash, answer_status, answer_body FROM submissions WHERE id = $1',
    [submissionId],
  );
  const row = existing.rows[0];
  if (!row) return undefined;
  if (row.body_hash === WITHDRAWN) return { status: 410, body: JSON.stringify({ errors: [fieldError('withdrawn', lang)] }) };
  if (row.body_hash !== hash) {
    return { status: 422, body: JSON.stringify({ errors: [fieldError('idempotency-key-reused', lang, 'submissionId')] }) };
  }
  return { status: row.answer_status, body: row.answer_body ?? undefined };
}

/**
 * What else a stored submission writes in its own transaction: the address for the outcome
 * message, kept apart from the answer. A vote or story without it stays one statement.
 */
async function alongside(tx: Queryable, context: SubmitContext): Promise<void> {
  if (context.submission.outcomeEmail) await keepOutcomeAddress(tx, context, context.submission.outcomeEmail);
}

/** Runs `write` as one statement on its own, or in a transaction with what goes alongside it. */
function writeWith(context: SubmitContext, needsTransaction: boolean, write: (tx: Queryable) => Promise<void>): Promise<void> {
  if (!needsTransaction && !context.submission.outcomeEmail) return write(context.db);
  return context.db.transaction(async (tx) => {
    await write(tx);
    await alongside(tx, context);
  });
}

function store(context: SubmitContext, hash: string): Promise<Outcome> {
  switch (context.form.definition.type) {
    case 'peiling':
      return vote(context, context.form.definition, hash);
    case 'meedenksessie':
      return signUp(context, context.form.definition, hash);
    case 'ervaring':
      return shareStory(context, context.form.definition, hash);
  }
}

type ConflictCode = 'already-voted' | 'poll-closed' | 'code-used' | 'code-invalid' | 'session-full' | 'deadline-passed';

function conflict(lang: Lang, field: string, code: ConflictCode, session?: string): ApiError {
  return new ApiError(409, [fieldError(code, lang, field, session === undefined ? {} : { session })]);
}

export function isClosed(definition: PeilingDefinition, now = new Date()): boolean {
  return definition.closesAt !== undefined && new Date(definition.closesAt) <= now;
}

/** Shards of the running tally on PostgreSQL, where votes run in parallel; PGlite runs one statement at a time. */
const TALLY_SHARDS = 16;

type PeilingData = { answers: Record<string, PeilingAnswer>; voterToken?: string; code?: string };

/** The choices a vote adds to the tally, as [question, value] pairs. */
function choicesOf(definition: PeilingDefinition, answers: Record<string, PeilingAnswer>): [string, string][] {
  const choices: [string, string][] = [];
  for (const question of definition.questions) {
    const answer = answers[question.id];
    if (answer !== undefined) for (const value of countedValues(question, answer)) choices.push([question.id, value]);
  }
  return choices;
}

/** The counts one vote adds: each choice, each question it answered, and the form's total. */
function tallyKeysOf(choices: [string, string][]): [string, string][] {
  const keys = new Map<string, [string, string]>([[countKey('', ''), ['', '']]]);
  for (const [question, value] of choices) {
    keys.set(countKey(question, ''), [question, '']);
    keys.set(countKey(question, value), [question, value]);
  }
  // Sorted, so concurrent votes lock their rows in the same order.
  return [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, pair]) => pair);
}

/** The 201 answer of a vote: the tally as it stood plus this vote, under the poll's visibility rules. */
async function voteAnswer(context: SubmitContext, definition: PeilingDefinition, keys: [string, string][]): Promise<string> {
  if (definition.results === 'hidden') return '{}';
  const counts = new Map(await context.live.counts(definition.id));
  for (const [question, value] of keys) counts.set(countKey(question, value), (counts.get(countKey(question, value)) ?? 0) + 1);
  const tally = visibleTally(definition, tallyOf(definition, counts));
  return JSON.stringify(tally ? { tally } : {});
}

/**
 * One statement stores the vote, its key with its answer, and its counts, so a vote is one round
 * trip and one commit. The ballot goes first: when the voter token has voted, or the key is a
 * replay, nothing of the statement is written.
 */
const VOTE_SQL = `WITH ballot AS (
    INSERT INTO votes (submission_id, form_id, voter_token, answers) VALUES ($1, $2, $3, $4)
    ON CONFLICT DO NOTHING RETURNING submission_id
  ), claim AS (
    INSERT INTO submissions (id, form_id, type, body_hash, answer_status, answer_body, form_version)
    SELECT submission_id, $2, 'peiling', $5, 201, $6, $10 FROM ballot RETURNING id
  ), counted AS (
    INSERT INTO tally (form_id, question_id, value, shard, n)
    SELECT $2, k.question, k.value, $7, 1 FROM ballot, unnest($8::text[], $9::text[]) AS k(question, value)
    ON CONFLICT (form_id, question_id, value, shard) DO UPDATE SET n = tally.n + 1
  )
  SELECT count(*)::int AS stored FROM claim`;

async function vote(context: SubmitContext, definition: PeilingDefinition, hash: string): Promise<Outcome> {
  const { db, submission, lang } = context;
  const data = submission.data as PeilingData;
  if (isClosed(definition)) throw conflict(lang, 'answers', 'poll-closed');
  const keys = tallyKeysOf(choicesOf(definition, data.answers));
  const body = await voteAnswer(context, definition, keys);
  const params = [
    submission.submissionId,
    definition.id,
    data.voterToken ?? null,
    JSON.stringify(data.answers),
    hash,
    body,
    db.kind === 'postgres' ? randomInt(TALLY_SHARDS) : 0,
    keys.map(([question]) => question),
    keys.map(([, value]) => value),
    context.form.version,
  ];
  const cast = async (tx: Queryable) => {
    const result = await tx.query<{ stored: number }>(VOTE_SQL, params);
    // Nothing written: the token voted, or the key is a replay, which submit() answers from its row.
    if (result.rows[0]!.stored === 0) throw conflict(lang, 'voterToken', 'already-voted');
  };
  if (definition.integrity !== 'code') {
    await context.hooks?.beforeCommit?.(submission.submissionId);
    await writeWith(context, false, cast);
    return { status: 201, body };
  }
  // A participation code is used up in the vote's own transaction; the vote goes first, so a
  // replay is recognised before its (used) code would refuse it.
  return db.transaction(async (tx) => {
    await cast(tx);
    const code = normalizeCode(data.code ?? '');
    const used = await tx.query(`UPDATE codes SET used_at = now() WHERE form_id = $1 AND code = $2 AND used_at IS NULL RETURNING code`, [definition.id, code]);
    if (used.rows.length === 0) {
      const known = await tx.query('SELECT 1 FROM codes WHERE form_id = $1 AND code = $2', [definition.id, code]);
      throw conflict(lang, 'code', known.rows.length > 0 ? 'code-used' : 'code-invalid');
    }
    await alongside(tx, context);
    await context.hooks?.beforeCommit?.(submission.submissionId);
    return { status: 201, body };
  });
}

export function signUpClosed(session: MeedenksessieDefinition['sessions'][number], now = new Date()): boolean {
  return new Date(session.deadline ?? session.start) <= now;
}

/**
 * Takes one free place of a session with a capacity. SKIP LOCKED lets concurrent sign-ups take
 * different rows instead of waiting on each other; when every free row is locked by a sign-up in
 * progress (which may still roll back), it waits for them before saying the session is full.
 */
async function takePlace(tx: Queryable, formId: string, sessionId: string, capacity: number, submissionId: string): Promise<boolean> {
  for (const lock of ['FOR UPDATE SKIP LOCKED', 'FOR UPDATE']) {
    const taken = await tx.query(
      `UPDATE places SET submission_id = $1 WHERE (form_id, session_id, place) = (
         SELECT form_id, session_id, place FROM places
         WHERE form_id = $2 AND session_id = $3 AND submission_id IS NULL AND place <= $4
         ORDER BY place LIMIT 1 ${lock})
       RETURNING place`,
      [submissionId, formId, sessionId, capacity],
    );
    if (taken.rows.length === 1) return true;
  }
  return false;
}

function signUpAnswer(sessionIds: string[], statuses: Map<string, 'confirmed' | 'waitlisted'>, cancelUrl: string): string {
  const sessions = sessionIds.map((id) => ({ id, status: statuses.get(id)! }));
  return JSON.stringify({
    status: sessions.every((session) => session.status === 'confirmed') ? 'confirmed' : 'waitlisted',
    sessions,
    cancelUrl,
  });
}

/** The key with its answer, the sign-up and its sessions, in one statement; nothing when the key is taken. */
const SIGNUP_SQL = `WITH claim AS (
    INSERT INTO submissions (id, form_id, type, body_hash, answer_status, answer_body, form_version)
    VALUES ($1, $2, 'meedenksessie', $3, 201, $4, $16) ON CONFLICT (id) DO NOTHING RETURNING id
  ), person AS (
    INSERT INTO signups (submission_id, form_id, name, email, phone, role, gemeente, needs, remarks, cancel_token, lang)
    SELECT id, $2, $5, $6, $7, $8, $9, $10, $11, $12, $15 FROM claim RETURNING submission_id
  ), chosen AS (
    INSERT INTO signup_sessions (submission_id, form_id, session_id, status)
    SELECT submission_id, $2, s.id, s.status FROM person, unnest($13::text[], $14::text[]) WITH ORDINALITY AS s(id, status, position)
    ORDER BY s.position
  )
  SELECT count(*)::int AS stored FROM claim`;

async function signUp(context: SubmitContext, definition: MeedenksessieDefinition, hash: string): Promise<Outcome> {
  const { submission, lang } = context;
  const data = submission.data as unknown as MeedenksessieData;
  const sessions = new Map(definition.sessions.map((session) => [session.id, session]));
  for (const id of data.sessionIds) {
    if (signUpClosed(sessions.get(id)!)) throw conflict(lang, 'sessionIds', 'deadline-passed', id);
  }
  return context.db.transaction(async (tx) => {
    // A session its organiser called off takes no sign-ups (a page loaded before may still offer it).
    // KEY SHARE waits for a call-off in progress, which holds the session's row FOR UPDATE, so a
    // sign-up is either seen by it (and ended, with its message) or sees it.
    const calledOff = await tx.query<{ session_id: string; off: boolean }>(
      'SELECT session_id, cancelled_at IS NOT NULL AS off FROM sessions WHERE form_id = $1 AND session_id = ANY ($2) ORDER BY session_id FOR KEY SHARE',
      [definition.id, data.sessionIds],
    );
    const off = calledOff.rows.find((row) => row.off);
    if (off) throw conflict(lang, 'sessionIds', 'deadline-passed', off.session_id);
    const statuses = new Map<string, 'confirmed' | 'waitlisted'>();
    // A fixed order of row locks, so two multi-session sign-ups cannot deadlock each other.
    for (const id of [...data.sessionIds].sort()) {
      const session = sessions.get(id)!;
      if (session.capacity === undefined || (await takePlace(tx, definition.id, id, session.capacity, submission.submissionId))) statuses.set(id, 'confirmed');
      else if (session.waitlist && data.waitlist === true) statuses.set(id, 'waitlisted');
      else throw conflict(lang, 'sessionIds', 'session-full', id);
    }
    const token = cancelToken();
    const body = signUpAnswer(data.sessionIds, statuses, `${context.baseUrl}/api/cancel/${token}`);
    const stored = await tx.query<{ stored: number }>(SIGNUP_SQL, [
      submission.submissionId,
      definition.id,
      hash,
      body,
      data.name,
      data.email,
      data.phone ?? null,
      data.role ?? null,
      data.gemeente ?? null,
      JSON.stringify(data.needs ?? []),
      data.remarks ?? null,
      token,
      data.sessionIds,
      data.sessionIds.map((id) => statuses.get(id)!),
      submission.lang,
      context.form.version,
    ]);
    // A replay took places above only to give them back now, with the whole transaction.
    if (stored.rows[0]!.stored === 0) throw new KeyTaken();
    if (context.mailer) {
      const confirmed = data.sessionIds.filter((id) => statuses.get(id) === 'confirmed');
      await queueSignupMail(tx, { ...context, mailer: context.mailer, submissionId: submission.submissionId, lang: submission.lang }, confirmed);
    }
    await alongside(tx, context);
    await context.hooks?.beforeCommit?.(submission.submissionId);
    return { status: 201, body };
  });
}

function storyAnswer(baseUrl: string, code: string): string {
  const shown = formatCode(code, 4);
  return JSON.stringify({ withdrawCode: shown, withdrawUrl: `${baseUrl}/api/withdraw/${shown}` });
}

async function shareStory(context: SubmitContext, definition: ErvaringDefinition, hash: string): Promise<Outcome> {
  const { submission } = context;
  const data = submission.data as unknown as ErvaringData;
  const code = withdrawCode();
  const body = storyAnswer(context.baseUrl, code);
  // The withdrawal code by e-mail, only for a parent who left an address and asked for it.
  const mailCode = context.mailer !== undefined && !data.anonymous && Boolean(data.contact?.email) && data.contact?.sendCode === true;
  await context.hooks?.beforeCommit?.(submission.submissionId);
  await writeWith(context, mailCode, async (tx) => {
    const stored = await tx.query(
      `WITH claim AS (
         INSERT INTO submissions (id, form_id, type, body_hash, answer_status, answer_body, form_version)
         VALUES ($1, $2, 'ervaring', $3, 201, $4, $15) ON CONFLICT (id) DO NOTHING RETURNING id
       )
       INSERT INTO stories (submission_id, form_id, story, themes, region, level, anonymous, contact_name, contact_email, consent, withdraw_code, lang)
       SELECT id, $2, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 FROM claim RETURNING submission_id`,
      [
        submission.submissionId,
        definition.id,
        hash,
        body,
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
        context.form.version,
      ],
    );
    if (stored.rows.length === 0) throw new KeyTaken();
    if (mailCode) {
      await enqueueMail(tx, { kind: 'story', formId: definition.id, lang: submission.lang, baseUrl: context.baseUrl, submissionId: submission.submissionId }, context.mailer!.domain);
    }
  });
  return { status: 201, body };
}

/**
 * What a bot that filled the honeypot gets: the answer a real submission would get now, made by
 * the same rules and generators (a tally with its vote, a confirmed or waitlisted place or a
 * refusal, a withdrawal code from the same alphabet), with nothing stored.
 */
export async function decoy(context: SubmitContext): Promise<Outcome> {
  const { db, submission, lang, live } = context;
  const definition = context.form.definition;
  try {
    if (definition.type === 'peiling') {
      const data = submission.data as PeilingData;
      if (isClosed(definition)) throw conflict(lang, 'answers', 'poll-closed');
      if (data.voterToken !== undefined) {
        const voted = await db.query('SELECT 1 FROM votes WHERE form_id = $1 AND voter_token = $2', [definition.id, data.voterToken]);
        if (voted.rows.length > 0) throw conflict(lang, 'voterToken', 'already-voted');
      }
      if (definition.integrity === 'code') {
        const code = await db.query<{ used_at: Date | null }>('SELECT used_at FROM codes WHERE form_id = $1 AND code = $2', [definition.id, normalizeCode(data.code ?? '')]);
        if (code.rows.length === 0) throw conflict(lang, 'code', 'code-invalid');
        if (code.rows[0]!.used_at !== null) throw conflict(lang, 'code', 'code-used');
      }
      return { status: 201, body: await voteAnswer(context, definition, tallyKeysOf(choicesOf(definition, data.answers))) };
    }
    if (definition.type === 'meedenksessie') {
      const data = submission.data as unknown as MeedenksessieData;
      const sessions = new Map(definition.sessions.map((session) => [session.id, session]));
      const remaining = await live.remaining(definition.id);
      const calledOff = await live.calledOff(definition.id);
      const statuses = new Map<string, 'confirmed' | 'waitlisted'>();
      for (const id of data.sessionIds) if (signUpClosed(sessions.get(id)!) || calledOff.has(id)) throw conflict(lang, 'sessionIds', 'deadline-passed', id);
      for (const id of [...data.sessionIds].sort()) {
        if (sessions.get(id)!.capacity === undefined || (remaining.get(id) ?? 0) > 0) statuses.set(id, 'confirmed');
        else if (sessions.get(id)!.waitlist && data.waitlist === true) statuses.set(id, 'waitlisted');
        else throw conflict(lang, 'sessionIds', 'session-full', id);
      }
      return { status: 201, body: signUpAnswer(data.sessionIds, statuses, `${context.baseUrl}/api/cancel/${cancelToken()}`) };
    }
    return { status: 201, body: storyAnswer(context.baseUrl, withdrawCode()) };
  } catch (error) {
    if (error instanceof ApiError && error.errors) return { status: 409, body: JSON.stringify({ errors: error.errors }) };
    throw error;
  }
}

/**
 * Rebuilds a poll's running tally from its stored votes, after retention deleted some: each vote's
 * answers counted by the same rule as when it came in.
 */
export async function recountTally(db: Database, definition: PeilingDefinition): Promise<void> {
  await db.transaction(async (tx) => {
    // Votes in progress finish first, new ones wait: the recount and the upserts never interleave.
    await tx.query('LOCK TABLE tally IN EXCLUSIVE MODE');
    const votes = await tx.query<{ answers: Record<string, PeilingAnswer> }>('SELECT answers FROM votes WHERE form_id = $1', [definition.id]);
    const counts = new Map<string, [string, string, number]>();
    for (const vote of votes.rows) {
      for (const [question, value] of tallyKeysOf(choicesOf(definition, vote.answers))) {
        const key = countKey(question, value);
        counts.set(key, [question, value, (counts.get(key)?.[2] ?? 0) + 1]);
      }
    }
    await tx.query('DELETE FROM tally WHERE form_id = $1', [definition.id]);
    const rows = [...counts.values()];
    if (rows.length > 0) {
      await tx.query(
        `INSERT INTO tally (form_id, question_id, value, shard, n)
         SELECT $1, r.question, r.value, 0, r.n FROM unnest($2::text[], $3::text[], $4::int[]) AS r(question, value, n)`,
        [definition.id, rows.map(([question]) => question), rows.map(([, value]) => value), rows.map(([, , n]) => n)],
      );
    }
  });
}

/**
 * Makes the sessions and their places follow the content: new sessions appear, a raised capacity
 * adds free places, a lowered one removes free places beyond it (taken ones stay theirs).
 */
export async function syncSessions(db: Queryable, forms: Iterable<Form>): Promise<void> {
  for (const form of forms) {
    if (form.definition.type !== 'meedenksessie') continue;
    for (const session of form.definition.sessions) {
      const capacity = session.capacity ?? 0;
      await db.query(
        `INSERT INTO sessions (form_id, session_id, capacity) VALUES ($1, $2, $3)
         ON CONFLICT (form_id, session_id) DO UPDATE SET capacity = EXCLUDED.capacity`,
        [form.definition.id, session.id, session.capacity ?? null],
      );
      await db.query(
        `INSERT INTO places (form_id, session_id, place) SELECT $1, $2, n FROM generate_series(1, $3::int) AS n ON CONFLICT DO NOTHING`,
        [form.definition.id, session.id, capacity],
      );
      await db.query('DELETE FROM places WHERE form_id = $1 AND session_id = $2 AND place > $3 AND submission_id IS NULL', [
        form.definition.id,
        session.id,
        capacity,
      ]);
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
      const moved = await moveUpNext(tx, row.form_id, session.session_id);
      // The place passes to the parent moved up, or becomes free.
      await tx.query('UPDATE places SET submission_id = $4 WHERE form_id = $1 AND session_id = $2 AND submission_id = $3', [
        row.form_id,
        session.session_id,
        row.submission_id,
        moved?.submission_id ?? null,
      ]);
      if (moved) {
        promoted++;
        const movedContext = context(moved.submission_id, moved.lang);
        if (movedContext) await queuePromotionMail(tx, movedContext, session.session_id);
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

/** The first parent on a session's waiting list is confirmed (the caller gives them the place): their submission and language, or undefined when nobody waits. */
export async function moveUpNext(tx: Queryable, formId: string, sessionId: string): Promise<{ submission_id: string; lang: string } | undefined> {
  const next = await tx.query<{ submission_id: string; lang: string }>(
    `UPDATE signup_sessions SET status = 'confirmed' WHERE seq = (
       SELECT seq FROM signup_sessions WHERE form_id = $1 AND session_id = $2 AND status = 'waitlisted'
       ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING submission_id, (SELECT lang FROM signups WHERE signups.submission_id = signup_sessions.submission_id) AS lang`,
    [formId, sessionId],
  );
  return next.rows[0];
}

export interface SignupOverview {
  formId: string;
  lang: string;
  sessions: { id: string; status: 'confirmed' | 'waitlisted' | 'cancelled'; othersWaiting: boolean; calledOff: boolean }[];
}

/** A sign-up as its cancel page shows it: each session, its status, and whether someone waits for it. */
export async function signupByToken(db: Queryable, token: string): Promise<SignupOverview | undefined> {
  const signup = await db.query<{ submission_id: string; form_id: string; lang: string }>(
    'SELECT submission_id, form_id, lang FROM signups WHERE cancel_token = $1',
    [token],
  );
  const row = signup.rows[0];
  if (!row) return undefined;
  const sessions = await db.query<{ session_id: string; status: 'confirmed' | 'waitlisted' | 'cancelled'; others_waiting: boolean; called_off: boolean }>(
    `SELECT own.session_id, own.status, EXISTS (
       SELECT 1 FROM signup_sessions other WHERE other.form_id = own.form_id AND other.session_id = own.session_id
       AND other.status = 'waitlisted' AND other.submission_id <> own.submission_id) AS others_waiting,
       EXISTS (SELECT 1 FROM sessions s WHERE s.form_id = own.form_id AND s.session_id = own.session_id AND s.cancelled_at IS NOT NULL) AS called_off
     FROM signup_sessions own WHERE own.submission_id = $1 ORDER BY own.seq`,
    [row.submission_id],
  );
  return {
    formId: row.form_id,
    lang: row.lang,
    sessions: sessions.rows.map((session) => ({
      id: session.session_id,
      status: session.status,
      othersWaiting: session.others_waiting,
      calledOff: session.called_off,
    })),
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
      `UPDATE submissions SET body_hash = $2, answer_status = 410, answer_body = NULL
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
