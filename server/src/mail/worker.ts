import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db.js';
import { claimNext, markFailed, markSent, markSkipped, type OutboxRow } from './outbox.js';
import { renderMail, type FormLookup } from './render.js';
import { domainOf, withoutSecret, type MailSettings } from './settings.js';

export interface MailLog {
  info(detail: object, message: string): void;
  warn(detail: object, message: string): void;
  error(detail: object, message: string): void;
}

export interface MailWorkerOptions {
  db: Database;
  settings: MailSettings;
  forms: FormLookup;
  log: MailLog;
  /** How long a claimed message is this worker's; after that another worker may take it over. */
  leaseSeconds?: number;
  /** How often to look for due messages when nothing nudges the worker (other processes, reminders). */
  pollMs?: number;
  /** Tries before a message counts as failed for good. */
  maxAttempts?: number;
  /** Wait before the n-th retry; default 1, 2, 4 … minutes, at most an hour, with jitter. */
  retryDelay?: (attempt: number) => number;
}

/** The default backoff: 1, 2, 4, 8 … minutes up to an hour, each between 75 % and 100 % of that. */
export function defaultRetryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60_000 * 2 ** (attempt - 1), 3_600_000);
  return ceiling * (0.75 + 0.25 * random());
}

/**
 * Sends what the mail outbox holds, one message at a time, in every server process at once. A
 * message is claimed (a lease), sent, and marked sent; a worker that dies mid-send leaves its
 * claim to run out, and another worker sends the message again under the same Message-ID, so
 * mail programs show it once. Failures are retried with backoff, then kept as failed for the
 * console; a relay's permanent refusal (5xx) is not retried.
 */
export class MailWorker {
  readonly domain: string;
  private readonly transport: Transporter;
  private readonly leaseSeconds: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly retryDelay: (attempt: number) => number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly options: MailWorkerOptions) {
    this.domain = domainOf(options.settings.from) ?? 'ouderstem.invalid';
    this.leaseSeconds = options.leaseSeconds ?? 120;
    this.pollMs = options.pollMs ?? 15_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.retryDelay = options.retryDelay ?? ((attempt) => defaultRetryDelay(attempt));
    // Short timeouts: a relay that hangs must not hold a message past its lease.
    this.transport = nodemailer.createTransport({
      url: options.settings.smtpUrl,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    } as Parameters<typeof nodemailer.createTransport>[0]);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the message in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.transport.close();
  }

  /** New mail is waiting: look now instead of at the next poll. */
  nudge(): void {
    this.wake?.();
  }

  /** Sends every message that is due now; resolves with how many it handled. */
  async drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const row = await claimNext(this.options.db, this.leaseSeconds);
      if (!row) return handled;
      await this.deliver(row);
      handled++;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.drain();
      } catch (error) {
        this.options.log.error({ err: error }, 'mail: the outbox could not be read');
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.pollMs);
      });
      clearTimeout(this.timer);
      this.wake = undefined;
    }
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const { db, log, settings } = this.options;
    let rendering;
    try {
      rendering = await renderMail(db, row, this.options.forms);
    } catch (error) {
      await this.failed(row, `could not be composed: ${(error as Error).message}`, false);
      return;
    }
    if ('skip' in rendering) {
      await markSkipped(db, row, rendering.skip);
      log.info({ messageId: row.message_id, kind: row.kind, reason: rendering.skip }, 'mail: skipped');
      return;
    }
    const { mail } = rendering;
    try {
      await this.transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: row.message_id,
        headers: { 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' },
        attachments: mail.calendar
          ? [{ filename: 'meedenksessie.ics', content: mail.calendar, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]
          : [],
      });
    } catch (error) {
      const permanent = (error as { permanent?: boolean }).permanent === true;
      await this.failed(row, withoutSecret((error as Error).message, settings.smtpUrl), permanent);
      return;
    }
    await db.transaction(async (tx) => {
      await markSent(tx, row);
      // The address for the outcome was kept for this one message only.
      if (row.subscriber_id) await tx.query('DELETE FROM outcome_subscribers WHERE id = $1', [row.subscriber_id]);
    });
    log.info({ messageId: row.message_id, kind: row.kind }, 'mail: sent');
  }

  private async failed(row: OutboxRow, error: string, permanent: boolean): Promise<void> {
    const { db, log } = this.options;
    const final = permanent || row.attempts >= this.maxAttempts;
    const retryAt = final ? undefined : new Date(Date.now() + this.retryDelay(row.attempts));
    await db.transaction(async (tx) => {
      await markFailed(tx, row, error, retryAt);
      // An outcome address that cannot be reached has no purpose left.
      if (final && row.subscriber_id) await tx.query('DELETE FROM outcome_subscribers WHERE id = $1', [row.subscriber_id]);
    });
    const detail = { messageId: row.message_id, kind: row.kind, attempt: row.attempts, error };
    if (final) log.error(detail, 'mail: failed for good');
    else log.warn({ ...detail, retryAt }, 'mail: failed, will retry');
  }
}
