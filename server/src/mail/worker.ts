import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db.js';
import { claimNext, markFailed, markSent, markSkipped, type OutboxRow } from './outbox.js';
import { renderMail, type FormLookup, type RenderedMail } from './render.js';
import { senderFor, type MailService, type Sender } from './sender.js';
import { withoutSecret, type MailSettings } from './settings.js';

export interface MailLog {
  info(detail: object, message: string): void;
  warn(detail: object, message: string): void;
  error(detail: object, message: string): void;
}

export interface MailWorkerOptions {
  db: Database;
  /** The server's own relay and sender (the environment), for every organisation without its own. */
  server?: MailSettings;
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

/** A transport for one relay. Short timeouts: a relay that hangs must not hold a message past its lease. */
function transportFor(smtpUrl: string): Transporter {
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  } as Parameters<typeof nodemailer.createTransport>[0]);
}

/** Hands one composed message to a relay; rejects with the relay's error. */
function send(transport: Transporter, from: string, messageId: string, mail: RenderedMail) {
  return transport.sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId,
    headers: { 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' },
    attachments: mail.calendar
      ? [{ filename: 'meedenksessie.ics', content: mail.calendar.text, contentType: `text/calendar; charset=utf-8; method=${mail.calendar.method}` }]
      : [],
  });
}

/**
 * Sends one message at once, outside the outbox (the console's test message). Resolves with the
 * relay's error, its password cut out, or undefined when the relay accepted it.
 */
export async function sendDirect(settings: MailSettings, messageId: string, mail: RenderedMail): Promise<string | undefined> {
  const transport = transportFor(settings.smtpUrl);
  try {
    await send(transport, settings.from, messageId, mail);
    return undefined;
  } catch (error) {
    return withoutSecret((error as Error).message, settings.smtpUrl);
  } finally {
    transport.close();
  }
}

/** Transports kept per relay address; nodemailer opens a connection per message, so an idle one holds nothing. */
const MAX_TRANSPORTS = 50;

/**
 * Sends what the mail outbox holds, one message at a time, in every server process at once. A
 * message is claimed (a lease), sent, and marked sent; a worker that dies mid-send leaves its
 * claim to run out, and another worker sends the message again under the same Message-ID, so
 * mail programs show it once. Failures are retried with backoff, then kept as failed for the
 * console; a relay's permanent refusal (5xx) is not retried. Each message goes out through its
 * organisation's relay as the database says it is at that moment (its own, else the server's),
 * so settings changed in the console count from the next message on, without a restart.
 */
export class MailWorker implements MailService {
  readonly server?: MailSettings;
  private readonly transports = new Map<string, Transporter>();
  private readonly leaseSeconds: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly retryDelay: (attempt: number) => number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly options: MailWorkerOptions) {
    this.server = options.server;
    this.leaseSeconds = options.leaseSeconds ?? 120;
    this.pollMs = options.pollMs ?? 15_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.retryDelay = options.retryDelay ?? ((attempt) => defaultRetryDelay(attempt));
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
    for (const transport of this.transports.values()) transport.close();
    this.transports.clear();
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

  private transport(smtpUrl: string): Transporter {
    let transport = this.transports.get(smtpUrl);
    if (!transport) {
      if (this.transports.size >= MAX_TRANSPORTS) {
        const [oldest, old] = this.transports.entries().next().value!;
        old.close();
        this.transports.delete(oldest);
      }
      this.transports.set(smtpUrl, (transport = transportFor(smtpUrl)));
    }
    return transport;
  }

  /** The message as it should go out now, with the relay to send it through; or why it is not sent. */
  private async prepare(row: OutboxRow): Promise<{ mail: RenderedMail; sender: Sender } | { skip: string } | { fail: string }> {
    const form = await this.options.forms(row.form_id);
    if (!form) return { skip: `form ${row.form_id} no longer exists` };
    const sender = await senderFor(this.options.db, form.organisationId, this.server);
    // E-mail was switched off for the organisation after the message was written.
    if (!sender) return { fail: 'E-mail staat uit voor deze organisatie. Stel het in onder E-mail en probeer het dan opnieuw.' };
    const rendering = await renderMail(this.options.db, row, form, sender.from);
    return 'skip' in rendering ? rendering : { mail: rendering.mail, sender };
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const { db, log } = this.options;
    let prepared;
    try {
      prepared = await this.prepare(row);
    } catch (error) {
      await this.failed(row, `could not be composed: ${(error as Error).message}`, false);
      return;
    }
    if ('fail' in prepared) return this.failed(row, prepared.fail, true);
    if ('skip' in prepared) {
      await markSkipped(db, row, prepared.skip);
      log.info({ messageId: row.message_id, kind: row.kind, reason: prepared.skip }, 'mail: skipped');
      return;
    }
    const { mail, sender } = prepared;
    try {
      await send(this.transport(sender.smtpUrl), sender.from, row.message_id, mail);
    } catch (error) {
      const permanent = (error as { permanent?: boolean }).permanent === true;
      await this.failed(row, withoutSecret((error as Error).message, sender.smtpUrl), permanent);
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
