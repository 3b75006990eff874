/**
 * Results that reach policy (issue #13), on every backend: a poll's dashboard, exports read back
 * with real parsers, sign-ups with attendance and the waiting list (also under 20 concurrent
 * sign-ups and cancels), story moderation, retention, and the terugkoppeling.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db.js';
import { createForm, publishForm } from '../src/forms.js';
import { deleteExpired, nextDeletion } from '../src/retention.js';
import { field } from '../src/export.js';
import { redact } from '../src/results/stories.js';
import { call, login, makeUser } from './console-helpers.js';
import { backends, count, makeApp, post, resetData, signUp, story, submission, testContent } from './helpers.js';

type Json = Record<string, any>;

/** A poll of the test organisation with the default minimum of 10, labels unlike its values, and an optional question few answer. */
const POLICY = {
  type: 'peiling',
  id: 'beleid',
  title: { nl: 'Ouders en school', en: 'Parents and school' },
  results: 'after-vote',
  integrity: 'open',
  questions: [
    { id: 'contact', type: 'single', required: true, label: 'Heb je contact met de school?', options: [{ value: 'ja-vaak', label: 'Ja, vaak' }, { value: 'nee-wel-willen', label: 'Nee, maar ik wil wel' }] },
    { id: 'hoe', type: 'multiple', other: true, label: 'Hoe?', options: [{ value: 'mail', label: 'Per e-mail' }, { value: 'app', label: 'Met de schoolapp' }] },
    { id: 'cijfer', type: 'scale', min: 1, max: 5, label: 'Hoe tevreden ben je?' },
    { id: 'tips', type: 'open', label: 'Tips?' },
    { id: 'extra', type: 'single', label: 'Zit je in de oudercommissie?', options: [{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }] },
  ],
};

function ballot(index: number) {
  const answers: Json = { contact: index % 3 === 0 ? 'nee-wel-willen' : 'ja-vaak', cijfer: (index % 5) + 1 };
  if (index % 2 === 0) answers.hoe = index % 4 === 0 ? { value: ['mail', 'other'], other: `Via de juf ${index}` } : ['app'];
  if (index < 4) answers.extra = 'ja';
  if (index === 5) answers.tips = 'Meer uitleg in het Arabisch, graag.';
  if (index === 7) answers.tips = 'Een café-ochtend op vrijdag';
  return submission('peiling', 'beleid', { answers, voterToken: randomUUID() }, { lang: index >= 10 ? 'ar' : index >= 8 ? 'en' : 'nl' });
}

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as never);
  return book;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

for (const backend of backends) {
  describe(`results, exports, moderation and terugkoppeling on ${backend.name}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let lezer: string;
    let redacteur: string;

    before(async () => {
      db = await backend.open();
      app = await makeApp(db);
      lezer = await login(app, (await makeUser(db, 'test', 'lezer')).email);
      redacteur = await login(app, (await makeUser(db, 'test', 'redacteur')).email);
      await createForm(db, 'test', POLICY as never, {}, null);
      await publishForm(db, 'test', 'beleid', 1);
    });
    after(async () => {
      await app.close();
      await db.close();
    });
    beforeEach(async () => {
      await resetData(db);
      await db.query("DELETE FROM votes WHERE form_id = 'beleid'");
      await db.query("DELETE FROM tally WHERE form_id = 'beleid'");
    });

    describe('a poll', () => {
      async function twelveVotes() {
        for (let index = 0; index < 12; index++) assert.equal((await post(app, 'beleid', ballot(index))).statusCode, 201);
        // The first four came in on 1 March, the rest on 2 March (Amsterdam days).
        await db.query(
          `UPDATE votes SET created_at = CASE WHEN (answers->>'extra') IS NOT NULL THEN timestamptz '2027-03-01 10:00+01' ELSE timestamptz '2027-03-02 23:30+01' END WHERE form_id = 'beleid'`,
        );
      }

      it('the coordinator sees counts, responses over time and languages; a question below minResponses is marked', async () => {
        await twelveVotes();
        const results = (await call(app, lezer, 'GET', '/beheer/api/forms/beleid/results')).json();
        assert.equal(results.total, 12);
        assert.deepEqual(results.tally.questions.contact, { counts: { 'ja-vaak': 8, 'nee-wel-willen': 4 }, total: 12 });
        assert.deepEqual(results.tally.questions.hoe, { counts: { mail: 3, app: 3, other: 3 }, total: 6 });
        assert.equal(results.tally.questions.extra.total, 4);
        assert.deepEqual(results.tooFew.sort(), ['extra', 'hoe'], 'answered by fewer than 10: "te weinig antwoorden om te publiceren"');
        assert.deepEqual(results.timeline, [{ day: '2027-03-01', n: 4 }, { day: '2027-03-02', n: 8 }]);
        assert.deepEqual(results.languages, [{ lang: 'nl', n: 8 }, { lang: 'ar', n: 2 }, { lang: 'en', n: 2 }]);
        assert.equal(results.openAnswers, 5);
        const parents = (await app.inject('/api/forms/beleid')).json().tally;
        assert.deepEqual(Object.keys(parents.questions).sort(), ['cijfer', 'contact'], 'parents never get a question answered by fewer than 10');
        const { rows } = await db.query<{ action: string; target: string }>("SELECT action, target FROM audit_log WHERE action = 'results.view'");
        assert.ok(rows.some((row) => row.target === 'beleid'), 'the view is in the audit log');
      });

      it('filters by period and language; a wrong date says how to write one', async () => {
        await twelveVotes();
        const first = (await call(app, lezer, 'GET', '/beheer/api/forms/beleid/results?from=2027-03-01&to=2027-03-01')).json();
        assert.equal(first.total, 4);
        const second = (await call(app, lezer, 'GET', '/beheer/api/forms/beleid/results?from=2027-03-02')).json();
        assert.equal(second.total, 8, '23:30 in Amsterdam is still 2 March');
        const arabic = (await call(app, lezer, 'GET', '/beheer/api/forms/beleid/results?lang=ar')).json();
        assert.equal(arabic.total, 2);
        const wrong = await call(app, lezer, 'GET', '/beheer/api/forms/beleid/results?from=1-3-2027');
        assert.equal(wrong.statusCode, 422);
        assert.deepEqual(wrong.json().errors.map((error: Json) => error.field), ['from']);
        assert.match(wrong.json().errors[0].message, /jjjj-mm-dd/);
      });

      it('open answers and "anders" texts are searchable, case and accents ignored', async () => {
        await twelveVotes();
        const all = (await call(app, lezer, 'GET', '/beheer/api/forms/beleid/answers')).json();
        assert.equal(all.total, 5);
        assert.deepEqual(new Set(all.answers.map((answer: Json) => answer.kind)), new Set(['open', 'other']));
        const cafe = (await call(app, lezer, 'GET', `/beheer/api/forms/beleid/answers?q=${encodeURIComponent('CAFE')}`)).json();
        assert.deepEqual(cafe.answers.map((answer: Json) => answer.text), ['Een café-ochtend op vrijdag']);
        const juf = (await call(app, lezer, 'GET', '/beheer/api/forms/beleid/answers?q=juf&question=hoe')).json();
        assert.equal(juf.total, 3);
        assert.equal((await call(app, lezer, 'GET', '/beheer/api/forms/beleid/answers?question=bestaat-niet')).statusCode, 422);
      });

      it('exports CSV that Dutch Excel opens right and XLSX with a totals sheet: labels, Amsterdam time, the same figures', async () => {
        await twelveVotes();
        const csv = await call(app, lezer, 'GET', '/beheer/api/forms/beleid/export.csv');
        assert.equal(csv.statusCode, 200);
        assert.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 with a BOM');
        assert.match(csv.headers['content-disposition'] as string, /attachment; filename="beleid\.csv"/);
        const rows = parseCsv(csv.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
        assert.equal(rows.length, 12);
        assert.ok(rows.every((row) => /^0[12]-03-2027 (10:00|23:30)$/.test(row.Ontvangen!)), 'local time in Europe/Amsterdam');
        assert.equal(rows.filter((row) => row['Heb je contact met de school?'] === 'Nee, maar ik wil wel').length, 4, 'labels, never nee-wel-willen');
        assert.ok(rows.some((row) => row['Hoe?'] === 'Per e-mail; Anders: Via de juf 0'));
        assert.doesNotMatch(csv.body, /nee-wel-willen|other:/);
        assert.deepEqual([...new Set(rows.map((row) => row.Taal))].sort(), ['Arabisch', 'Engels', 'Nederlands']);

        const totalsCsv = await call(app, lezer, 'GET', '/beheer/api/forms/beleid/export.csv?part=totalen');
        const totals = parseCsv(totalsCsv.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
        assert.equal(totals[0]!.Aantal, '12');
        const nee = totals.find((row) => row.Antwoord === 'Nee, maar ik wil wel')!;
        assert.deepEqual([nee.Aantal, nee.Percentage], ['4', '33,3%']);
        assert.equal(totals.find((row) => row.Vraag === 'Zit je in de oudercommissie?' && row.Antwoord === 'Ja')!.Opmerking, 'te weinig antwoorden om te publiceren');

        const xlsx = await call(app, lezer, 'GET', '/beheer/api/forms/beleid/export.xlsx');
        assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const book = await workbookOf(xlsx.rawPayload);
        assert.deepEqual(book.worksheets.map((sheet) => sheet.name), ['Antwoorden', 'Totalen']);
        const answers = rowsOf(book.getWorksheet('Antwoorden')!);
        assert.equal(answers.length, 13);
        assert.equal(answers[0]![2], 'Heb je contact met de school?');
        const when = answers[1]![0] as Date;
        assert.ok(when instanceof Date, 'a real date cell');
        assert.equal(when.toISOString(), '2027-03-01T10:00:00.000Z', 'the Amsterdam wall clock, as Excel keeps it');
        assert.equal(typeof answers.slice(1).find((row) => row[4] !== undefined)![4], 'number', 'a scale answer is a number');
        const sheet = rowsOf(book.getWorksheet('Totalen')!);
        const neeRow = sheet.find((row) => row[1] === 'Nee, maar ik wil wel')!;
        assert.equal(neeRow[2], 4);
        assert.ok(Math.abs((neeRow[3] as number) - 1 / 3) < 1e-9);

        const bearer = await app.inject({ url: '/api/export/beleid', headers: { authorization: 'Bearer geheim-token' } });
        assert.equal(bearer.body, csv.body, 'the export route gives the same file as the console');
        const bearerXlsx = await app.inject({ url: '/api/export/beleid?format=xlsx', headers: { authorization: 'Bearer geheim-token' } });
        assert.deepEqual(rowsOf((await workbookOf(bearerXlsx.rawPayload)).getWorksheet('Totalen')!), sheet);
        const { rows: audited } = await db.query<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE target = 'beleid' AND action LIKE 'export.%' ORDER BY id");
        assert.deepEqual(audited.slice(-4).map((row) => row.action), ['export.csv', 'export.xlsx', 'export.csv', 'export.xlsx']);
      });

      it('an export is one consistent read: rows and totals agree while parents keep voting', async () => {
        const sending = Promise.all(Array.from({ length: 30 }, (_, index) => post(app, 'beleid', ballot(index))));
        const exports = await Promise.all(Array.from({ length: 3 }, () => call(app, lezer, 'GET', '/beheer/api/forms/beleid/export.xlsx')));
        await sending;
        for (const response of exports) {
          const book = await workbookOf(response.rawPayload);
          const answers = rowsOf(book.getWorksheet('Antwoorden')!).length - 1;
          assert.equal(rowsOf(book.getWorksheet('Totalen')!)[1]![2], answers, 'the totals count exactly the rows beside them');
        }
      });
    });

    describe('the CSV formula guard', () => {
      it('defuses = + - @ also behind a space, a no-break space, a zero-width space, or in full width', () => {
        for (const cell of ['=1+1', '+31 6', '-2', '@SUM(A1)', ' =1+1', '\u00a0=1+1', '\u200b=1+1', '\uff1d1+1', '\ufe66 1', '\t=1']) {
          assert.ok(field(cell).replace(/^"/, '').startsWith("'"), JSON.stringify(cell));
        }
        assert.equal(field('Gewoon een antwoord'), 'Gewoon een antwoord');
        assert.equal(field(-2), '-2', 'a number is no formula');
        assert.equal(field('a;b'), '"a;b"');
      });
    });

    describe('meedenksessies', () => {
      it('a second sign-up with the same address for the same session is 409 already-signed-up, case ignored; after a cancel it may', async () => {
        const first = await post(app, 'signup', signUp(['ten'], { email: 'Sam@Example.nl' }));
        assert.equal(first.statusCode, 201);
        const again = await post(app, 'signup', signUp(['ten', 'open'], { email: 'SAM@example.NL' }));
        assert.equal(again.statusCode, 409);
        assert.deepEqual(again.json().errors.map((error: Json) => [error.code, error.field, error.session]), [['already-signed-up', 'email', 'ten']]);
        assert.match(again.json().errors[0].message, /al iemand aangemeld/);
        assert.equal(await count(db, 'signups'), 1, 'nothing of the second is stored');
        const english = await post(app, 'signup', { ...signUp(['ten'], { email: 'sam@example.nl' }), lang: 'en' });
        assert.match(english.json().errors[0].message, /already signed up/);
        assert.equal((await post(app, 'signup', signUp(['open'], { email: 'sam@example.nl' }))).statusCode, 201, 'another session is fine');
        await app.inject({ method: 'POST', url: new URL(first.json().cancelUrl).pathname });
        assert.equal((await post(app, 'signup', signUp(['ten'], { email: 'sam@example.nl' }))).statusCode, 201, 'after cancelling, again');
      });

      it('two sign-ups with one address at the same moment: one place, one 409', async () => {
        const answers = await Promise.all([1, 2, 3].map(() => post(app, 'signup', signUp(['ten'], { email: 'tegelijk@example.nl' }))));
        assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [201, 409, 409]);
        assert.equal((await call(app, lezer, 'GET', '/beheer/api/forms/signup/results')).json().sessions.find((session: Json) => session.id === 'ten').remaining, 9);
      });

      it('per session: confirmed, waiting, cancelled, places left, needs and roles added up; the list with who waits where', async () => {
        await post(app, 'signup', signUp(['one'], { name: 'Eerste', role: 'ouder', needs: ['tolk'] }));
        await post(app, 'signup', signUp(['one'], { name: 'Tweede', waitlist: true, needs: ['tolk'] }));
        await post(app, 'signup', signUp(['one'], { name: 'Derde', waitlist: true }));
        const results = (await call(app, lezer, 'GET', '/beheer/api/forms/signup/results')).json();
        const one = results.sessions.find((session: Json) => session.id === 'one');
        assert.deepEqual([one.confirmed, one.waitlisted, one.cancelled, one.remaining], [1, 2, 0, 0]);
        assert.deepEqual(one.needs, [{ value: 'tolk', label: 'Tolk', count: 1 }], 'the needs of those with a place');
        assert.deepEqual(one.roles, [{ value: 'ouder', label: 'Ouder', count: 1 }]);
        assert.equal(one.deleteAt, '2099-04-01T20:00:00.000Z', '30 days after the session by default');
        const list = (await call(app, lezer, 'GET', '/beheer/api/forms/signup/sessions/one/signups')).json();
        assert.deepEqual(list.signups.map((person: Json) => [person.name, person.status, person.position]), [
          ['Eerste', 'confirmed', null],
          ['Tweede', 'waitlisted', 1],
          ['Derde', 'waitlisted', 2],
        ]);
        const { rows } = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE target = 'signup' AND action = 'signups.view'");
        assert.equal(rows.length, 1);
      });

      it('moves someone from the waiting list by hand when there is a place; 409 when there is none or they no longer wait', async () => {
        await post(app, 'signup', signUp(['one'], { name: 'Eerste' }));
        await post(app, 'signup', signUp(['one'], { name: 'Tweede', waitlist: true }));
        await post(app, 'signup', signUp(['one'], { name: 'Derde', waitlist: true }));
        const list = (await call(app, lezer, 'GET', '/beheer/api/forms/signup/sessions/one/signups')).json();
        const derde = list.signups.find((person: Json) => person.name === 'Derde').id;
        const full = await call(app, redacteur, 'POST', '/beheer/api/forms/signup/sessions/one/promote', { signupId: derde });
        assert.equal(full.statusCode, 409);
        assert.equal(full.json().errors[0].code, 'session-full');
        assert.match(full.json().errors[0].message, /meer plaatsen/);
        assert.equal((await call(app, lezer, 'POST', '/beheer/api/forms/signup/sessions/one/promote', { signupId: derde })).statusCode, 403);
        // The organiser makes room: two places instead of one. Publishing moves the first in line up
        // by itself (#14's session changes), so no place stays free for a move by hand.
        const current = (await call(app, redacteur, 'GET', '/beheer/api/forms/signup')).json().form;
        const more = { ...current.definition, sessions: current.definition.sessions.map((session: Json) => (session.id === 'one' ? { ...session, capacity: 2 } : session)) };
        const saved = await call(app, redacteur, 'PUT', '/beheer/api/forms/signup', { baseVersion: current.version, definition: more });
        await call(app, redacteur, 'POST', '/beheer/api/forms/signup/publish', { version: saved.json().form.version });
        const after = (await call(app, lezer, 'GET', '/beheer/api/forms/signup/sessions/one/signups')).json();
        assert.deepEqual(after.signups.map((person: Json) => [person.name, person.status, person.position]), [
          ['Eerste', 'confirmed', null],
          ['Tweede', 'confirmed', null],
          ['Derde', 'waitlisted', 1],
        ]);
        const still = await call(app, redacteur, 'POST', '/beheer/api/forms/signup/sessions/one/promote', { signupId: derde });
        assert.equal(still.json().errors[0].code, 'session-full');
        const tweede = after.signups.find((person: Json) => person.name === 'Tweede').id;
        const twice = await call(app, redacteur, 'POST', '/beheer/api/forms/signup/sessions/one/promote', { signupId: tweede });
        assert.equal(twice.json().errors[0].code, 'not-waitlisted');
        // Back to one place, for the tests after this one.
        await resetData(db);
        const now = (await call(app, redacteur, 'GET', '/beheer/api/forms/signup')).json().form;
        const back = await call(app, redacteur, 'PUT', '/beheer/api/forms/signup', { baseVersion: now.version, definition: current.definition });
        await call(app, redacteur, 'POST', '/beheer/api/forms/signup/publish', { version: back.json().form.version });
      });

      it('marks who came, only after the session began and only for those with a place', async () => {
        await post(app, 'signup', signUp(['ten'], { name: 'Komt' }));
        const id = (await call(app, lezer, 'GET', '/beheer/api/forms/signup/sessions/ten/signups')).json().signups[0].id;
        const early = await call(app, redacteur, 'PUT', '/beheer/api/forms/signup/sessions/ten/attendance', { attended: { [id]: true } });
        assert.equal(early.statusCode, 409);
        assert.equal(early.json().errors[0].code, 'session-not-started');
        // A session that has begun: the test form's session 'past', with a sign-up written as it was then.
        const past = randomUUID();
        await db.query("INSERT INTO submissions (id, form_id, type, body_hash, answer_status) VALUES ($1, 'signup', 'meedenksessie', 'x', 201)", [past]);
        await db.query("INSERT INTO signups (submission_id, form_id, name, email, cancel_token) VALUES ($1, 'signup', 'Was er', 'was@example.nl', $2)", [past, randomUUID()]);
        await db.query("INSERT INTO signup_sessions (submission_id, form_id, session_id, status) VALUES ($1, 'signup', 'past', 'confirmed')", [past]);
        const marked = await call(app, redacteur, 'PUT', '/beheer/api/forms/signup/sessions/past/attendance', { attended: { [past]: true } });
        assert.equal(marked.statusCode, 200, marked.body);
        assert.equal(marked.json().signups[0].attended, true);
        assert.equal(marked.json().session.attended, 1);
        const bad = await call(app, redacteur, 'PUT', '/beheer/api/forms/signup/sessions/past/attendance', { attended: { [past]: 'ja' } });
        assert.equal(bad.statusCode, 422);
        const csv = parseCsv((await call(app, lezer, 'GET', '/beheer/api/forms/signup/export.csv')).body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
        assert.equal(csv.find((row) => row.Naam === 'Was er')!.Aanwezig, 'Ja');
        const totals = parseCsv((await call(app, lezer, 'GET', '/beheer/api/forms/signup/export.csv?part=totalen')).body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
        assert.equal(totals.find((row) => row.Sessie === 'Voorbij')!.Aanwezig, '1');
      });

      it('a printable attendance list: who has a place, what they need, a box to tick, print CSS; in the audit log', async () => {
        await post(app, 'signup', signUp(['one'], { name: '<b>Eerste</b>', needs: ['tolk'], phone: '0612345678' }));
        await post(app, 'signup', signUp(['one'], { name: 'Wacht', waitlist: true }));
        const page = await call(app, lezer, 'GET', '/beheer/forms/signup/sessions/one/print');
        assert.equal(page.statusCode, 200);
        assert.match(page.headers['content-type'] as string, /^text\/html/);
        assert.match(page.body, /<h1>Presentielijst: Eén plaats<\/h1>/);
        assert.doesNotMatch(page.body, /<b>Eerste/, 'names are text');
        assert.match(page.body, /Eerste/);
        assert.match(page.body, /Nodig: 1× Tolk/);
        assert.match(page.body, /<h2>Wachtlijst<\/h2>\n<ol class="waiting"><li>Wacht<\/li>/);
        const css = await app.inject('/beheer/print/attendance.css');
        assert.match(css.body, /@media print/);
        assert.equal((await db.query("SELECT 1 FROM audit_log WHERE action = 'signups.print'")).rows.length, 1);
      });

      it('20 concurrent sign-ups and cancels: never more places than the session has, the waiting list moves up in order', async () => {
        // 'one' has one place and a waiting list. 20 parents at once, then ten of them cancel at once, then ten more sign up.
        const first = await Promise.all(Array.from({ length: 20 }, (_, index) => post(app, 'signup', signUp(['one'], { name: `Ouder ${index}`, waitlist: true }))));
        assert.ok(first.every((answer) => answer.statusCode === 201));
        const links = first.map((answer) => new URL(answer.json().cancelUrl).pathname);
        const mixed = await Promise.all([
          ...links.slice(0, 10).map((url) => app.inject({ method: 'POST', url })),
          ...Array.from({ length: 10 }, (_, index) => post(app, 'signup', signUp(['one'], { name: `Later ${index}`, waitlist: true }))),
        ]);
        assert.ok(mixed.every((answer) => answer.statusCode === 200 || answer.statusCode === 201), mixed.map((answer) => answer.statusCode).join());
        const list = (await call(app, lezer, 'GET', '/beheer/api/forms/signup/sessions/one/signups')).json();
        const confirmed = list.signups.filter((person: Json) => person.status === 'confirmed');
        assert.equal(confirmed.length, 1, 'one place, one parent in it');
        assert.equal(list.signups.filter((person: Json) => person.status === 'cancelled').length, 10);
        assert.equal(list.signups.filter((person: Json) => person.status === 'waitlisted').length, 19);
        const { rows } = await db.query<{ holder: string }>("SELECT submission_id AS holder FROM places WHERE form_id = 'signup' AND session_id = 'one' AND submission_id IS NOT NULL");
        assert.deepEqual(rows.map((row) => row.holder), [confirmed[0].id], 'the one place is held by the parent the list shows in it');
        const waiting = list.signups.filter((person: Json) => person.status === 'waitlisted');
        assert.deepEqual(waiting.map((person: Json) => person.position), Array.from({ length: 19 }, (_, index) => index + 1));
        // The place went up the list in order: whoever holds it signed up before everyone still waiting.
        const queue = await db.query<{ status: string }>("SELECT status FROM signup_sessions WHERE form_id = 'signup' AND session_id = 'one' AND status <> 'cancelled' ORDER BY seq");
        assert.deepEqual(queue.rows.map((row) => row.status), ['confirmed', ...Array(19).fill('waitlisted')]);
      });
    });

    describe('stories', () => {
      async function storyId(text: string, extra: Json = {}): Promise<string> {
        const answer = await post(app, 'story', story({ story: text, ...extra }));
        assert.equal(answer.statusCode, 201, answer.body);
        const { rows } = await db.query<{ submission_id: string }>('SELECT submission_id FROM stories WHERE story = $1', [text]);
        return rows[0]!.submission_id;
      }

      const TEXT = 'Onze zoon Daan zit op De Regenboog en heeft autisme; de school luisterde pas na een jaar.';

      it('a redacted passage never appears for a lezer: not in the list, the search, the view by theme or any export; a redacteur sees what was left out', async () => {
        const id = await storyId(TEXT, { consent: 'quote-anonymous', themes: ['onderwijs'] });
        const characters = [...TEXT];
        const at = (word: string) => characters.join('').indexOf(word);
        const redactions = [
          { start: at('Daan'), end: at('Daan') + 4, kind: 'naam' },
          { start: at('De Regenboog'), end: at('De Regenboog') + 12, kind: 'school' },
          { start: at('autisme'), end: at('autisme') + 7, kind: 'diagnose' },
        ];
        assert.equal((await call(app, lezer, 'PATCH', `/beheer/api/forms/story/stories/${id}`, { redactions })).statusCode, 403);
        const saved = await call(app, redacteur, 'PATCH', `/beheer/api/forms/story/stories/${id}`, { redactions, tags: ['wachttijd'], read: true });
        assert.equal(saved.statusCode, 200, saved.body);
        assert.equal(saved.json().story.text, 'Onze zoon [naam] zit op [school] en heeft [diagnose]; de school luisterde pas na een jaar.');
        assert.equal(saved.json().story.original, TEXT, 'the redacteur still sees the story as written');

        const secret = /Daan|Regenboog|autisme/;
        const views = [
          await call(app, lezer, 'GET', '/beheer/api/forms/story/stories'),
          await call(app, lezer, 'GET', '/beheer/api/forms/story/stories/themes'),
          await call(app, lezer, 'GET', '/beheer/api/forms/story/results'),
          await call(app, lezer, 'GET', '/beheer/api/forms/story/export.csv'),
          await call(app, lezer, 'GET', '/beheer/api/forms/story/export.csv?part=totalen'),
          await call(app, redacteur, 'GET', '/beheer/api/forms/story/export.csv'),
          await app.inject({ url: '/api/export/story', headers: { authorization: 'Bearer geheim-token' } }),
        ];
        for (const view of views) assert.doesNotMatch(view.body, secret, view.body.slice(0, 200));
        const xlsx = await workbookOf((await call(app, lezer, 'GET', '/beheer/api/forms/story/export.xlsx')).rawPayload);
        assert.doesNotMatch(JSON.stringify(xlsx.worksheets.map(rowsOf)), secret);
        assert.equal(rowsOf(xlsx.getWorksheet('Verhalen')!)[1]![12], 'Onze zoon [naam] zit op [school] en heeft [diagnose]; de school luisterde pas na een jaar.');
        const guessed = (await call(app, lezer, 'GET', '/beheer/api/forms/story/stories?q=Daan')).json();
        assert.equal(guessed.stories.length, 0, 'a lezer cannot find a left-out name by searching for it');
        const moderator = (await call(app, redacteur, 'GET', '/beheer/api/forms/story/stories?q=Daan')).json();
        assert.equal(moderator.stories.length, 1);
        assert.equal(moderator.stories[0].redactions.length, 3);
        const byTheme = (await call(app, lezer, 'GET', '/beheer/api/forms/story/stories/themes')).json().themes;
        assert.deepEqual(byTheme.map((group: Json) => [group.label, group.count]), [['Onderwijs', 1], ['wachttijd', 1], ['Zorg', 0]]);
      });

      it('redactions are checked: inside the story, not overlapping, a known kind', async () => {
        const id = await storyId('Een verhaal van precies genoeg tekens.');
        for (const redactions of [[{ start: 0, end: 999, kind: 'naam' }], [{ start: 0, end: 5, kind: 'naam' }, { start: 3, end: 8, kind: 'naam' }], [{ start: 0, end: 3, kind: 'telefoon' }]]) {
          const refused = await call(app, redacteur, 'PATCH', `/beheer/api/forms/story/stories/${id}`, { redactions });
          assert.equal(refused.statusCode, 422, JSON.stringify(redactions));
          assert.equal(refused.json().errors[0].field, 'redactions');
        }
        assert.equal(redact('Jan 🙂 en Piet', [{ start: 6, end: 8, kind: 'anders' }]), 'Jan 🙂 [weggelaten] Piet', 'counted in characters, an emoji once');
      });

      it('a withdrawn story is gone from every view and export', async () => {
        const id = await storyId('Dit verhaal trek ik later weer in, helaas.', { consent: 'quote-anonymous' });
        await call(app, redacteur, 'PATCH', `/beheer/api/forms/story/stories/${id}`, { tags: ['zorg'], read: true });
        const code = (await db.query<{ withdraw_code: string }>('SELECT withdraw_code FROM stories WHERE submission_id = $1', [id])).rows[0]!.withdraw_code;
        assert.equal((await app.inject({ method: 'POST', url: '/api/withdraw', payload: { code } })).statusCode, 200);
        const views = [
          await call(app, redacteur, 'GET', '/beheer/api/forms/story/stories'),
          await call(app, lezer, 'GET', '/beheer/api/forms/story/stories/themes'),
          await call(app, lezer, 'GET', '/beheer/api/forms/story/export.csv'),
          await app.inject({ url: '/api/export/story', headers: { authorization: 'Bearer geheim-token' } }),
        ];
        for (const view of views) assert.doesNotMatch(view.body, /trek ik later/);
        assert.equal((await call(app, lezer, 'GET', '/beheer/api/forms/story/results')).json().total, 0);
        assert.equal(await count(db, 'story_moderation'), 0, 'its moderation went with it');
        assert.equal((await call(app, redacteur, 'PATCH', `/beheer/api/forms/story/stories/${id}`, { read: true })).statusCode, 404);
      });

      it('per consent level where stories may be used, never beyond what the parent agreed to', async () => {
        await storyId('Alleen voor intern gebruik bedoeld, dit.', { consent: 'internal' });
        await storyId('Dit mag je anoniem citeren in een verslag.', { consent: 'quote-anonymous' });
        const before = (await call(app, lezer, 'GET', '/beheer/api/forms/story/stories')).json();
        assert.deepEqual(before.uses, { internal: ['analyse'], 'quote-anonymous': ['analyse', 'rapport', 'publicatie'] });
        const beyond = await call(app, redacteur, 'PUT', '/beheer/api/forms/story/story-uses', { uses: { internal: ['analyse', 'publicatie'] } });
        assert.equal(beyond.statusCode, 422);
        assert.equal(beyond.json().errors[0].code, 'beyond-consent');
        const narrower = await call(app, redacteur, 'PUT', '/beheer/api/forms/story/story-uses', { uses: { 'quote-anonymous': ['analyse', 'rapport'] } });
        assert.deepEqual(narrower.json().uses['quote-anonymous'], ['analyse', 'rapport']);
        const publishable = (await call(app, lezer, 'GET', '/beheer/api/forms/story/stories?use=publicatie')).json();
        assert.equal(publishable.stories.length, 0);
        const quotable = (await call(app, lezer, 'GET', '/beheer/api/forms/story/stories?use=rapport')).json();
        assert.deepEqual(quotable.stories.map((item: Json) => item.consent.value), ['quote-anonymous']);
        const csv = parseCsv((await call(app, lezer, 'GET', '/beheer/api/forms/story/export.csv')).body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
        assert.match(csv.find((row) => row.Toestemming === 'Citeren')!['Mag gebruikt worden voor'], /anoniem citeren in een verslag/);
      });
    });

    describe('retention the parent can see', () => {
      it('sign-ups go a set number of days after their last session (default 30, per form); votes and stories by their age', async () => {
        const form = (await call(app, redacteur, 'GET', '/beheer/api/forms/signup')).json().form;
        await post(app, 'signup', signUp(['one', 'ten'], { name: 'Twee sessies' }));
        await post(app, 'signup', signUp(['open'], { name: 'Juli' }));
        const list = (await call(app, lezer, 'GET', '/beheer/api/forms/signup/sessions/one/signups')).json();
        assert.equal(list.signups[0].deleteAt, '2099-04-01T20:00:00.000Z', 'the later of its two sessions, plus 30 days');
        assert.equal(await deleteExpired(db, testContent().config, new Date('2099-04-01T19:59:00Z')), 0);
        assert.equal(await deleteExpired(db, testContent().config, new Date('2099-04-01T20:00:00Z')), 1);
        assert.deepEqual((await db.query<{ name: string }>('SELECT name FROM signups')).rows.map((row) => row.name), ['Juli']);
        assert.equal((await nextDeletion(db, testContent().config, new Date('2099-04-02T00:00:00Z')))?.toISOString(), '2099-08-02T19:00:00.000Z');
        // A form of its own: 0 days, right after the session.
        const saved = await call(app, redacteur, 'PUT', '/beheer/api/forms/signup', { baseVersion: form.version, definition: form.definition, retentionDays: 0 });
        assert.equal(saved.statusCode, 200, saved.body);
        assert.equal((await call(app, lezer, 'GET', '/beheer/api/forms/signup/sessions/open/signups')).json().signups[0].deleteAt, '2099-07-03T19:00:00.000Z');
        const poll = (await call(app, redacteur, 'GET', '/beheer/api/forms/poll')).json().form;
        assert.equal((await call(app, redacteur, 'PUT', '/beheer/api/forms/poll', { baseVersion: poll.version, definition: poll.definition, retentionDays: 0 })).statusCode, 422, 'a poll keeps its votes a day at least');
        await call(app, redacteur, 'PUT', '/beheer/api/forms/signup', { baseVersion: form.version, definition: form.definition, retentionDays: null });
      });

      it('the console shows per story when it is deleted', async () => {
        await post(app, 'story', story());
        const listed = (await call(app, lezer, 'GET', '/beheer/api/forms/story/stories')).json().stories[0];
        assert.equal(Date.parse(listed.deleteAt) - Date.parse(listed.receivedAt), 5 * 86_400_000, "the story form's own 5 days");
      });
    });

    describe('terugkoppeling', () => {
      const outcome = { status: 'besloten', date: '2027-04-15', texts: { nl: 'We starten een ouderavond per kwartaal.' }, url: 'https://www.voorbeeldstad.nl/verslag' };

      it('written in every language of the form, published, shown to parents with the results the poll allows, mailed once to who asked', async () => {
        for (let index = 0; index < 12; index++) await post(app, 'beleid', ballot(index));
        const subscriber = submission('peiling', 'beleid', { answers: { contact: 'ja-vaak' }, voterToken: randomUUID() });
        assert.equal((await post(app, 'beleid', { ...subscriber, outcomeEmail: 'x@example.nl' })).statusCode, 422, 'this poll offers no outcome mail');
        assert.equal((await call(app, lezer, 'PUT', '/beheer/api/forms/beleid/outcome', outcome)).statusCode, 403);
        const draft = await call(app, redacteur, 'PUT', '/beheer/api/forms/beleid/outcome', outcome);
        assert.equal(draft.statusCode, 200, draft.body);
        assert.deepEqual(draft.json().outcome.languages, ['nl', 'en']);
        assert.equal((await app.inject('/api/outcomes/test')).json().outcomes.length, 0, 'a draft is not public');
        const incomplete = await call(app, redacteur, 'POST', '/beheer/api/forms/beleid/outcome/publish', {});
        assert.equal(incomplete.statusCode, 422);
        assert.deepEqual(incomplete.json().errors.map((error: Json) => error.field), ['texts.en']);
        assert.match(incomplete.json().errors[0].message, /ook in het Engels/);
        await call(app, redacteur, 'PUT', '/beheer/api/forms/beleid/outcome', { ...outcome, texts: { ...outcome.texts, en: 'We start a parents’ evening every quarter.' } });
        const published = await call(app, redacteur, 'POST', '/beheer/api/forms/beleid/outcome/publish', {});
        assert.equal(published.statusCode, 200, published.body);
        assert.equal(published.json().outcome.published.status, 'besloten');

        const document = (await app.inject('/api/outcomes/test?form=beleid')).json();
        assert.equal(document.type, 'terugkoppeling');
        assert.equal(document.organisation.name, 'Testgemeente');
        const [shown] = document.outcomes;
        assert.deepEqual(shown.text, { nl: 'We starten een ouderavond per kwartaal.', en: 'We start a parents’ evening every quarter.' });
        assert.deepEqual([shown.status, shown.date, shown.url], ['besloten', '2027-04-15', 'https://www.voorbeeldstad.nl/verslag']);
        assert.deepEqual(shown.results.questions.map((question: Json) => question.id), ['contact', 'cijfer']);
        assert.equal(shown.results.omitted, 2, 'two questions had too few answers to publish');
        assert.deepEqual(shown.results.questions[0].options.map((option: Json) => [option.count, option.share]), [[8, 67], [4, 33]]);
        assert.equal(shown.results.questions[1].options.reduce((sum: number, option: Json) => sum + option.share, 0), 100);
        assert.equal((await app.inject('/api/outcomes/bestaat-niet')).statusCode, 404);
        assert.equal((await app.inject({ url: '/api/outcomes/test', headers: { origin: 'https://evil.example' } })).statusCode, 403);
        assert.equal((await app.inject({ url: '/api/outcomes/test', headers: { origin: 'https://www.voorbeeldstad.nl' } })).headers['access-control-allow-origin'], 'https://www.voorbeeldstad.nl');
        assert.equal(document.outcomes[0].results.total, 12);
      });

      it('a hidden poll publishes no results with its outcome; a closed poll and the hosted page show the same outcome', async () => {
        await call(app, redacteur, 'PUT', '/beheer/api/forms/story/outcome', { ...outcome, texts: { nl: 'We passen de folder aan.' } });
        await call(app, redacteur, 'POST', '/beheer/api/forms/story/outcome/publish', {});
        const hosted = await app.inject('/f/story');
        assert.match(hosted.body, /<ouder-terugkoppeling endpoint="\/api\/outcomes\/test" form="story" lang="nl">\n {2}<p>We passen de folder aan\.<\/p>/);
        await call(app, redacteur, 'PUT', '/beheer/api/forms/beleid/outcome', { ...outcome, texts: { nl: 'Dit is wat we doen.', en: 'This is what we do.' }, showResults: false });
        await call(app, redacteur, 'POST', '/beheer/api/forms/beleid/outcome/publish', {});
        assert.equal((await app.inject('/api/outcomes/test?form=beleid')).json().outcomes[0].results, undefined);
        await call(app, redacteur, 'POST', '/beheer/api/forms/beleid/state', { state: 'gesloten' });
        const closed = (await app.inject('/api/forms/beleid')).json();
        assert.deepEqual(closed.outcome, { status: 'besloten', date: '2027-04-15', text: { nl: 'Dit is wat we doen.', en: 'This is what we do.' }, url: outcome.url });
        assert.doesNotMatch((await app.inject('/f/beleid')).body, /<ouder-terugkoppeling/, 'the closed poll shows it itself');
        await call(app, redacteur, 'POST', '/beheer/api/forms/beleid/state', { state: 'gepubliceerd' });
      });

      it('publishing queues one message for every parent who asked (sendOutcome), with the hosted page as the link', async () => {
        const mailing = await makeApp(db, { mail: { server: { smtpUrl: 'smtp://127.0.0.1:9', from: 'Ouderstem <noreply@ouderstem.test>' }, nudge() {} } });
        try {
          const cookie = await login(mailing, (await makeUser(db, 'test', 'redacteur')).email);
          await post(mailing, 'story', { ...story(), outcomeEmail: 'benieuwd@example.nl' });
          await post(mailing, 'story', { ...story(), outcomeEmail: 'ook@example.nl', lang: 'en' });
          await call(mailing, cookie, 'PUT', '/beheer/api/forms/story/outcome', { ...outcome, url: undefined, texts: { nl: 'We passen de folder aan.' } });
          const view = (await call(mailing, cookie, 'GET', '/beheer/api/forms/story/outcome')).json().outcome;
          assert.equal(view.subscribers, 2);
          assert.match(view.snippet, /<ouder-terugkoppeling endpoint="http:\/\/localhost(:80)?\/api\/outcomes\/test" form="story">/);
          const published = (await call(mailing, cookie, 'POST', '/beheer/api/forms/story/outcome/publish', {})).json();
          assert.equal(published.mailed, 2);
          const { rows } = await db.query<{ lang: string; detail: Json }>("SELECT lang, detail FROM mail_outbox WHERE kind = 'outcome' ORDER BY lang");
          assert.deepEqual(rows.map((row) => [row.lang, new URL(row.detail.url).pathname]), [['en', '/f/story'], ['nl', '/f/story']]);
          assert.equal((await call(mailing, cookie, 'POST', '/beheer/api/forms/story/outcome/publish', {})).json().mailed, 0, 'each address once');
        } finally {
          await mailing.close();
        }
      });
    });
  });
}
