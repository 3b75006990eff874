import type { Queryable } from '../db.js';
import type { Form, MeedenksessieDefinition, Reminder } from '../content.js';
import { daysBeforeAt } from './amsterdam.js';
import { dropReminders, enqueueMail } from './outbox.js';

/** What the store needs to write messages: the sender's domain (for Message-IDs) and a way to wake the worker. */
export interface Mailer {
  readonly domain: string;
  nudge(): void;
}

/** Two days before at ten, and on the morning itself at eight (Amsterdam time). */
export const DEFAULT_REMINDERS: readonly Reminder[] = [
  { daysBefore: 2, at: '10:00' },
  { daysBefore: 0, at: '08:00' },
];

export interface SignupMailContext {
  mailer: Mailer;
  form: Form;
  submissionId: string;
  lang: string;
  baseUrl: string;
}

/** Reminders still ahead for one session: after now and before the session starts. */
async function queueReminders(tx: Queryable, context: SignupMailContext, sessionId: string, now = new Date()): Promise<void> {
  const session = (context.form.definition as MeedenksessieDefinition).sessions.find((item) => item.id === sessionId);
  if (!session) return;
  const start = new Date(session.start);
  for (const reminder of context.form.reminders ?? DEFAULT_REMINDERS) {
    const moment = daysBeforeAt(start, reminder.daysBefore, reminder.at);
    if (moment <= now || moment >= start) continue;
    await enqueueMail(
      tx,
      { ...mailOf(context), kind: 'reminder', sessionId, notBefore: moment, detail: { today: reminder.daysBefore === 0 } },
      context.mailer.domain,
    );
  }
}

function mailOf(context: SignupMailContext) {
  return { formId: context.form.definition.id, lang: context.lang, baseUrl: context.baseUrl, submissionId: context.submissionId };
}

/** In the sign-up's transaction: the confirmation (place or waiting list) and the reminders for each place. */
export async function queueSignupMail(tx: Queryable, context: SignupMailContext, confirmed: readonly string[]): Promise<void> {
  await enqueueMail(tx, { ...mailOf(context), kind: 'signup' }, context.mailer.domain);
  for (const sessionId of confirmed) await queueReminders(tx, context, sessionId);
}

/** In the cancel's transaction: "you have cancelled", and no more reminders. */
export async function queueCancelMail(tx: Queryable, context: SignupMailContext, sessionIds: readonly string[]): Promise<void> {
  await dropReminders(tx, context.submissionId);
  await enqueueMail(tx, { ...mailOf(context), kind: 'cancelled', detail: { sessionIds } }, context.mailer.domain);
}

/** In the cancel's transaction: the parent moved up from the waiting list hears the place is theirs. */
export async function queuePromotionMail(tx: Queryable, context: SignupMailContext, sessionId: string): Promise<void> {
  await enqueueMail(tx, { ...mailOf(context), kind: 'promoted', sessionId }, context.mailer.domain);
  await queueReminders(tx, context, sessionId);
}

/**
 * In the publish's transaction: the session's time or place changed. The parent hears what it is
 * now (and what it was), and a parent with a place gets reminders for the new moment.
 */
export async function queueSessionChangedMail(
  tx: Queryable,
  context: SignupMailContext,
  sessionId: string,
  before: Record<string, unknown>,
  hasPlace: boolean,
): Promise<void> {
  await enqueueMail(tx, { ...mailOf(context), kind: 'session-changed', sessionId, detail: { before } }, context.mailer.domain);
  if (!hasPlace) return;
  await dropReminders(tx, context.submissionId, sessionId);
  await queueReminders(tx, context, sessionId);
}

/** In the transaction that calls a session off: the parent hears it is off, with the organiser's message. */
export async function queueSessionCancelledMail(
  tx: Queryable,
  context: SignupMailContext,
  sessionId: string,
  detail: { hadPlace: boolean; message?: string },
): Promise<void> {
  await enqueueMail(tx, { ...mailOf(context), kind: 'session-cancelled', sessionId, detail }, context.mailer.domain);
}
