import type { Database } from './db.js';
import type { Form, MeedenksessieDefinition, ServerConfig } from './content.js';
import { currentForm } from './forms.js';
import { recountTally } from './store.js';

/** Days a sign-up is kept after the last of its sessions, unless its form says otherwise. */
export const SIGNUP_RETENTION_DAYS = 30;

const DAY_MS = 86_400_000;

/** Days after its session a sign-up of this form is kept: the form's own setting, else 30. */
export function signupRetentionDays(form: Pick<Form, 'retentionDays'>): number {
  return form.retentionDays ?? SIGNUP_RETENTION_DAYS;
}

/** When a sign-up for these sessions is deleted: the set number of days after the last of them ends. */
export function signupDeleteAt(form: Form, sessionIds: readonly string[]): Date | undefined {
  const sessions = (form.definition as MeedenksessieDefinition).sessions.filter((session) => sessionIds.includes(session.id));
  if (sessions.length === 0) return undefined;
  const lastEnd = Math.max(...sessions.map((session) => Date.parse(session.end)));
  return new Date(lastEnd + signupRetentionDays(form) * DAY_MS);
}

/** When a poll's vote or a story received at `createdAt` is deleted. */
export function answerDeleteAt(createdAt: Date, form: Pick<Form, 'retentionDays'>, config: Pick<ServerConfig, 'retentionDays'>): Date {
  return new Date(createdAt.getTime() + (form.retentionDays ?? config.retentionDays) * DAY_MS);
}

/** The sign-up forms and, for each, its sessions with the moment their sign-ups are due. */
async function signupForms(db: Database): Promise<{ form: Form; due: Map<string, Date> }[]> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM forms WHERE type = 'meedenksessie' ORDER BY id");
  const forms: { form: Form; due: Map<string, Date> }[] = [];
  for (const { id } of rows) {
    const form = await currentForm(db, id);
    if (!form) continue;
    const due = new Map((form.definition as MeedenksessieDefinition).sessions.map((session) => [session.id, signupDeleteAt(form, [session.id])!]));
    forms.push({ form, due });
  }
  return forms;
}

/**
 * Deletes what has served its purpose, with everything that hangs off it:
 * - a sign-up (name, e-mail, needs, the cancel link) a set number of days after the last of its
 *   sessions (the form's `retentionDays`, default 30; 0 is right after the session);
 * - votes and stories older than their form's `retentionDays`, otherwise the server's;
 * - addresses for an outcome that was never published, as the answers of their form would go.
 * Returns how many submissions were deleted.
 */
export async function deleteExpired(db: Database, config: Pick<ServerConfig, 'retentionDays'>, now = new Date()): Promise<number> {
  const deleted: { form_id: string }[] = [];
  for (const { form, due } of await signupForms(db)) {
    const ended = [...due].filter(([, at]) => at <= now).map(([id]) => id);
    if (ended.length === 0) continue;
    const result = await db.query<{ form_id: string }>(
      `DELETE FROM submissions WHERE id IN (
         SELECT submission_id FROM signup_sessions WHERE form_id = $1 GROUP BY submission_id HAVING bool_and(session_id = ANY ($2))
       ) RETURNING form_id`,
      [form.definition.id, ended],
    );
    deleted.push(...result.rows);
  }
  // Votes and stories by their age; a sign-up form's keys without a sign-up (refusals) by the server's period.
  const ownPeriod = await db.query<{ id: string; retention_days: number }>(
    "SELECT id, retention_days FROM forms WHERE retention_days IS NOT NULL AND type <> 'meedenksessie'",
  );
  for (const form of ownPeriod.rows) {
    const result = await db.query<{ form_id: string }>(
      'DELETE FROM submissions WHERE form_id = $1 AND created_at < $3::timestamptz - make_interval(days => $2) RETURNING form_id',
      [form.id, form.retention_days, now],
    );
    deleted.push(...result.rows);
  }
  const rest = await db.query<{ form_id: string }>(
    `DELETE FROM submissions WHERE NOT (form_id = ANY ($1)) AND created_at < $3::timestamptz - make_interval(days => $2)
     AND NOT EXISTS (SELECT 1 FROM signups WHERE signups.submission_id = submissions.id) RETURNING form_id`,
    [ownPeriod.rows.map((form) => form.id), config.retentionDays, now],
  );
  deleted.push(...rest.rows);
  for (const form of ownPeriod.rows) {
    await db.query('DELETE FROM outcome_subscribers WHERE form_id = $1 AND created_at < $3::timestamptz - make_interval(days => $2)', [
      form.id,
      form.retention_days,
      now,
    ]);
  }
  await db.query('DELETE FROM outcome_subscribers WHERE NOT (form_id = ANY ($1)) AND created_at < $3::timestamptz - make_interval(days => $2)', [
    ownPeriod.rows.map((form) => form.id),
    config.retentionDays,
    now,
  ]);
  // Messages that belong to no submission (outcomes) keep no record longer than their answers would.
  await db.query(
    `DELETE FROM mail_outbox WHERE submission_id IS NULL AND state IN ('sent', 'failed', 'skipped')
     AND created_at < $2::timestamptz - make_interval(days => $1)`,
    [config.retentionDays, now],
  );
  // Rate-limit windows that ended long ago (PostgreSQL keeps the counters in this table).
  await db.query("DELETE FROM rate_limits WHERE window_end < now() - interval '1 hour'");
  const touched = [...new Set(deleted.map((row) => row.form_id))];
  if (touched.length > 0) {
    const polls = await db.query<{ id: string }>("SELECT id FROM forms WHERE id = ANY($1) AND type = 'peiling'", [touched]);
    for (const poll of polls.rows) {
      const form = await currentForm(db, poll.id);
      if (form?.definition.type === 'peiling') await recountTally(db, form.definition);
    }
  }
  return deleted.length;
}

/** The next moment `deleteExpired` has something to delete, or undefined when nothing is stored. */
export async function nextDeletion(db: Database, config: Pick<ServerConfig, 'retentionDays'>, now = new Date()): Promise<Date | undefined> {
  const moments: number[] = [];
  // Each combination of sessions people signed up for once: due when the last of them is.
  const combinations = await db.query<{ form_id: string; sessions: string[] }>(
    `SELECT DISTINCT form_id, sessions FROM (
       SELECT form_id, array_agg(session_id ORDER BY session_id) AS sessions FROM signup_sessions GROUP BY form_id, submission_id) chosen`,
  );
  const forms = new Map((await signupForms(db)).map(({ form }) => [form.definition.id, form]));
  for (const { form_id: formId, sessions } of combinations.rows) {
    const form = forms.get(formId);
    const at = form && signupDeleteAt(form, sessions);
    if (at) moments.push(at.getTime());
  }
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT min(s.created_at + make_interval(days => CASE WHEN f.type = 'meedenksessie' THEN $1 ELSE coalesce(f.retention_days, $1) END)) AS at
     FROM submissions s LEFT JOIN forms f ON f.id = s.form_id
     WHERE f.type IS DISTINCT FROM 'meedenksessie' OR NOT EXISTS (SELECT 1 FROM signups WHERE signups.submission_id = s.id)`,
    [config.retentionDays],
  );
  if (rows[0]?.at) moments.push(new Date(rows[0].at).getTime());
  // Something due that could not go (a session no longer in its form) must not make the server look every second.
  const ahead = moments.filter((moment) => moment > now.getTime());
  return ahead.length === 0 ? undefined : new Date(Math.min(...ahead));
}

/** How often the server looks at least, whatever it expects. */
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;

export interface RetentionLog {
  deleted(count: number): void;
  failed(error: unknown): void;
}

/**
 * Runs `deleteExpired` at start, at the moment the next item is due (so a sign-up goes when its
 * days after the session have passed, not hours later), and at least every six hours. `nudge()`
 * after something was stored or a form changed plans again, once per second at most.
 */
export class RetentionScheduler {
  private timer?: NodeJS.Timeout;
  private replan?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly config: Pick<ServerConfig, 'retentionDays'>,
    private readonly log: RetentionLog,
    private readonly extra: () => Promise<void> = async () => undefined,
  ) {}

  /** Deletes what is due now and plans the next run. */
  run(): Promise<void> {
    this.running ??= this.work().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  nudge(): void {
    if (this.stopped || this.replan) return;
    this.replan = setTimeout(() => {
      this.replan = undefined;
      this.plan().catch((error: unknown) => this.log.failed(error));
    }, 1_000);
    this.replan.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.replan);
    await this.running;
  }

  private async work(): Promise<void> {
    try {
      const deleted = await deleteExpired(this.db, this.config);
      if (deleted > 0) this.log.deleted(deleted);
      await this.extra();
    } catch (error) {
      this.log.failed(error);
    }
    await this.plan().catch((error: unknown) => this.log.failed(error));
  }

  private async plan(): Promise<void> {
    if (this.stopped) return;
    const next = await nextDeletion(this.db, this.config);
    const wait = next === undefined ? LONGEST_WAIT_MS : Math.min(LONGEST_WAIT_MS, Math.max(1_000, next.getTime() - Date.now() + 50));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), wait);
    this.timer.unref();
  }
}
