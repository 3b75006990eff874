import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import ICAL from 'ical.js';

export const SMTP_USER = 'ouderstem';
/** A password with characters that need URL-encoding, so a leak in either form is caught. */
export const SMTP_PASSWORD = 'ge#heim wachtwoord/42';

export interface Received {
  to: string[];
  messageId: string;
  mail: ParsedMail;
}

export interface SmtpOptions {
  /** Decides per message, before it is accepted: undefined accepts; a `{ code, message }` refuses. */
  answer?: (recipient: string, count: number) => { code: number; message: string } | undefined;
  /** Runs when a message has fully arrived, before the server says 250 (e.g. to kill the sender). */
  beforeAccept?: (count: number) => Promise<'accept' | 'hang'> | 'accept' | 'hang';
  /** Milliseconds to wait before each 250, as a real relay takes time. */
  delayMs?: number;
}

/** A real SMTP server on loopback that requires the test's login and keeps every message it accepted. */
export class TestSmtp {
  readonly accepted: Received[] = [];
  /** Every DATA that arrived, accepted or not (a message can arrive and not be acknowledged). */
  arrivals = 0;
  private server!: SMTPServer;
  private waiters: (() => void)[] = [];

  private constructor(private readonly options: SmtpOptions) {}

  static async start(options: SmtpOptions = {}): Promise<TestSmtp> {
    const smtp = new TestSmtp(options);
    smtp.server = new SMTPServer({
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: SMTP_USER });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, callback) {
        const refusal = options.answer?.(address.address, smtp.arrivals);
        if (refusal) callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        else callback();
      },
      onData: (stream, session, callback) => void smtp.receive(stream, session, callback),
    });
    smtp.server.listen(0, '127.0.0.1');
    await once(smtp.server.server, 'listening');
    return smtp;
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    this.arrivals++;
    const decision = (await this.options.beforeAccept?.(this.arrivals)) ?? 'accept';
    if (decision === 'hang') return; // never acknowledged: the sender does not know it arrived
    if (this.options.delayMs) await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
    const mail = await simpleParser(Buffer.concat(chunks));
    this.accepted.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), messageId: mail.messageId ?? '', mail });
    callback();
    for (const wake of this.waiters.splice(0)) wake();
  }

  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`;
  }

  /** Waits until at least `count` messages were accepted. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.accepted.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} messages, got ${this.accepted.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.min(left, 200));
      });
    }
    return this.accepted;
  }

  to(address: string): Received[] {
    return this.accepted.filter((received) => received.to.includes(address));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface ParsedEvent {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  /** ORGANIZER, as written: `mailto:ouders@…`. */
  organizer: string | undefined;
  tzid: string | undefined;
  hasAmsterdamZone: boolean;
  /** DTSTART as written: local wall-clock time, `2099-03-01T19:00:00`. */
  localStart: string;
  start: Date;
  end: Date;
  url: string;
  location: string | undefined;
  summary: string;
  description: string;
}

/** Reads a calendar file with a real iCalendar parser (ical.js), its time zone registered as a calendar app does. */
export function parseCalendar(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((event) => {
    const start = event.getFirstProperty('dtstart')!;
    const startTime = start.getFirstValue() as ICAL.Time;
    return {
      method: String(calendar.getFirstPropertyValue('method')),
      uid: String(event.getFirstPropertyValue('uid')),
      sequence: Number(event.getFirstPropertyValue('sequence')),
      status: String(event.getFirstPropertyValue('status')),
      organizer: event.getFirstPropertyValue('organizer') as string | undefined,
      tzid: start.getParameter('tzid') as string | undefined,
      hasAmsterdamZone: zones.some((zone) => zone.getFirstPropertyValue('tzid') === 'Europe/Amsterdam'),
      localStart: startTime.toString(),
      start: startTime.toJSDate(),
      end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate(),
      url: String(event.getFirstPropertyValue('url')),
      location: event.getFirstPropertyValue('location') as string | undefined,
      summary: String(event.getFirstPropertyValue('summary')),
      description: String(event.getFirstPropertyValue('description')),
    };
  });
}

/** Every link in a message's HTML and text. */
export function linksIn(received: Received): string[] {
  const html = typeof received.mail.html === 'string' ? received.mail.html : '';
  const fromHtml = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&#38;', '&'));
  const fromText = [...(received.mail.text ?? '').matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
  return [...new Set([...fromHtml, ...fromText])];
}
