import type { Database } from '../db.js';
import type { LocalizedText } from '../content.js';
import { enqueueMail } from './outbox.js';
import type { Mailer } from './queue.js';

export interface Outcome {
  /** What happened with the outcome, in the coordinator's words (plain, or by language). */
  text: LocalizedText;
  /** Where to read more, such as the published report. */
  url?: string;
}

/**
 * "Ik wil horen wat er met de uitkomst gebeurt": queues one message to every address kept for
 * this form, in one transaction. Each address is deleted when its message is sent (or has failed
 * for good), so it is used exactly once. Returns how many messages were queued; an address
 * already queued is not queued again.
 */
export async function sendOutcome(db: Database, mailer: Mailer, formId: string, outcome: Outcome, baseUrl: string): Promise<number> {
  const queued = await db.transaction(async (tx) => {
    const subscribers = await tx.query<{ id: string; lang: string }>(
      `SELECT id, lang FROM outcome_subscribers s WHERE form_id = $1
       AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.subscriber_id = s.id) ORDER BY created_at FOR UPDATE`,
      [formId],
    );
    for (const subscriber of subscribers.rows) {
      await enqueueMail(
        tx,
        { kind: 'outcome', formId, lang: subscriber.lang, baseUrl, subscriberId: subscriber.id, detail: { text: outcome.text, url: outcome.url } },
        mailer.domain,
      );
    }
    return subscribers.rows.length;
  });
  mailer.nudge();
  return queued;
}
