// The console's parts of e-mail (issue #14): an organisation's own relay and sender set by a
// beheerder (taking effect without a restart, the password never shown or logged), the test
// message, the messages that did not arrive with "probeer opnieuw", and an organiser changing or
// calling off a session, each parent told in their language with the right calendar file. A real
// SMTP server receives everything; what arrives is read with mailparser and ical.js.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db.js';
import { createForm, currentForm, publishForm } from '../src/forms.js';
import { MailWorker, type MailWorkerOptions } from '../src/mail/worker.js';
import { call, login, makeUser } from './console-helpers.js';
import { backends, count, makeApp, post, resetData, signUp, testContent, TEST_ORGANISATION } from './helpers.js';
import { linksIn, parseCalendar, SMTP_PASSWORD, SMTP_USER, TestSmtp, type Received } from './mail-helpers.js';

type Json = Record<string, any>;
const SERVER_FROM = 'Ouderstem server <server@ouderstem.test>';
const OWN_FROM = 'Gemeente Testgemeente <ouders@testgemeente.nl>';

function capturingLog(lines: string[]): MailWorkerOptions['log'] {
  const keep = (level: string) => (detail: object, message: string) => lines.push(`${level} ${message} ${JSON.stringify(detail)}`);
  return { info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** The relay's address as a beheerder may type it: with the password inside it. */
const typedUrl = (smtp: TestSmtp) => smtp.url;

/** The calendar file of a message: the METHOD its Content-Type names, and its events read with ical.js. */
function calendarOf(received: Received) {
  const attachment = received.mail.attachments.find((item) => item.contentType === 'text/calendar');
  if (!attachment) return undefined;
  const header = attachment.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  return { method: header?.params?.method, events: parseCalendar(attachment.content.toString('utf8')) };
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

for (const backend of backends) {
  describe(`e-mail in the console on ${backend.name}`, () => {
    let db: Database;
    let server: TestSmtp;
    let own: TestSmtp;
    let worker: MailWorker;
    let app: FastifyInstance;
    const logs: string[] = [];
    const cookies: Record<'beheerder' | 'redacteur' | 'lezer', string> = { beheerder: '', redacteur: '', lezer: '' };
    let beheerderEmail = '';

    before(async () => {
      db = await backend.open();
      server = await TestSmtp.start();
      own = await TestSmtp.start();
      // Not started: each test drains the outbox itself.
      worker = new MailWorker({ db, server: { smtpUrl: server.url, from: SERVER_FROM }, forms: (id) => currentForm(db, id), log: capturingLog(logs), retryDelay: () => 0 });
      app = await makeApp(db, { content: testContent(), mail: worker });
      for (const role of ['beheerder', 'redacteur', 'lezer'] as const) {
        const user = await makeUser(db, TEST_ORGANISATION.id, role);
        if (role === 'beheerder') beheerderEmail = user.email;
        cookies[role] = await login(app, user.email);
      }
    });
    after(async () => {
      await app.close();
      await worker.stop();
      await server.close();
      await own.close();
      await db.close();
    });
    beforeEach(async () => {
      // The console changes the sign-up form here: each test starts from the file's version again.
      await db.query("DELETE FROM forms WHERE id = 'signup'");
      await resetData(db);
      server.accepted.length = 0;
      own.accepted.length = 0;
    });

    async function deliver(): Promise<void> {
      await worker.drain();
    }

    describe('settings', () => {
      it("without its own settings an organisation uses the server's, shown without the password", async () => {
        const answer = (await call(app, cookies.beheerder, 'GET', '/beheer/api/mail')).json();
        assert.deepEqual(answer.mail, {
          source: 'server',
          own: null,
          server: { smtpUrl: `smtp://${SMTP_USER}:•••@${new URL(server.url).host}`, from: SERVER_FROM },
        });
        const me = (await call(app, cookies.lezer, 'GET', '/beheer/api/me')).json();
        assert.deepEqual(me.mail, { configured: true, source: 'server', problems: 0 });
      });

      it('its own relay and sender count at once: the next sign-up goes out through them, the password is never given back or logged', async () => {
        const saved = await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: typedUrl(own), from: OWN_FROM });
        assert.equal(saved.statusCode, 200, saved.body);
        const { mail } = saved.json();
        assert.equal(mail.source, 'organisation');
        assert.equal(mail.own.smtpUrl, `smtp://${SMTP_USER}@${new URL(own.url).host}`, 'the password is taken out of the address');
        assert.equal(mail.own.passwordSet, true);
        assert.equal(mail.own.from, OWN_FROM);

        await post(app, 'signup', signUp(['ten']));
        await deliver();
        assert.equal(server.accepted.length, 0, "not through the server's relay");
        const [received] = own.accepted;
        assert.match(received!.mail.from!.text, /ouders@testgemeente\.nl/);
        assert.match(received!.messageId, /@testgemeente\.nl>$/, "the Message-ID carries the organisation's domain");
        assert.equal(calendarOf(received!)!.events[0]!.organizer, 'mailto:ouders@testgemeente.nl', 'the calendar entry names its organiser');

        const everything = JSON.stringify([
          (await call(app, cookies.beheerder, 'GET', '/beheer/api/mail')).json(),
          (await call(app, cookies.beheerder, 'GET', '/beheer/api/me')).json(),
          (await call(app, cookies.beheerder, 'GET', '/beheer/api/audit')).json(),
          logs,
        ]);
        for (const secret of [SMTP_PASSWORD, encodeURIComponent(SMTP_PASSWORD)]) assert.ok(!everything.includes(secret), 'no password in any answer, the audit log or the logs');
        const audit = (await call(app, cookies.beheerder, 'GET', '/beheer/api/audit')).json().entries.find((entry: Json) => entry.action === 'mail.update');
        assert.equal(audit.detail.password, 'set');
      });

      it('a new password replaces the old one; another relay does not get the old password; removing them goes back to the server', async () => {
        await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: typedUrl(own), from: OWN_FROM });
        const address = `smtp://${SMTP_USER}@${new URL(own.url).host}`;
        // The same relay without a password typed: the stored one stays.
        const kept = (await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: address, from: OWN_FROM })).json();
        assert.equal(kept.mail.own.passwordSet, true);
        const wrong = await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: address, password: 'fout', from: OWN_FROM });
        assert.equal(wrong.statusCode, 200);
        const failed = await call(app, cookies.beheerder, 'POST', '/beheer/api/mail/test', {});
        assert.equal(failed.statusCode, 502);
        assert.match(failed.json().errors[0].message, /De mailserver antwoordde: ".*(535|Invalid).*"/);
        await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: address, password: SMTP_PASSWORD, from: OWN_FROM });
        assert.equal((await call(app, cookies.beheerder, 'POST', '/beheer/api/mail/test', {})).statusCode, 200);

        const moved = (await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: `smtp://${SMTP_USER}@127.0.0.1:9`, from: OWN_FROM })).json();
        assert.equal(moved.mail.own.passwordSet, false, 'a password goes only to the relay it was given for');

        const removed = (await call(app, cookies.beheerder, 'DELETE', '/beheer/api/mail')).json();
        assert.equal(removed.mail.source, 'server');
        await post(app, 'signup', signUp(['ten']));
        await deliver();
        assert.equal(server.accepted.length, 1, "the server's relay again");
        const actions = (await call(app, cookies.beheerder, 'GET', '/beheer/api/audit')).json().entries.map((entry: Json) => entry.action);
        assert.deepEqual(actions.filter((action: string) => action.startsWith('mail.')).slice(0, 3), ['mail.remove', 'mail.update', 'mail.test']);
      });

      it('the test message arrives at the beheerder, in Dutch, naming the sender', async () => {
        await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: typedUrl(own), from: OWN_FROM });
        const answer = await call(app, cookies.beheerder, 'POST', '/beheer/api/mail/test', {});
        assert.equal(answer.statusCode, 200, answer.body);
        assert.deepEqual(answer.json(), { to: beheerderEmail, source: 'organisation' });
        const [received, ...more] = own.accepted;
        assert.equal(more.length, 0);
        assert.deepEqual(received!.to, [beheerderEmail]);
        assert.equal(received!.mail.subject, 'Testbericht van Ouderstem');
        assert.equal(received!.mail.headers.get('content-language'), 'nl');
        assert.match(received!.mail.text!, /Dan kan Ouderstem e-mail versturen als Gemeente Testgemeente <ouders@testgemeente\.nl>\./);
        assert.equal(await count(db, 'mail_outbox'), 0, 'not through the outbox');
      });

      it('bad settings are refused at their field, in Dutch', async () => {
        const answer = await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: 'https://mail.example', password: 7, from: 'Ouders' });
        assert.equal(answer.statusCode, 422);
        assert.deepEqual(
          answer.json().errors.map((error: Json) => [error.field, error.message]),
          [
            ['smtpUrl', 'Het adres van de mailserver begint met smtp:// (of smtps:// voor poort 465), niet met https://.'],
            ['password', 'Het wachtwoord moet tekst zijn.'],
            ['from', 'Vul de afzender in met een e-mailadres, zoals Gemeente Voorbeeldstad <ouders@voorbeeldstad.nl>.'],
          ],
        );
        const injected = await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: 'smtp://mail.example', from: 'a@b.nl\r\nBcc: c@d.nl' });
        assert.equal(injected.json().errors[0].field, 'from', 'no header injection');
      });

      it('each organisation sends with its own settings or not at all: sendsMail and the messages follow', async () => {
        const plain = new MailWorker({ db, forms: (id) => currentForm(db, id), log: capturingLog([]) });
        const bare = await makeApp(db, { content: testContent(), mail: plain });
        try {
          await makeUser(db, 'ander', 'lezer');
          await createForm(db, 'ander', { type: 'meedenksessie', id: 'ander-sessies', title: 'Ander', sessions: [{ id: 'a', title: 'A', start: '2099-05-01T19:00:00+02:00', end: '2099-05-01T21:00:00+02:00' }] } as never, {}, null);
          await publishForm(db, 'ander', 'ander-sessies', 1);
          const sendsMail = async () => [(await bare.inject('/api/forms/signup')).json().sendsMail, (await bare.inject('/api/forms/ander-sessies')).json().sendsMail];
          assert.deepEqual(await sendsMail(), [undefined, undefined], 'no server settings, no own settings: no promise');
          await call(bare, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: typedUrl(own), from: OWN_FROM });
          assert.deepEqual(await sendsMail(), [true, undefined], 'only the organisation that set it up');
          await post(bare, 'signup', signUp(['ten']));
          await post(bare, 'ander-sessies', { ...signUp(['a']), formId: 'ander-sessies' });
          assert.equal(await count(db, 'mail_outbox'), 3, 'a confirmation and two reminders for the first; nothing for the other');
          await plain.drain();
          assert.equal(own.accepted.length, 1);
        } finally {
          await bare.close();
          await plain.stop();
        }
      });
    });

    describe('messages that did not arrive', () => {
      it('a coordinator sees what, to whom (partly hidden), why and when it is tried again; "probeer opnieuw" sends it', async () => {
        const refusing = await TestSmtp.start({ answer: (to) => (to === 'weg@example.nl' ? { code: 550, message: 'No such user here' } : { code: 451, message: 'Try again later' }) });
        try {
          await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: refusing.url, from: OWN_FROM });
          await post(app, 'signup', signUp(['ten'], { email: 'weg@example.nl' }));
          await post(app, 'signup', signUp(['one'], { email: 'later@example.nl' }));
          await db.query("DELETE FROM mail_outbox WHERE kind = 'reminder'");
          const once = new MailWorker({ db, forms: (id) => currentForm(db, id), log: capturingLog([]), retryDelay: () => 60_000 });
          await once.drain();
          await once.stop();
        } finally {
          await refusing.close();
        }
        const { problems } = (await call(app, cookies.lezer, 'GET', '/beheer/api/mail/problems')).json();
        const byRecipient = Object.fromEntries(problems.map((problem: Json) => [problem.recipient, problem]));
        assert.deepEqual(Object.keys(byRecipient).sort(), ['l•••@example.nl', 'w•••@example.nl'], 'the addresses partly hidden');
        assert.equal(byRecipient['w•••@example.nl'].state, 'failed');
        assert.equal(byRecipient['w•••@example.nl'].nextAttemptAt, null);
        assert.match(byRecipient['w•••@example.nl'].lastError, /550/);
        assert.equal(byRecipient['w•••@example.nl'].formId, 'signup');
        assert.equal(byRecipient['w•••@example.nl'].sessionId, null);
        assert.equal(byRecipient['l•••@example.nl'].state, 'pending');
        assert.ok(Date.parse(byRecipient['l•••@example.nl'].nextAttemptAt) > Date.now(), 'a temporary failure says when it is tried again');
        assert.doesNotMatch(JSON.stringify(problems), /weg@|later@/);
        assert.equal((await call(app, cookies.lezer, 'GET', '/beheer/api/me')).json().mail.problems, 2);

        const other = await login(app, (await makeUser(db, 'ander', 'beheerder')).email);
        assert.deepEqual((await call(app, other, 'GET', '/beheer/api/mail/problems')).json().problems, [], "another organisation's messages are not shown");
        assert.equal((await call(app, other, 'POST', `/beheer/api/mail/problems/${byRecipient['w•••@example.nl'].id}/retry`, {})).statusCode, 404);

        // The address was fixed at the relay; the coordinator tries again.
        await call(app, cookies.beheerder, 'PUT', '/beheer/api/mail', { smtpUrl: typedUrl(own), from: OWN_FROM });
        const retried = await call(app, cookies.redacteur, 'POST', `/beheer/api/mail/problems/${byRecipient['w•••@example.nl'].id}/retry`, {});
        assert.equal(retried.statusCode, 200, retried.body);
        await deliver();
        assert.deepEqual(own.accepted.map((received) => received.to[0]).sort(), ['weg@example.nl'], 'only the one retried was due');
        const left = (await call(app, cookies.lezer, 'GET', '/beheer/api/mail/problems')).json().problems;
        assert.deepEqual(left.map((problem: Json) => problem.recipient), ['l•••@example.nl']);
        assert.equal((await call(app, cookies.redacteur, 'POST', '/beheer/api/mail/problems/geen-uuid/retry', {})).statusCode, 404);
      });
    });

    describe('an organiser changes or calls off a session', () => {
      async function definitionOf(id: string): Promise<{ version: number; definition: Json }> {
        const { form } = (await call(app, cookies.redacteur, 'GET', `/beheer/api/forms/${id}`)).json();
        return { version: form.version, definition: form.definition };
      }

      async function saveAndPublish(change: (definition: Json) => void) {
        const { version, definition } = await definitionOf('signup');
        change(definition);
        const saved = await call(app, cookies.redacteur, 'PUT', '/beheer/api/forms/signup', { baseVersion: version, definition });
        assert.equal(saved.statusCode, 200, saved.body);
        const published = await call(app, cookies.redacteur, 'POST', '/beheer/api/forms/signup/publish', { version: saved.json().form.version });
        assert.equal(published.statusCode, 200, published.body);
        return published.json();
      }

      it('a new time and place: each parent with a place or waiting hears of it in their language; a place gets the .ics with the same UID and a higher SEQUENCE', async () => {
        const english = (await post(app, 'signup', { ...signUp(['one'], { email: 'sam@example.com', name: 'Sam' }), lang: 'en' })).json();
        const waiting = (await post(app, 'signup', signUp(['one'], { email: 'wacht@example.nl', waitlist: true }))).json();
        assert.equal(waiting.status, 'waitlisted');
        const gone = (await post(app, 'signup', signUp(['ten'], { email: 'weg@example.nl' }))).json();
        await app.inject({ method: 'POST', url: pathOf(gone.cancelUrl) });
        await deliver();
        server.accepted.length = 0;

        const answer = await saveAndPublish((definition) => {
          const one = definition.sessions.find((session: Json) => session.id === 'one');
          one.start = '2099-03-09T19:30:00+01:00';
          one.end = '2099-03-09T21:00:00+01:00';
          one.location = { name: 'Bibliotheek Centrum', address: 'Spui 68, Den Haag' };
          // Another session's title only: parents are not written to for that.
          definition.sessions.find((session: Json) => session.id === 'ten').title = 'Tien plaatsen (zaal 2)';
        });
        assert.deepEqual(answer.changes, { changed: [{ id: 'one', notified: 2 }], promoted: 0, mail: true });
        await deliver();
        assert.deepEqual(server.accepted.map((received) => received.to[0]).sort(), ['sam@example.com', 'wacht@example.nl']);

        const [sam] = server.to('sam@example.com');
        assert.equal(sam!.mail.subject, 'The session has changed: Eén plaats');
        assert.equal(sam!.mail.headers.get('content-language'), 'en');
        assert.match(sam!.mail.text!, /When: Monday, 9 March 2099, 19:30–21:00/);
        assert.match(sam!.mail.text!, /Where: Bibliotheek Centrum, Spui 68, Den Haag/);
        assert.match(sam!.mail.text!, /Before, it was:\n\nMonday, 2 March 2099, 19:00–21:00\n/);
        assert.ok(linksIn(sam!).includes(english.cancelUrl), 'the cancel link still works for them');
        const calendar = calendarOf(sam!)!;
        assert.equal(calendar.method, 'PUBLISH');
        const [event] = calendar.events;
        assert.equal(event!.uid, 'signup.one@ouderstem', 'the same entry');
        assert.equal(event!.sequence, 1, 'a newer version of it');
        assert.equal(event!.localStart, '2099-03-09T19:30:00', 'the new time, in Amsterdam time');
        assert.equal(event!.start.toISOString(), '2099-03-09T18:30:00.000Z');
        assert.equal(event!.location, 'Bibliotheek Centrum, Spui 68, Den Haag');

        const [waiter] = server.to('wacht@example.nl');
        assert.equal(waiter!.mail.subject, 'De sessie is gewijzigd: Eén plaats');
        assert.match(waiter!.mail.text!, /Je staat op de wachtlijst\./);
        assert.equal(calendarOf(waiter!), undefined, 'no calendar entry without a place');

        const reminders = await db.query<{ not_before: Date }>("SELECT not_before FROM mail_outbox WHERE kind = 'reminder' AND session_id = 'one' AND state = 'pending' ORDER BY not_before");
        assert.deepEqual(reminders.rows.map((row) => new Date(row.not_before).toISOString()), ['2099-03-07T09:00:00.000Z', '2099-03-09T07:00:00.000Z'], 'reminders for the new day');

        // A later confirmation (here: a place that comes free) carries the newer SEQUENCE too.
        await app.inject({ method: 'POST', url: pathOf(english.cancelUrl) });
        server.accepted.length = 0;
        await deliver();
        const [promoted] = server.to('wacht@example.nl');
        assert.equal(promoted!.mail.subject, 'Er is een plaats voor je: Eén plaats');
        assert.equal(calendarOf(promoted!)!.events[0]!.sequence, 1);
      });

      it('more places: the waiting list moves up and hears it; a refused publish writes no message', async () => {
        await post(app, 'signup', signUp(['one'], { email: 'eerste@example.nl' }));
        await post(app, 'signup', signUp(['one'], { email: 'tweede@example.nl', waitlist: true }));
        await post(app, 'signup', signUp(['one'], { email: 'derde@example.nl', waitlist: true }));
        await deliver();
        server.accepted.length = 0;
        const answer = await saveAndPublish((definition) => {
          definition.sessions.find((session: Json) => session.id === 'one').capacity = 2;
        });
        assert.deepEqual(answer.changes, { changed: [], promoted: 1, mail: true });
        await deliver();
        assert.deepEqual(server.accepted.map((received) => [received.to[0], received.mail.subject]), [['tweede@example.nl', 'Er is een plaats voor je: Eén plaats']]);
        const served = (await app.inject('/api/forms/signup')).json();
        assert.equal(served.sessions.find((session: Json) => session.id === 'one').remaining, 0);

        const queued = await count(db, 'mail_outbox');
        const { version, definition } = await definitionOf('signup');
        definition.sessions = definition.sessions.filter((session: Json) => session.id !== 'one');
        definition.sessions.find((session: Json) => session.id === 'ten').start = '2099-03-01T18:00:00+01:00';
        const refused = await call(app, cookies.redacteur, 'PUT', '/beheer/api/forms/signup', { baseVersion: version, definition });
        assert.equal(refused.statusCode, 409, 'a session with sign-ups cannot go');
        assert.equal(await count(db, 'mail_outbox'), queued, 'and nobody is told of a change that did not happen');
      });

      it('called off: everyone signed up hears it in their language, a place with METHOD:CANCEL; parents no longer see it or can sign up', async () => {
        const dutch = (await post(app, 'signup', signUp(['ten', 'open'], { email: 'fatima@example.nl' }))).json();
        await post(app, 'signup', { ...signUp(['ten'], { email: 'layla@example.com', name: 'ليلى' }), lang: 'ar' });
        await deliver();
        server.accepted.length = 0;
        const before = (await call(app, cookies.redacteur, 'GET', '/beheer/api/forms/signup')).json().form;
        assert.deepEqual(before.sessions.find((session: Json) => session.id === 'ten'), { id: 'ten', cancelledAt: null, confirmed: 2, waitlisted: 0 });

        assert.equal((await call(app, cookies.lezer, 'POST', '/beheer/api/forms/signup/sessions/ten/cancel', {})).statusCode, 403);
        const answer = await call(app, cookies.redacteur, 'POST', '/beheer/api/forms/signup/sessions/ten/cancel', { message: 'De zaal is niet beschikbaar. We zoeken een nieuwe datum.' });
        assert.equal(answer.statusCode, 200, answer.body);
        const { form, cancelled } = answer.json();
        assert.deepEqual(cancelled, { confirmed: 2, waitlisted: 0, notified: 2, mail: true });
        assert.ok(form.sessions.find((session: Json) => session.id === 'ten').cancelledAt);
        await deliver();

        const [fatima] = server.to('fatima@example.nl');
        assert.equal(fatima!.mail.subject, 'De sessie gaat niet door: Tien plaatsen');
        assert.match(fatima!.mail.text!, /Bericht van de organisatie:\n\nDe zaal is niet beschikbaar\. We zoeken een nieuwe datum\./);
        const calendar = calendarOf(fatima!)!;
        assert.equal(calendar.method, 'CANCEL');
        const [event] = calendar.events;
        assert.equal(event!.uid, 'signup.ten@ouderstem');
        assert.equal(event!.status, 'CANCELLED');
        assert.equal(event!.sequence, 1);
        assert.equal(event!.localStart, '2099-03-01T19:00:00');
        assert.equal(event!.organizer, 'mailto:server@ouderstem.test');
        const [layla] = server.to('layla@example.com');
        assert.equal(layla!.mail.subject, 'لن تُعقد الجلسة: Tien plaatsen');
        assert.match(String(layla!.mail.html), /<html lang="ar" dir="rtl">/);

        const reminders = await db.query("SELECT 1 FROM mail_outbox WHERE kind = 'reminder' AND session_id = 'ten' AND state = 'pending'");
        assert.equal(reminders.rows.length, 0, 'no reminders for a session that is off');
        assert.equal(await count(db, "mail_outbox WHERE kind = 'reminder' AND session_id = 'open' AND state = 'pending'"), 2, "the other session's stay");
        const served = (await app.inject('/api/forms/signup')).json();
        assert.ok(!served.sessions.some((session: Json) => session.id === 'ten'), 'parents no longer see it');
        const late = await post(app, 'signup', signUp(['ten'], { email: 'laat@example.nl' }));
        assert.equal(late.statusCode, 409);
        assert.equal(late.json().errors[0].code, 'deadline-passed');
        const bot = await post(app, 'signup', { ...signUp(['ten'], { email: 'bot@example.nl' }), honeypot: 'http://spam.example' });
        assert.equal(bot.json().errors[0].code, 'deadline-passed', 'a bot is answered as a parent would be');

        // The parent's cancel link still works for the other session, and says this one is off.
        const page = await app.inject(pathOf(dutch.cancelUrl));
        assert.equal(page.statusCode, 200);
        assert.doesNotMatch(page.body, /Tien plaatsen/);
        assert.equal((await call(app, cookies.redacteur, 'POST', '/beheer/api/forms/signup/sessions/ten/cancel', {})).json().errors[0].code, 'already-cancelled');
        const audit = (await call(app, cookies.beheerder, 'GET', '/beheer/api/audit')).json().entries.find((entry: Json) => entry.action === 'session.cancel');
        assert.deepEqual(audit.detail, { session: 'ten', confirmed: 2, waitlisted: 0, notified: 2, message: 'De zaal is niet beschikbaar. We zoeken een nieuwe datum.' });
      });

      it("a parent whose only session was called off reads so on their cancel link; a session that is over cannot be called off; without e-mail nobody is written to", async () => {
        const plain = new MailWorker({ db, forms: (id) => currentForm(db, id), log: capturingLog([]) });
        const bare = await makeApp(db, { content: testContent(), mail: plain });
        try {
          const only = (await post(bare, 'signup', signUp(['one'], { email: 'een@example.nl' }))).json();
          const answer = (await call(bare, cookies.redacteur, 'POST', '/beheer/api/forms/signup/sessions/one/cancel', {})).json();
          assert.deepEqual(answer.cancelled, { confirmed: 1, waitlisted: 0, notified: 0, mail: false });
          assert.equal(await count(db, 'mail_outbox'), 0);
          const page = await bare.inject(pathOf(only.cancelUrl));
          assert.equal(page.statusCode, 410);
          assert.match(page.body, /<h1>Deze sessie gaat niet door<\/h1>/);
          assert.match(page.body, /Gaat niet door\./);
          const past = await call(bare, cookies.redacteur, 'POST', '/beheer/api/forms/signup/sessions/past/cancel', {});
          assert.equal(past.statusCode, 409);
          assert.equal(past.json().errors[0].code, 'session-over');
          assert.equal((await call(bare, cookies.redacteur, 'POST', '/beheer/api/forms/signup/sessions/geen/cancel', {})).statusCode, 404);
          assert.equal((await call(bare, cookies.redacteur, 'POST', '/beheer/api/forms/poll/sessions/ten/cancel', {})).statusCode, 409);
        } finally {
          await bare.close();
          await plain.stop();
        }
      });
    });
  });
}
