import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db.js';
import { MailWorker, type MailWorkerOptions } from '../src/mail/worker.js';
import { mailProblems } from '../src/mail/outbox.js';
import { sendOutcome } from '../src/mail/outcome.js';
import { mailerOf } from '../src/mail/sender.js';
import { describeSmtpUrl, mailSettingsFromEnv } from '../src/mail/settings.js';
import { deleteExpired } from '../src/retention.js';
import { backends, count, importTestContent, makeApp, post, resetData, signUp, story, testContent } from './helpers.js';
import { currentForm } from '../src/forms.js';
import { linksIn, parseCalendar, SMTP_PASSWORD, TestSmtp, type Received } from './mail-helpers.js';

type Json = Record<string, any>;
const FROM = 'Ouderstem test <ouders@ouderstem.test>';

/** Everything the worker logged, to prove the password never appears in it. */
function capturingLog(lines: string[]): MailWorkerOptions['log'] {
  const keep = (level: string) => (detail: object, message: string) => lines.push(`${level} ${message} ${JSON.stringify(detail, (_key, value) => (value instanceof Error ? value.message : value))}`);
  return { info: keep('info'), warn: keep('warn'), error: keep('error') };
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

for (const backend of backends) {
  describe(`e-mail on ${backend.name}`, () => {
    let db: Database;
    let smtp: TestSmtp;
    let worker: MailWorker;
    let app: FastifyInstance;
    const content = testContent();
    const logs: string[] = [];

    const newWorker = (options: Partial<MailWorkerOptions> = {}, database = db) =>
      new MailWorker({ db: database, server: { smtpUrl: smtp.url, from: FROM }, forms: (id) => currentForm(database, id), log: capturingLog(logs), ...options });

    before(async () => {
      db = await backend.open();
      smtp = await TestSmtp.start();
      // Not started: each test drains the outbox itself, so what is sent when is exact.
      worker = newWorker();
      app = await makeApp(db, { content, mail: worker });
    });
    after(async () => {
      await app.close();
      await worker.stop();
      await smtp.close();
      await db.close();
    });
    beforeEach(async () => {
      await resetData(db);
      smtp.accepted.length = 0;
    });

    async function deliver(): Promise<Received[]> {
      await worker.drain();
      return smtp.accepted;
    }

    it('without mail configured no definition promises a message and nothing is queued', async () => {
      const plain = await makeApp(db, { content });
      try {
        for (const id of ['signup', 'story', 'poll']) assert.equal((await plain.inject(`/api/forms/${id}`)).json().sendsMail, undefined, id);
        await post(plain, 'signup', signUp(['ten']));
        await post(plain, 'story', story({ anonymous: false, contact: { email: 'mila@example.nl', sendCode: true } }));
        assert.equal(await count(db, 'mail_outbox'), 0);
      } finally {
        await plain.close();
      }
    });

    it('definitions say the server sends mail; an online link never leaves the server', async () => {
      for (const id of ['signup', 'story', 'poll']) assert.equal((await app.inject(`/api/forms/${id}`)).json().sendsMail, true, id);
      const sessions = (await app.inject('/api/forms/signup')).json().sessions as Json[];
      assert.equal(sessions.find((session) => session.id === 'open')!.online, true);
      assert.doesNotMatch(JSON.stringify(sessions), /meet\.example/);
    });

    it('a place: one message in Dutch with the session, the cancel link and a calendar file at the right local time', async () => {
      const answer = (await post(app, 'signup', signUp(['ten']))).json();
      const [received, ...more] = await deliver();
      assert.equal(more.length, 0);
      assert.deepEqual(received!.to, ['fatima@example.nl']);
      const { mail } = received!;
      assert.equal(mail.subject, 'Je bent aangemeld: Tien plaatsen');
      assert.equal(mail.headers.get('content-language'), 'nl');
      assert.match(mail.from!.text, /ouders@ouderstem\.test/);
      assert.match(received!.messageId, /^<[0-9a-f-]{36}@ouderstem\.test>$/);
      assert.match(mail.text!, /Hallo Fatima de Vries,/);
      assert.match(mail.text!, /Wanneer: zondag 1 maart 2099, 19\.00–21\.00 uur/);
      assert.match(mail.text!, /Waar: Wijkcentrum De Kronkel, Zuiderparklaan 200, Den Haag/);
      assert.match(String(mail.html), /<html lang="nl" dir="ltr">/);
      // Nothing to load from anywhere: no images, no remote style, only links back to this server.
      assert.doesNotMatch(String(mail.html), /<img|src=|url\(|@import|<link/i);
      const links = linksIn(received!);
      assert.ok(links.includes(answer.cancelUrl), 'the cancel link of the answer');
      const base = answer.cancelUrl.replace(/\/api\/.*$/, '');
      for (const link of links) assert.ok(link.startsWith(`${base}/`), link);
      const cancelPage = await app.inject(pathOf(answer.cancelUrl));
      assert.equal(cancelPage.statusCode, 200);
      assert.match(cancelPage.body, /Tien plaatsen/);

      const ics = mail.attachments.find((attachment) => attachment.contentType === 'text/calendar');
      assert.ok(ics, 'a calendar file is attached');
      assert.equal(ics.filename, 'meedenksessie.ics');
      const [event, ...others] = parseCalendar(ics.content.toString('utf8'));
      assert.equal(others.length, 0);
      assert.equal(event!.method, 'PUBLISH');
      assert.equal(event!.uid, 'signup.ten@ouderstem');
      assert.equal(event!.tzid, 'Europe/Amsterdam');
      assert.ok(event!.hasAmsterdamZone, 'the file carries its VTIMEZONE');
      assert.equal(event!.localStart, '2099-03-01T19:00:00', 'written in Amsterdam time');
      assert.equal(event!.start.toISOString(), '2099-03-01T18:00:00.000Z', 'which is 18:00 UTC in winter');
      assert.equal(event!.end.toISOString(), '2099-03-01T20:00:00.000Z');
      assert.equal(event!.location, 'Wijkcentrum De Kronkel, Zuiderparklaan 200, Den Haag');
      assert.equal(event!.url, `${base}/f/signup`);
      assert.match(event!.description, new RegExp(answer.cancelUrl));
    });

    it('an online session in summer: the meeting link is the location, at CEST', async () => {
      await post(app, 'signup', signUp(['open']));
      const [received] = await deliver();
      assert.match(received!.mail.text!, /Online: https:\/\/meet\.example\/ouders/);
      const [event] = parseCalendar(received!.mail.attachments[0]!.content.toString('utf8'));
      assert.equal(event!.localStart, '2099-07-03T19:00:00');
      assert.equal(event!.start.toISOString(), '2099-07-03T17:00:00.000Z', 'summer time: UTC+2');
      assert.equal(event!.location, 'https://meet.example/ouders');
    });

    it('English and Arabic parents are written to in their language', async () => {
      await post(app, 'signup', { ...signUp(['ten'], { email: 'sam@example.com', name: 'Sam' }), lang: 'en-GB' });
      await post(app, 'signup', { ...signUp(['ten'], { email: 'layla@example.com', name: 'ليلى' }), lang: 'ar' });
      await deliver();
      const [english] = smtp.to('sam@example.com');
      assert.equal(english!.mail.subject, 'You are signed up: Tien plaatsen');
      assert.equal(english!.mail.headers.get('content-language'), 'en');
      assert.match(english!.mail.text!, /When: Sunday, 1 March 2099, 19:00–21:00/);
      const [arabic] = smtp.to('layla@example.com');
      assert.equal(arabic!.mail.subject, 'تم تسجيلك: Tien plaatsen');
      assert.match(String(arabic!.mail.html), /<html lang="ar" dir="rtl">/);
      assert.match(arabic!.mail.text!, /مرحبًا ليلى،/);
    });

    it('the waiting list: placed on it with the cancel link; a cancel moves the parent up, who gets the place and the .ics', async () => {
      const first = (await post(app, 'signup', signUp(['one'], { email: 'eerste@example.nl' }))).json();
      const second = (await post(app, 'signup', signUp(['one'], { email: 'tweede@example.nl', waitlist: true }))).json();
      assert.equal(second.status, 'waitlisted');
      await deliver();
      const [waiting] = smtp.to('tweede@example.nl');
      assert.equal(waiting!.mail.subject, 'Je staat op de wachtlijst: Eén plaats');
      assert.match(waiting!.mail.text!, /Je staat op de wachtlijst\. Komt er een plaats vrij, dan is die voor jou\./);
      assert.ok(linksIn(waiting!).includes(second.cancelUrl));
      assert.equal(waiting!.mail.attachments.length, 0, 'no calendar entry without a place');

      // The first parent cancels from the page: the place goes to the second, and both hear of it.
      const page = await app.inject(pathOf(first.cancelUrl));
      assert.match(page.body, /Dan gaat je plaats naar iemand op de wachtlijst\./);
      await app.inject({ method: 'POST', url: pathOf(first.cancelUrl), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'lang=nl' });
      smtp.accepted.length = 0;
      await deliver();
      const [cancelled] = smtp.to('eerste@example.nl');
      assert.equal(cancelled!.mail.subject, 'Je bent afgemeld: Eén plaats');
      const [moved] = smtp.to('tweede@example.nl');
      assert.equal(moved!.mail.subject, 'Er is een plaats voor je: Eén plaats');
      assert.match(moved!.mail.text!, /Die plaats is nu van jou\./);
      assert.ok(linksIn(moved!).includes(second.cancelUrl));
      const [event] = parseCalendar(moved!.mail.attachments[0]!.content.toString('utf8'));
      assert.equal(event!.start.toISOString(), '2099-03-02T18:00:00.000Z');
      assert.equal(smtp.accepted.length, 2);
    });

    it('reminders: two days before at 10:00 and on the morning at 08:00 in Amsterdam, sent when due, gone after a cancel', async () => {
      const answer = (await post(app, 'signup', signUp(['ten', 'open']))).json();
      const planned = await db.query<{ session_id: string; not_before: Date }>(
        "SELECT session_id, not_before FROM mail_outbox WHERE kind = 'reminder' ORDER BY not_before",
      );
      assert.deepEqual(
        planned.rows.map((row) => [row.session_id, new Date(row.not_before).toISOString()]),
        [
          ['ten', '2099-02-27T09:00:00.000Z'],
          ['ten', '2099-03-01T07:00:00.000Z'],
          ['open', '2099-07-01T08:00:00.000Z'],
          ['open', '2099-07-03T06:00:00.000Z'],
        ],
      );
      await deliver();
      assert.equal(smtp.accepted.length, 1, 'only the confirmation: the reminders are not due');
      await db.query("UPDATE mail_outbox SET not_before = now() WHERE kind = 'reminder' AND session_id = 'ten'");
      smtp.accepted.length = 0;
      const reminders = await deliver();
      assert.deepEqual(reminders.map((received) => received.mail.subject).sort(), [
        'Herinnering: Tien plaatsen op zondag 1 maart 2099',
        'Vandaag: Tien plaatsen',
      ]);
      assert.ok(linksIn(reminders[0]!).includes(answer.cancelUrl));
      await app.inject({ method: 'POST', url: pathOf(answer.cancelUrl) });
      assert.equal((await db.query("SELECT 1 FROM mail_outbox WHERE kind = 'reminder' AND state = 'pending'")).rows.length, 0);
    });

    it('a form sets its own reminders, or none', async () => {
      const own = testContent();
      own.forms.get('signup')!.reminders = [{ daysBefore: 7, at: '18:30' }];
      const server = await makeApp(db, { content: own, mail: worker });
      await post(server, 'signup', signUp(['ten']));
      const planned = await db.query<{ not_before: Date }>("SELECT not_before FROM mail_outbox WHERE kind = 'reminder'");
      assert.deepEqual(planned.rows.map((row) => new Date(row.not_before).toISOString()), ['2099-02-22T17:30:00.000Z']);
      own.forms.get('signup')!.reminders = [];
      // Forms live in the database: the changed file is imported as the next version.
      await importTestContent(db, own);
      await post(server, 'signup', signUp(['one']));
      assert.equal(await count(db, "mail_outbox WHERE kind = 'reminder'"), 1);
      await server.close();
    });

    it('a story: the withdrawal code by mail only for a parent who left an address and asked for it; the links work', async () => {
      await post(app, 'story', story());
      await post(app, 'story', story({ anonymous: false, contact: { name: 'Noor', email: 'noor@example.nl' } }));
      const asked = (await post(app, 'story', story({ anonymous: false, contact: { name: 'Mila', email: 'mila@example.nl', sendCode: true } }))).json();
      const [received, ...others] = await deliver();
      assert.equal(others.length, 0, 'only the parent who asked');
      assert.deepEqual(received!.to, ['mila@example.nl']);
      assert.equal(received!.mail.subject, 'Je verhaal is binnen');
      assert.match(received!.mail.text!, new RegExp(asked.withdrawCode));
      const links = linksIn(received!);
      const base = asked.withdrawUrl.replace(/\/api\/.*$/, '');
      assert.deepEqual(links, [`${base}/intrekken?lang=nl`, asked.withdrawUrl]);
      const typing = await app.inject(pathOf(links[0]!));
      assert.match(typing.body, /<label class="label" for="code">Je code<\/label>/);
      const confirm = await app.inject(pathOf(asked.withdrawUrl));
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Je deelde een verhaal bij “Verhaal”/);
    });

    it('a refused address fails at once and shows in mailProblems; a temporary error is retried with backoff, then failed', async () => {
      const refused = await TestSmtp.start({ answer: (to) => (to === 'weg@example.nl' ? { code: 550, message: 'No such user' } : { code: 451, message: 'Try again later' }) });
      const failing = newWorker({ server: { smtpUrl: refused.url, from: FROM }, retryDelay: () => 0, maxAttempts: 3 });
      try {
        await post(app, 'signup', signUp(['ten'], { email: 'weg@example.nl' }));
        await post(app, 'signup', signUp(['one'], { email: 'later@example.nl' }));
        await failing.drain();
        const problems = await mailProblems(db);
        const byRecipient = Object.fromEntries(problems.map((problem) => [problem.recipient, problem]));
        assert.equal(byRecipient['weg@example.nl']!.state, 'failed');
        assert.equal(byRecipient['weg@example.nl']!.attempts, 1, 'a permanent refusal is not retried');
        assert.match(byRecipient['weg@example.nl']!.lastError, /550/);
        assert.equal(byRecipient['later@example.nl']!.state, 'failed');
        assert.equal(byRecipient['later@example.nl']!.attempts, 3, 'a temporary one is tried maxAttempts times');
        assert.deepEqual(await mailProblems(db, ['poll']), [], 'limited to the forms asked for');
        assert.equal(refused.accepted.length, 0);
      } finally {
        await failing.stop();
        await refused.close();
      }
      // The backoff between tries: minutes, growing, with jitter.
      const { defaultRetryDelay } = await import('../src/mail/worker.js');
      assert.equal(defaultRetryDelay(1, () => 1), 60_000);
      assert.equal(defaultRetryDelay(3, () => 1), 240_000);
      assert.equal(defaultRetryDelay(20, () => 0), 2_700_000);
    });

    it('a wrong password is a failure the console can see, and the password appears in no log and no stored error', async () => {
      const wrong = newWorker({ server: { smtpUrl: smtp.url.replace(encodeURIComponent(SMTP_PASSWORD), 'fout'), from: FROM }, maxAttempts: 1 });
      try {
        await post(app, 'signup', signUp(['ten']));
        await wrong.drain();
      } finally {
        await wrong.stop();
      }
      const [problem] = await mailProblems(db);
      assert.match(problem!.lastError, /535|Invalid/i);
      await post(app, 'signup', signUp(['one']));
      await deliver();
      const everything = JSON.stringify([logs, await db.query('SELECT * FROM mail_outbox')]);
      for (const secret of [SMTP_PASSWORD, encodeURIComponent(SMTP_PASSWORD)]) assert.ok(!everything.includes(secret), 'no password');
      assert.equal(describeSmtpUrl('smtp://ouders:geheim@mail.example:587'), 'smtp://ouders:•••@mail.example:587');
    });

    it('two workers at once (two processes’ connections on PostgreSQL) send each message exactly once', async () => {
      for (let index = 0; index < 12; index++) await post(app, 'signup', signUp(['open'], { email: `ouder${index}@example.nl` }));
      const second = backend.openAnother ? await backend.openAnother() : db;
      const workers = [newWorker(), newWorker({}, second)];
      try {
        const handled = await Promise.all(workers.map((each) => each.drain()));
        assert.equal(handled[0]! + handled[1]!, 12);
      } finally {
        for (const each of workers) await each.stop();
        if (second !== db) await second.close();
      }
      const ids = smtp.accepted.map((received) => received.messageId);
      assert.equal(ids.length, 12);
      assert.equal(new Set(ids).size, 12);
      assert.equal(await count(db, "mail_outbox WHERE state = 'sent'"), 12);
    });

    it('the outcome: the address is kept apart from the answer, used for one message, then gone from the database', async () => {
      const body = { ...story(), outcomeEmail: 'benieuwd@example.nl' };
      assert.equal((await post(app, 'story', body)).statusCode, 201);
      const stored = await db.query<{ email: string; form_id: string }>('SELECT email, form_id FROM outcome_subscribers');
      assert.deepEqual(stored.rows, [{ email: 'benieuwd@example.nl', form_id: 'story' }]);
      const columns = await db.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'outcome_subscribers' ORDER BY ordinal_position",
      );
      assert.deepEqual(columns.rows.map((row) => row.column_name), ['id', 'form_id', 'email', 'lang', 'created_at'], 'nothing ties it to the story');
      assert.doesNotMatch(JSON.stringify((await db.query('SELECT * FROM stories')).rows), /benieuwd/);
      assert.equal((await post(app, 'poll', { ...body, type: 'peiling', formId: 'poll', submissionId: crypto.randomUUID() })).statusCode, 422, 'only where the form offers it');

      assert.equal(await sendOutcome(db, mailerOf(FROM, worker)!, 'story', { text: { nl: 'We passen de folder aan.', en: 'We change the leaflet.' }, url: 'https://voorbeeldstad.nl/uitkomst' }, 'http://localhost'), 1);
      assert.equal(await sendOutcome(db, mailerOf(FROM, worker)!, 'story', { text: 'Nog eens' }, 'http://localhost'), 0, 'queued once');
      const [received, ...more] = await deliver();
      assert.equal(more.length, 0);
      assert.deepEqual(received!.to, ['benieuwd@example.nl']);
      assert.equal(received!.mail.subject, 'Wat er met de uitkomst gebeurt: Verhaal');
      assert.match(received!.mail.text!, /We passen de folder aan\./);
      assert.match(received!.mail.text!, /We hebben je e-mailadres nu gewist\./);
      assert.equal(await count(db, 'outcome_subscribers'), 0);
      const everywhere = await Promise.all(
        ['outcome_subscribers', 'mail_outbox', 'submissions', 'stories'].map((table) => db.query(`SELECT * FROM ${table}`)),
      );
      assert.doesNotMatch(JSON.stringify(everywhere.map((result) => result.rows)), /benieuwd/, 'the address is nowhere in the database');
      assert.equal(await sendOutcome(db, mailerOf(FROM, worker)!, 'story', { text: 'Nog eens' }, 'http://localhost'), 0, 'and cannot be used again');
    });

    it("an address for an outcome that is never published goes after the form's retention period", async () => {
      await post(app, 'story', { ...story(), outcomeEmail: 'benieuwd@example.nl' });
      await db.query("UPDATE outcome_subscribers SET created_at = now() - interval '4 days'");
      await deleteExpired(db, content.config);
      assert.equal(await count(db, 'outcome_subscribers'), 1, 'kept within the 5 days of the story form');
      await db.query("UPDATE outcome_subscribers SET created_at = now() - interval '6 days'");
      await deleteExpired(db, content.config);
      assert.equal(await count(db, 'outcome_subscribers'), 0);
    });
  });
}

describe('e-mail settings', () => {
  it('both variables or neither; a wrong URL or sender stops start-up with a message', () => {
    assert.equal(mailSettingsFromEnv({}), undefined);
    assert.deepEqual(mailSettingsFromEnv({ OUDERSTEM_SMTP_URL: 'smtp://a:b@mail.example:587', OUDERSTEM_MAIL_FROM: 'ouders@voorbeeldstad.nl' }), {
      smtpUrl: 'smtp://a:b@mail.example:587',
      from: 'ouders@voorbeeldstad.nl',
    });
    assert.throws(() => mailSettingsFromEnv({ OUDERSTEM_SMTP_URL: 'smtp://mail.example' }), /OUDERSTEM_MAIL_FROM/);
    assert.throws(() => mailSettingsFromEnv({ OUDERSTEM_MAIL_FROM: 'ouders@voorbeeldstad.nl' }), /OUDERSTEM_SMTP_URL/);
    assert.throws(() => mailSettingsFromEnv({ OUDERSTEM_SMTP_URL: 'http://mail.example', OUDERSTEM_MAIL_FROM: 'a@b.nl' }), /smtp:\/\//);
    assert.throws(() => mailSettingsFromEnv({ OUDERSTEM_SMTP_URL: 'smtp://mail.example', OUDERSTEM_MAIL_FROM: 'Ouders' }), /e-mail address/);
  });
});
