/**
 * E-mail in the console: an organisation's own relay and sender (a beheerder), a test message,
 * and the messages that did not arrive, with "probeer opnieuw" (coordinators).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../db.js';
import { listForms } from '../forms.js';
import { ApiError, type Problem } from '../messages.js';
import { mailProblems, retryMail, type MailProblem } from '../mail/outbox.js';
import { renderTestMail } from '../mail/render.js';
import { ownMailSettings, removeOwnMailSettings, saveOwnMailSettings, senderFor } from '../mail/sender.js';
import { describeSmtpUrl, domainOf, readSmtpUrl, splitPassword } from '../mail/settings.js';
import { sendDirect } from '../mail/worker.js';
import { requireRole, sessionOf } from './access.js';
import { audit } from './audit.js';
import { bodyOf, problem, refuse } from './input.js';
import type { ConsoleOptions } from './index.js';

/** What the console says about an organisation's e-mail: its own settings, the server's, and which one counts. */
export interface MailStatus {
  /** Which settings send this organisation's e-mail now; null: none, e-mail is off. */
  source: 'organisation' | 'server' | null;
  own: { smtpUrl: string; passwordSet: boolean; from: string; updatedAt: string } | null;
  /** The server's own (`OUDERSTEM_SMTP_URL`, `OUDERSTEM_MAIL_FROM`), its password shown as •••. */
  server: { smtpUrl: string; from: string } | null;
}

export async function mailStatus(options: ConsoleOptions, organisationId: string): Promise<MailStatus> {
  const own = (await ownMailSettings(options.db, organisationId)) ?? null;
  const server = options.mail.server ? { smtpUrl: describeSmtpUrl(options.mail.server.smtpUrl), from: options.mail.server.from } : null;
  return { source: own ? 'organisation' : server ? 'server' : null, own, server };
}

/** How many of the organisation's messages did not arrive (failed, or waiting for another try): the console's warning. */
export async function mailProblemCount(db: Queryable, organisationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM mail_outbox m JOIN forms f ON f.id = m.form_id
     WHERE f.organisation_id = $1 AND m.last_error IS NOT NULL AND m.state IN ('pending', 'failed')`,
    [organisationId],
  );
  return rows[0]!.n;
}

/** `fatima@example.nl` → `f•••@example.nl`: enough to recognise, not to copy. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The body of `PUT /beheer/api/mail`, checked: the relay without its password, the password (or keep), the sender. */
function settingsOf(body: Record<string, unknown>) {
  const problems: Problem[] = [];
  const text = typeof body.smtpUrl === 'string' ? body.smtpUrl.trim() : '';
  const url = text && !CONTROL.test(text) && text.length <= 500 ? readSmtpUrl(text) : 'not-a-url';
  let smtpUrl = '';
  let fromUrl: string | undefined;
  if (url === 'not-a-url') {
    problems.push(problem('smtpUrl', 'Vul het adres van de mailserver in, zoals smtp://ouders@mail.voorbeeldstad.nl:587.'));
  } else if (!(url instanceof URL)) {
    problems.push(problem('smtpUrl', `Het adres van de mailserver begint met smtp:// (of smtps:// voor poort 465), niet met ${url.protocol}//.`));
  } else {
    ({ smtpUrl, password: fromUrl } = splitPassword(url));
  }
  let password: string | null | undefined;
  if (body.password === null) password = null;
  else if (typeof body.password === 'string' && body.password !== '') password = body.password;
  else if (body.password !== undefined && body.password !== '') problems.push(problem('password', 'Het wachtwoord moet tekst zijn.'));
  else password = fromUrl;
  if (typeof password === 'string' && (password.length > 500 || CONTROL.test(password))) {
    problems.push(problem('password', 'Dit wachtwoord kan niet: gebruik hoogstens 500 tekens, zonder regeleinden.'));
  }
  const from = typeof body.from === 'string' ? body.from.trim() : '';
  if (!domainOf(from) || CONTROL.test(from) || from.length > 300) {
    problems.push(problem('from', 'Vul de afzender in met een e-mailadres, zoals Gemeente Voorbeeldstad <ouders@voorbeeldstad.nl>.'));
  }
  if (problems.length > 0) refuse(problems);
  return { smtpUrl, password, from };
}

export function registerMailRoutes(app: FastifyInstance, options: ConsoleOptions): void {
  const { db } = options;
  const beheerder = { preHandler: requireRole('beheerder') };

  app.get('/beheer/api/mail', beheerder, async (request) => ({ mail: await mailStatus(options, sessionOf(request).organisationId) }));

  app.put('/beheer/api/mail', beheerder, async (request) => {
    const session = sessionOf(request);
    const settings = settingsOf(bodyOf(request));
    await db.transaction(async (tx) => {
      const before = await ownMailSettings(tx, session.organisationId);
      // A stored password goes only to the relay it was given for: another server (or user) needs it typed again.
      if (settings.password === undefined && before && before.smtpUrl !== settings.smtpUrl) settings.password = null;
      await saveOwnMailSettings(tx, session.organisationId, settings);
      // What changed, for the log: the addresses, and only whether the password did.
      const detail: Record<string, unknown> = {};
      if (before?.smtpUrl !== settings.smtpUrl) detail.smtpUrl = { from: before?.smtpUrl ?? null, to: settings.smtpUrl };
      if (before?.from !== settings.from) detail.from = { from: before?.from ?? null, to: settings.from };
      detail.password = settings.password === undefined ? (before?.passwordSet ? 'kept' : 'none') : settings.password === null ? 'none' : 'set';
      await audit(tx, session, 'mail.update', session.organisationId, detail);
    });
    // Messages that waited for these settings go now.
    options.mail.nudge();
    return { mail: await mailStatus(options, session.organisationId) };
  });

  app.delete('/beheer/api/mail', beheerder, async (request) => {
    const session = sessionOf(request);
    await db.transaction(async (tx) => {
      if (await removeOwnMailSettings(tx, session.organisationId)) await audit(tx, session, 'mail.remove', session.organisationId);
    });
    return { mail: await mailStatus(options, session.organisationId) };
  });

  app.post('/beheer/api/mail/test', beheerder, async (request) => {
    const session = sessionOf(request);
    const sender = await senderFor(db, session.organisationId, options.mail.server);
    if (!sender) {
      throw new ApiError(409, [{ code: 'mail-off', message: 'E-mail is nog niet ingesteld. Vul eerst de mailserver en de afzender in en sla ze op.' }]);
    }
    const mail = renderTestMail(session.user.email, session.user.name, session.organisation.name, sender.from);
    const error = await sendDirect(sender, `<${randomUUID()}@${domainOf(sender.from) ?? 'ouderstem.invalid'}>`, mail);
    await audit(db, session, 'mail.test', session.user.email, { source: sender.source, sent: error === undefined, ...(error ? { error } : {}) });
    if (error) {
      throw new ApiError(502, [
        {
          code: 'mail-failed',
          message: `Het testbericht is niet verstuurd. De mailserver antwoordde: "${error}". Controleer het adres, de gebruikersnaam, het wachtwoord en de afzender.`,
        },
      ]);
    }
    return { to: session.user.email, source: sender.source };
  });

  app.get('/beheer/api/mail/problems', { preHandler: requireRole('lezer') }, async (request) => {
    const forms = await listForms(db, sessionOf(request).organisationId);
    const problems = forms.length === 0 ? [] : await mailProblems(db, forms.map((form) => form.id));
    return { problems: problems.map((item: MailProblem) => ({ ...item, recipient: item.recipient === null ? null : maskAddress(item.recipient), retryable: item.recipient !== null })) };
  });

  app.post<{ Params: { id: string } }>('/beheer/api/mail/problems/:id/retry', { preHandler: requireRole('redacteur') }, async (request) => {
    const session = sessionOf(request);
    const forms = await listForms(db, session.organisationId);
    const retried = UUID.test(request.params.id) && (await retryMail(db, request.params.id, forms.map((form) => form.id)));
    if (!retried) {
      throw new ApiError(404, [{ code: 'not-found', message: 'Dit bericht staat niet (meer) tussen de berichten die niet aankwamen. Laad de lijst opnieuw.' }]);
    }
    await audit(db, session, 'mail.retry', request.params.id);
    options.mail.nudge();
    return { retried: true };
  });
}
