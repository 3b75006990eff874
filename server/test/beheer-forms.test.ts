import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { Database } from '../src/db.js';
import type { AuthoredDefinition } from '../src/content.js';
import { importContent } from '../src/import.js';
import { call, login, makeUser } from './console-helpers.js';
import { backends, makeApp, post, resetData, signUp, story, submission, testContent, TEST_ORGANISATION, vote } from './helpers.js';

type Json = Record<string, any>;

// jsqr is CommonJS: under NodeNext its function is the module object (or its `default`).
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

const poll = (changes: Json = {}): Json => ({
  type: 'peiling',
  id: 'ouderavond',
  title: { nl: 'Ouderavond', en: 'Parents evening' },
  results: 'after-vote',
  integrity: 'open',
  minResponses: 0,
  questions: [
    { id: 'wanneer', type: 'single', required: true, label: { nl: 'Wanneer?', en: 'When?' }, options: [{ value: 'ochtend', label: 'Ochtend' }, { value: 'avond', label: 'Avond' }] },
    { id: 'wat', type: 'open', label: 'Wat wil je bespreken?' },
  ],
  ...changes,
});

const answer = (answers: Json) => submission('peiling', 'ouderavond', { answers, voterToken: crypto.randomUUID() });

for (const backend of backends) {
  describe(`console forms on ${backend.name}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let cookie: string;
    let lezer: string;

    before(async () => {
      db = await backend.open();
      app = await makeApp(db);
      cookie = await login(app, (await makeUser(db, 'test', 'redacteur')).email);
      lezer = await login(app, (await makeUser(db, 'test', 'lezer')).email);
    });
    after(async () => {
      await app.close();
      await db.close();
    });
    beforeEach(async () => {
      await resetData(db);
      await db.query("DELETE FROM forms WHERE id = 'ouderavond'");
      await db.query("UPDATE organisations SET allowed_origins = '{}' WHERE id = 'test'");
    });

    const create = async (definition = poll()) => {
      const response = await call(app, cookie, 'POST', '/beheer/api/forms', { type: definition.type, definition });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().form as Json;
    };
    const save = (definition: Json, baseVersion: number, extra: Json = {}) => call(app, cookie, 'PUT', `/beheer/api/forms/${definition.id}`, { baseVersion, definition, ...extra });
    const publish = (id: string, version: number) => call(app, cookie, 'POST', `/beheer/api/forms/${id}/publish`, { version });
    const setState = (id: string, state: string) => call(app, cookie, 'POST', `/beheer/api/forms/${id}/state`, { state });

    describe('states and versions', () => {
      it('a new form is a concept: parents get 404 until a version is published; saving never publishes', async () => {
        const form = await create();
        assert.deepEqual([form.state, form.version, form.publishedVersion, form.responses], ['concept', 1, null, 0]);
        assert.equal(form.versions[0].createdBy.email.startsWith('redacteur'), true);
        assert.equal((await app.inject('/api/forms/ouderavond')).statusCode, 404);
        assert.equal((await post(app, 'ouderavond', answer({ wanneer: 'avond' }))).statusCode, 404);
        const saved = await save(poll({ title: 'Ouderavond 2027' }), 1);
        assert.equal(saved.statusCode, 200, saved.body);
        assert.deepEqual([saved.json().form.state, saved.json().form.version], ['concept', 2]);
        assert.equal((await app.inject('/api/forms/ouderavond')).statusCode, 404, 'saving did not publish');
        const published = await publish('ouderavond', 2);
        assert.deepEqual([published.json().form.state, published.json().form.publishedVersion], ['gepubliceerd', 2]);
        assert.equal((await app.inject('/api/forms/ouderavond')).json().title, 'Ouderavond 2027');
        await save(poll({ title: 'Ouderavond, nieuwe titel' }), 2);
        assert.equal((await app.inject('/api/forms/ouderavond')).json().title, 'Ouderavond 2027', 'parents keep the published version');
        const list = (await call(app, lezer, 'GET', '/beheer/api/forms')).json().forms as Json[];
        const summary = list.find((item) => item.id === 'ouderavond')!;
        assert.deepEqual([summary.version, summary.publishedVersion, summary.title], [3, 2, 'Ouderavond, nieuwe titel']);
        assert.ok(list.some((item) => item.id === 'poll'), 'imported forms are listed too');
      });

      it('every stored answer says which version it answered', async () => {
        await create();
        await publish('ouderavond', 1);
        assert.equal((await post(app, 'ouderavond', answer({ wanneer: 'ochtend' }))).statusCode, 201);
        await save(poll({ title: 'Tweede versie' }), 1);
        await publish('ouderavond', 2);
        assert.equal((await post(app, 'ouderavond', answer({ wanneer: 'avond' }))).statusCode, 201);
        const { rows } = await db.query<{ form_version: number; value: string }>(
          "SELECT s.form_version, v.answers->>'wanneer' AS value FROM submissions s JOIN votes v ON v.submission_id = s.id WHERE s.form_id = 'ouderavond' ORDER BY s.form_version",
        );
        assert.deepEqual(rows, [{ form_version: 1, value: 'ochtend' }, { form_version: 2, value: 'avond' }]);
        const imported = await db.query<{ form_version: number }>("SELECT DISTINCT form_version FROM submissions WHERE form_id = 'poll'");
        assert.ok(imported.rows.every((row) => row.form_version !== null));
      });

      it('a save on an old version is 409 version-conflict; nothing is lost', async () => {
        await create();
        assert.equal((await save(poll({ title: 'Van Anna' }), 1)).statusCode, 200);
        const late = await save(poll({ title: 'Van Bram' }), 1);
        assert.equal(late.statusCode, 409);
        assert.equal(late.json().errors[0].code, 'version-conflict');
        assert.match(late.json().errors[0].message, /versie 2/);
        const form = (await call(app, lezer, 'GET', '/beheer/api/forms/ouderavond')).json().form;
        assert.equal(form.definition.title, 'Van Anna');
        assert.equal(form.versions.length, 2);
      });

      it('settings alone (origins, retention) change without a new version', async () => {
        await create();
        const saved = await save(poll(), 1, { allowedOrigins: ['https://school.example/ouders'], retentionDays: 90 });
        assert.equal(saved.statusCode, 200, saved.body);
        const form = saved.json().form;
        assert.deepEqual([form.version, form.allowedOrigins, form.retentionDays], [1, ['https://school.example'], 90]);
      });

      it('closing, reopening and archiving, as parents see it', async () => {
        await create();
        assert.equal((await setState('ouderavond', 'gesloten')).json().errors[0].code, 'not-published');
        await publish('ouderavond', 1);
        assert.equal((await setState('ouderavond', 'gesloten')).statusCode, 200);
        const closed = (await app.inject('/api/forms/ouderavond')).json();
        assert.ok(Date.parse(closed.closesAt) <= Date.now(), 'a closed poll says so by its closing moment');
        const refused = await post(app, 'ouderavond', answer({ wanneer: 'avond' }));
        assert.equal(refused.statusCode, 409);
        assert.equal(refused.json().errors[0].code, 'poll-closed');
        assert.equal((await setState('ouderavond', 'gepubliceerd')).statusCode, 200);
        assert.equal((await app.inject('/api/forms/ouderavond')).json().closesAt, undefined);
        assert.equal((await post(app, 'ouderavond', answer({ wanneer: 'avond' }))).statusCode, 201);
        assert.equal((await setState('ouderavond', 'gearchiveerd')).statusCode, 200);
        assert.equal((await app.inject('/api/forms/ouderavond')).statusCode, 404);
        assert.equal((await app.inject('/f/ouderavond')).statusCode, 404);
        assert.equal((await setState('ouderavond', 'concept')).statusCode, 422);
      });

      it('a closed sign-up takes no sign-ups; a closed story form says it is closed', async () => {
        assert.equal((await setState('signup', 'gesloten')).statusCode, 200);
        const sessions = (await app.inject('/api/forms/signup')).json().sessions as Json[];
        assert.ok(sessions.every((session) => Date.parse(session.deadline) <= Date.now()));
        assert.equal((await post(app, 'signup', signUp(['ten']))).json().errors[0].code, 'deadline-passed');
        assert.equal((await setState('story', 'gesloten')).statusCode, 200);
        const get = await app.inject('/api/forms/story');
        assert.equal(get.statusCode, 410);
        assert.equal(get.json().errors[0].code, 'form-closed');
        const sent = await post(app, 'story', story());
        assert.equal(sent.statusCode, 409);
        assert.equal(sent.json().errors[0].code, 'form-closed');
        for (const id of ['signup', 'story']) await setState(id, 'gepubliceerd');
      });
    });

    describe('checks', () => {
      it('schema problems are 422 in plain Dutch at a JSON Pointer, never a path in the message', async () => {
        const broken = poll({
          questions: [
            { id: 'wanneer', type: 'single', label: '', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'Nog een A' }] },
            { id: 'wanneer', type: 'scale', label: 'Schaal', min: 5, max: 1 },
          ],
        });
        const response = await call(app, cookie, 'POST', '/beheer/api/forms', { type: 'peiling', definition: broken });
        assert.equal(response.statusCode, 422);
        const errors = response.json().errors as Json[];
        assert.deepEqual(errors.map((error) => error.field), ['/questions/0/label']);
        assert.match(errors[0]!.message, /Vul/);
        const fixed = poll({ questions: [{ ...broken.questions[0], label: 'Wanneer?' }, broken.questions[1]] });
        const semantic = (await call(app, cookie, 'POST', '/beheer/api/forms', { type: 'peiling', definition: fixed })).json().errors as Json[];
        assert.deepEqual(semantic.map((error) => error.field), ['/questions/1/id', '/questions/0/options/1/value', '/questions/1/max']);
        for (const error of [...errors, ...semantic]) assert.doesNotMatch(error.message, /\/questions|must|should/);
      });

      it('a closing moment in the past is refused; an empty English text is left out, an empty Dutch one is not', async () => {
        const past = await call(app, cookie, 'POST', '/beheer/api/forms', { type: 'peiling', definition: poll({ closesAt: '2020-01-01T12:00:00+01:00' }) });
        assert.deepEqual(past.json().errors.map((error: Json) => [error.field, error.code]), [['/closesAt', 'in-the-past']]);
        const form = await create(poll({ title: { nl: 'Ouderavond', en: '  ' } }));
        assert.deepEqual(form.definition.title, { nl: 'Ouderavond' });
        const noDutch = await save(poll({ title: { nl: '', en: 'Parents evening' } }), 1);
        assert.deepEqual(noDutch.json().errors.map((error: Json) => error.field), ['/title/nl']);
      });

      it('ids are unique on the server (409), and neither id nor type can change', async () => {
        await create();
        const again = await call(app, cookie, 'POST', '/beheer/api/forms', { type: 'peiling', definition: poll() });
        assert.equal(again.statusCode, 409);
        assert.equal(again.json().errors[0].code, 'id-taken');
        const taken = await call(app, cookie, 'POST', '/beheer/api/forms', { type: 'peiling', definition: poll({ id: 'poll' }) });
        assert.equal(taken.json().errors[0].code, 'id-taken', 'also an imported form');
        const renamed = await call(app, cookie, 'PUT', '/beheer/api/forms/ouderavond', { baseVersion: 1, definition: poll({ id: 'anders' }) });
        assert.deepEqual(renamed.json().errors.map((error: Json) => [error.field, error.code]), [['/id', 'id-changed']]);
        const retyped = await call(app, cookie, 'PUT', '/beheer/api/forms/ouderavond', { baseVersion: 1, definition: { type: 'ervaring', id: 'ouderavond', title: 'Verhaal', themes: [{ value: 'a', label: 'A' }] } });
        assert.deepEqual(retyped.json().errors.map((error: Json) => [error.field, error.code]), [['/type', 'type-changed']]);
      });
    });

    describe('changes that would make answers unreadable', () => {
      it('are refused with 409 breaking-change, naming what and why; harmless changes pass', async () => {
        await create();
        await publish('ouderavond', 1);
        await post(app, 'ouderavond', answer({ wanneer: 'ochtend', wat: 'De planning' }));
        const noMorning = await save(poll({ questions: [{ ...poll().questions[0], options: [{ value: 'avond', label: 'Avond' }] }, poll().questions[1]] }), 1);
        assert.equal(noMorning.statusCode, 409);
        assert.deepEqual(noMorning.json().errors.map((error: Json) => [error.code, error.field]), [['breaking-change', '/questions/0/options']]);
        assert.match(noMorning.json().errors[0].message, /"Ochtend".*"Wanneer\?".*1 stem\b/);
        const retyped = await save(poll({ questions: [poll().questions[0], { id: 'wat', type: 'scale', label: 'Wat?' }] }), 1);
        assert.deepEqual(retyped.json().errors.map((error: Json) => error.field), ['/questions/1/type']);
        assert.match(retyped.json().errors[0].message, /open vraag/);
        const removed = await save(poll({ questions: [poll().questions[0]] }), 1);
        assert.deepEqual(removed.json().errors.map((error: Json) => error.field), ['/questions']);
        const added = poll({ questions: [{ ...poll().questions[0], options: [...poll().questions[0].options, { value: 'middag', label: 'Middag' }] }, poll().questions[1]] });
        assert.equal((await save(added, 1)).statusCode, 200, 'a new option hurts nobody');
        assert.equal((await call(app, lezer, 'GET', '/beheer/api/forms/ouderavond')).json().form.versions.length, 2);
      });

      it('are checked again at publishing: answers may have come in on the published version meanwhile', async () => {
        await create();
        await publish('ouderavond', 1);
        const withoutEvening = poll({ questions: [{ ...poll().questions[0], options: [{ value: 'ochtend', label: 'Ochtend' }] }, poll().questions[1]] });
        assert.equal((await save(withoutEvening, 1)).statusCode, 200, 'nobody chose the evening yet');
        await post(app, 'ouderavond', answer({ wanneer: 'avond' }));
        const response = await publish('ouderavond', 2);
        assert.equal(response.statusCode, 409);
        assert.match(response.json().errors[0].message, /"Avond"/);
        assert.equal((await app.inject('/api/forms/ouderavond')).json().questions[0].options.length, 2, 'version 1 stays live');
      });

      it('a session with sign-ups cannot go, nor get fewer places than are taken; a used theme or consent cannot go', async () => {
        await post(app, 'signup', signUp(['ten']));
        await post(app, 'signup', signUp(['ten']));
        const current = (await call(app, lezer, 'GET', '/beheer/api/forms/signup')).json().form;
        const sessions = current.definition.sessions as Json[];
        const without = await save({ ...current.definition, sessions: sessions.filter((session) => session.id !== 'ten') }, current.version);
        assert.equal(without.statusCode, 409);
        assert.match(without.json().errors[0].message, /"ten".*2 aanmeldingen/);
        const smaller = await save({ ...current.definition, sessions: sessions.map((session) => (session.id === 'ten' ? { ...session, capacity: 1 } : session)) }, current.version);
        assert.deepEqual(smaller.json().errors.map((error: Json) => error.field), ['/sessions/0/capacity']);
        assert.equal((await save({ ...current.definition, sessions: sessions.filter((session) => session.id !== 'open') }, current.version)).statusCode, 200, 'a session nobody chose may go');

        await post(app, 'story', story({ themes: ['zorg'], consent: 'quote-anonymous' }));
        const tale = (await call(app, lezer, 'GET', '/beheer/api/forms/story')).json().form;
        const changed = await save(
          { ...tale.definition, themes: [{ value: 'onderwijs', label: 'Onderwijs' }], consentOptions: [{ value: 'internal', label: 'Intern' }] },
          tale.version,
        );
        assert.deepEqual(changed.json().errors.map((error: Json) => error.field), ['/themes', '/consentOptions']);
      });
    });

    describe('import of a content folder', () => {
      it('is idempotent; a changed file is a new published version; what the console changed since is kept', async () => {
        const content = testContent();
        assert.deepEqual((await importContent(db, content, TEST_ORGANISATION)).unchanged.length, content.forms.size);
        const form = (await call(app, lezer, 'GET', '/beheer/api/forms/poll')).json().form;
        // The console makes a draft; an unchanged file does not undo it.
        await save({ ...form.definition, title: 'Titel uit de beheeromgeving' }, form.version);
        assert.deepEqual((await importContent(db, testContent(), TEST_ORGANISATION)).unchanged.length, content.forms.size);
        const draft = (await call(app, lezer, 'GET', '/beheer/api/forms/poll')).json().form;
        assert.equal(draft.definition.title, 'Titel uit de beheeromgeving');
        // A file that changed becomes the next version and is published.
        const changed = testContent();
        changed.forms.set('poll', { ...changed.forms.get('poll')!, title: 'Titel uit het bestand' });
        assert.deepEqual((await importContent(db, changed, TEST_ORGANISATION)).updated, ['poll']);
        const after = (await call(app, lezer, 'GET', '/beheer/api/forms/poll')).json().form;
        assert.deepEqual([after.version, after.publishedVersion], [draft.version + 1, draft.version + 1]);
        assert.equal((await app.inject('/api/forms/poll')).json().title, 'Titel uit het bestand');
      });

      it('refuses a file that would make answers unreadable, and a form of another organisation', async () => {
        await post(app, 'poll', vote({ q1: 'b' }));
        const changed = testContent();
        const file = changed.forms.get('poll')! as AuthoredDefinition & { questions: Json[] };
        changed.forms.set('poll', { ...file, questions: [{ ...file.questions[0], options: [file.questions[0].options[0]] }, ...file.questions.slice(1)] });
        const report = await importContent(db, changed, TEST_ORGANISATION);
        assert.deepEqual(report.refused.map((item) => item.id), ['poll']);
        assert.match(report.refused[0]!.problems[0]!, /"B".*1 stem/);
        const elsewhere = await importContent(db, testContent(), { id: 'elders' });
        assert.equal(elsewhere.refused.length, testContent().forms.size);
        assert.match(elsewhere.refused[0]!.problems[0]!, /andere organisatie/);
      });
    });

    describe('allowed origins', () => {
      it('an organisation\'s and a form\'s origins count at once for parents; the console checks an address', async () => {
        const site = 'https://www.gemeente-elders.nl';
        const get = () => app.inject({ url: '/api/forms/poll', headers: { origin: site } });
        assert.equal((await get()).statusCode, 403);
        const check = (url: string, formId?: string) => call(app, lezer, 'POST', '/beheer/api/origin-check', { url, formId });
        assert.deepEqual((await check(`${site}/ouders/peiling?x=1`, 'poll')).json(), { origin: site, allowed: false, via: null });
        const beheerder = await login(app, (await makeUser(db, 'test', 'beheerder')).email);
        const patched = await call(app, beheerder, 'PATCH', '/beheer/api/organisation', { allowedOrigins: [`${site}/ouders`, 'WWW.School.example'] });
        assert.deepEqual(patched.json().organisation.allowedOrigins, [site, 'https://www.school.example']);
        assert.equal((await get()).statusCode, 200, 'no restart');
        assert.equal((await get()).headers['access-control-allow-origin'], site);
        assert.deepEqual((await check('www.gemeente-elders.nl', 'poll')).json(), { origin: site, allowed: true, via: 'organisation' });
        assert.deepEqual((await check('https://school.example')).json(), { origin: 'https://school.example', allowed: false, via: null });
        assert.deepEqual((await check('https://school.example', 'poll')).json().via, 'form', 'the poll file allows it');
        assert.deepEqual((await check('https://www.voorbeeldstad.nl', 'poll')).json().via, 'server', 'config.json');
        const bad = await call(app, beheerder, 'PATCH', '/beheer/api/organisation', { allowedOrigins: ['ftp://x.nl', 'niet een adres', 'https://ok.nl'] });
        assert.equal(bad.statusCode, 422);
        assert.deepEqual(bad.json().errors.map((error: Json) => error.field), ['allowedOrigins']);
        assert.match(bad.json().errors[0].message, /"ftp:\/\/x\.nl", "niet een adres"/);
        assert.equal((await check('javascript:alert(1)')).statusCode, 422);
      });

      if (backend.openAnother) {
        it('two server processes on one PostgreSQL: a publish and a new origin count at once in the other', async () => {
          const otherDb = await backend.openAnother!();
          const other = await makeApp(otherDb);
          try {
            await create();
            assert.equal((await other.inject('/api/forms/ouderavond')).statusCode, 404);
            await publish('ouderavond', 1);
            assert.equal((await other.inject('/api/forms/ouderavond')).statusCode, 200);
            await save(poll({ title: 'Versie twee' }), 1);
            await publish('ouderavond', 2);
            assert.equal((await other.inject('/api/forms/ouderavond')).json().title, 'Versie twee');
            const site = 'https://www.tweede-proces.nl';
            assert.equal((await other.inject({ url: '/api/forms/ouderavond', headers: { origin: site } })).statusCode, 403);
            await save(poll({ title: 'Versie twee' }), 2, { allowedOrigins: [site] });
            assert.equal((await other.inject({ url: '/api/forms/ouderavond', headers: { origin: site } })).statusCode, 200);
            await setState('ouderavond', 'gearchiveerd');
            assert.equal((await other.inject('/api/forms/ouderavond')).statusCode, 404);
          } finally {
            await other.close();
            await otherDb.close();
          }
        });
      }
    });

    describe('sharing', () => {
      it('the hosted page: organisation, widget, privacy link, languages, a strict CSP; 404 for a concept', async () => {
        await create();
        assert.equal((await app.inject('/f/ouderavond')).statusCode, 404);
        await publish('ouderavond', 1);
        const page = await app.inject('/f/ouderavond');
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /<html lang="nl" dir="ltr">/);
        assert.match(page.body, /<h1>Testgemeente<\/h1>/);
        assert.match(page.body, /<ouder-peiling endpoint="\/api\/forms\/ouderavond" privacy-url="https:\/\/www\.voorbeeldstad\.nl\/privacy" lang="nl">/);
        assert.match(page.body, /<a href="https:\/\/www\.voorbeeldstad\.nl\/privacy">Privacyverklaring Testgemeente<\/a>/);
        assert.match(page.body, /<a href="\?lang=en" lang="en" hreflang="en">English<\/a>/);
        assert.doesNotMatch(page.body, /style=|<script>|onload/);
        const csp = String(page.headers['content-security-policy']);
        for (const part of ["script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "require-trusted-types-for 'script'"]) assert.ok(csp.includes(part), csp);
        assert.equal(page.headers['set-cookie'], undefined);
        const english = await app.inject('/f/ouderavond?lang=en');
        assert.match(english.body, /<html lang="en"/);
        assert.match(english.body, /<title>Parents evening – Testgemeente<\/title>/);
        assert.match(english.body, /lang="nl" hreflang="nl">Nederlands/);
        assert.match((await app.inject('/f/ouderavond?lang=ar')).body, /<html lang="nl"/, 'a language the form does not have falls back to Dutch');
        const css = await app.inject('/f/_/hosted.css');
        assert.match(String(css.headers['content-type']), /text\/css/);
      });

      it('embed code, fallback and share text per language of the form', async () => {
        await create();
        const share = (await call(app, lezer, 'GET', '/beheer/api/forms/ouderavond/share')).json();
        assert.equal(share.hostedUrl, 'http://localhost/f/ouderavond');
        assert.equal(share.endpoint, 'http://localhost/api/forms/ouderavond');
        assert.deepEqual(share.languages, ['nl', 'en']);
        assert.match(share.snippets.element, /^<script type="module" src="http:\/\/localhost\/ouderstem\.js"><\/script>\n\n<ouder-peiling endpoint="http:\/\/localhost\/api\/forms\/ouderavond" privacy-url="https:\/\/www\.voorbeeldstad\.nl\/privacy">/);
        assert.match(share.snippets.compat, /<div data-ouderstem="peiling" data-endpoint="[^"]+" data-privacy-url="[^"]+" data-lang="nl">/);
        assert.match(share.snippetsByLang.en.element, /lang="en">\n {2}<p>Does the form not work here\?/);
        assert.match(share.fallback.nl, /<a href="http:\/\/localhost\/f\/ouderavond">/);
        assert.match(share.shareText.nl, /^Testgemeente wil graag horen wat ouders vinden: "Ouderavond"\. .*http:\/\/localhost\/f\/ouderavond$/);
        assert.match(share.shareText.en, /"Parents evening"/);
      });

      it('QR codes (SVG and PNG) lead to the hosted page', async () => {
        await create();
        const svg = await call(app, lezer, 'GET', '/beheer/api/forms/ouderavond/qr.svg');
        assert.equal(svg.headers['content-type'], 'image/svg+xml');
        assert.match(svg.body, /^<svg[^>]+viewBox/);
        const png = await call(app, lezer, 'GET', '/beheer/api/forms/ouderavond/qr.png');
        assert.equal(png.headers['content-type'], 'image/png');
        const image = PNG.sync.read(png.rawPayload);
        assert.equal(image.width, 1024);
        const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
        assert.equal(decoded?.data, 'http://localhost/f/ouderavond');
      });

      it('participation codes: made in the console, they work once; CSV and a printable sheet of the unused ones', async () => {
        assert.equal((await call(app, cookie, 'POST', '/beheer/api/forms/poll/codes', { count: 2 })).json().errors[0].code, 'no-codes');
        const made = await call(app, cookie, 'POST', '/beheer/api/forms/poll-code/codes', { count: 3 });
        assert.equal(made.statusCode, 200, made.body);
        const codes = made.json().codes as string[];
        assert.equal(new Set(codes).size, 3);
        const body = (code: string) => submission('peiling', 'poll-code', { answers: { q1: 'a' }, code });
        assert.equal((await post(app, 'poll-code', body(codes[0]!))).statusCode, 201);
        assert.equal((await post(app, 'poll-code', body(codes[0]!))).json().errors[0].code, 'code-used');
        const csv = await call(app, cookie, 'GET', '/beheer/api/forms/poll-code/codes.csv');
        const lines = csv.body.trim().split('\r\n');
        assert.equal(lines[0], 'code,aangemaakt,gebruikt');
        assert.equal(lines.length, 4);
        assert.match(lines.find((line) => line.startsWith(codes[0]!))!, /,\d{4}-\d\d-\d\dT[^,]+$/);
        const sheet = await call(app, cookie, 'GET', '/beheer/forms/poll-code/codes/print');
        assert.match(String(sheet.headers['content-type']), /text\/html/);
        assert.match(String(sheet.headers['content-security-policy']), /frame-ancestors 'none'/);
        assert.ok(!sheet.body.includes(codes[0]!) && sheet.body.includes(codes[1]!) && sheet.body.includes(codes[2]!), 'only unused codes');
        assert.match(sheet.body, /<link rel="stylesheet" href="\/beheer\/print\/codes\.css">/);
        assert.equal((await call(app, lezer, 'POST', '/beheer/api/forms/poll-code/codes', { count: 1 })).statusCode, 403);
        assert.equal((await call(app, cookie, 'POST', '/beheer/api/forms/poll-code/codes', { count: 0 })).statusCode, 422);
      });
    });

    describe('results and networks', () => {
      it('results as counted, without the minResponses guard parents get', async () => {
        await post(app, 'poll', vote({ q1: 'a', q3: 4 }));
        const poll = (await call(app, lezer, 'GET', '/beheer/api/forms/poll/results')).json();
        assert.equal(poll.total, 1);
        assert.deepEqual(poll.tally.questions.q1.counts, { a: 1, b: 0 });
        assert.deepEqual((await app.inject('/api/forms/poll')).json().tally.questions, {}, 'parents see nothing below minResponses');
        await post(app, 'signup', signUp(['one']));
        await post(app, 'signup', signUp(['one'], { waitlist: true }));
        const sessions = (await call(app, lezer, 'GET', '/beheer/api/forms/signup/results')).json().sessions as Json[];
        assert.deepEqual(sessions.find((session) => session.id === 'one'), { id: 'one', title: 'Eén plaats', capacity: 1, confirmed: 1, waitlisted: 1, cancelled: 0, remaining: 0 });
        await post(app, 'story', story());
        assert.deepEqual((await call(app, lezer, 'GET', '/beheer/api/forms/story/results')).json(), { total: 1 });
      });

      it('the organisation\'s networks list: checked with the networks schema, served to the map at once', async () => {
        const current = (await call(app, lezer, 'GET', '/beheer/api/networks')).json();
        assert.equal(current.networks.networks[0].id, 'n1', 'imported from networks.json');
        const bad = await call(app, cookie, 'PUT', '/beheer/api/networks', { networks: { networks: [{ id: 'x', name: '', type: 'oudersraad', gemeenten: [] , location: { lat: 200, lon: 4 } }] } });
        assert.equal(bad.statusCode, 422);
        assert.deepEqual(bad.json().errors.map((error: Json) => error.field).sort(), ['/networks/0/location/lat', '/networks/0/name']);
        const list = { networks: [{ id: 'haaglanden', name: 'Oudersraad Haaglanden', type: 'oudersraad', gemeenten: ['Den Haag'], areas: ['JZ24'] }] };
        const saved = await call(app, cookie, 'PUT', '/beheer/api/networks', { networks: list });
        assert.equal(saved.statusCode, 200, saved.body);
        assert.deepEqual(saved.json().problems, [], 'another name of a gemeente and a jeugdregio code are what the map understands');
        assert.deepEqual((await app.inject('/api/networks/test')).json(), list);
        assert.deepEqual((await app.inject('/api/networks')).json(), list);
        assert.equal((await app.inject('/api/networks/bestaat-niet')).statusCode, 404);
      });

      it('the networks builder offers the 342 gemeenten of the shipped CBS data, and a list is checked as the map reads it', async () => {
        const { gemeenten } = (await call(app, lezer, 'GET', '/beheer/api/gemeenten')).json() as { gemeenten: { code: string; name: string }[] };
        assert.equal(gemeenten.length, 342);
        assert.deepEqual(gemeenten.find((gemeente) => gemeente.code === 'GM0518'), { code: 'GM0518', name: "'s-Gravenhage" });
        assert.deepEqual(gemeenten.slice(0, 2).map((gemeente) => gemeente.name), ["'s-Gravenhage", "'s-Hertogenbosch"]);
        const list = {
          networks: [
            { id: 'a', name: 'A', type: 'oudersraad', gemeenten: ['Den Haag', "'s-gravenhage", 'Haarlemmerliede en Spaarnwoude', 'Bergen', 'Atlantis'], areas: ['JZ24', 'JZ99'] },
            { id: 'b', name: 'B', type: 'oudersraad' },
          ],
        };
        const saved = (await call(app, cookie, 'PUT', '/beheer/api/networks', { networks: list })).json();
        assert.deepEqual(
          saved.problems.map((problem: Json) => [problem.field, problem.code]),
          [
            ['/networks/0/gemeenten/2', 'former-gemeente'],
            ['/networks/0/gemeenten/3', 'ambiguous-gemeente'],
            ['/networks/0/gemeenten/4', 'unknown-gemeente'],
            ['/networks/0/areas/1', 'unknown-area'],
            ['/networks/1', 'no-area'],
          ],
        );
        assert.match(saved.problems[0].message, /"Haarlemmerliede en Spaarnwoude" bestaat niet meer als gemeente\. Kies "Haarlemmermeer"\./);
        assert.match(saved.problems[1].message, /"Bergen" past bij meer dan één gemeente\. Kies "Bergen \(NH\.\)" of "Bergen \(L\.\)"\./);
        assert.deepEqual((await call(app, lezer, 'GET', '/beheer/api/networks')).json().problems, saved.problems);
      });
    });

    describe('the console itself', () => {
      it('is served at /beheer/ (and the set-up path) under the console CSP; a plain page says when it is not built', async () => {
        const dir = await mkdtemp(join(tmpdir(), 'ouderstem-beheer-'));
        await writeFile(join(dir, 'index.html'), '<!doctype html><title>Beheer</title><script type="module" src="/beheer/beheer.js"></script>');
        await writeFile(join(dir, 'beheer.js'), 'export {};\n');
        const built = await makeApp(db, { consoleDir: dir });
        const missing = await makeApp(db, { consoleDir: join(dir, 'nergens') });
        try {
          for (const url of ['/beheer/', '/beheer/setup/abc']) {
            const page = await built.inject(url);
            assert.equal(page.statusCode, 200, url);
            assert.match(page.body, /<title>Beheer<\/title>/);
            assert.equal(
              page.headers['content-security-policy'],
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
            );
            assert.equal(page.headers['x-frame-options'], 'DENY');
          }
          assert.equal((await built.inject('/beheer')).headers.location, '/beheer/');
          const script = await built.inject('/beheer/beheer.js');
          assert.equal(script.statusCode, 200);
          assert.equal(script.headers['access-control-allow-origin'], undefined, 'the console is not for other sites');
          const absent = await missing.inject('/beheer/');
          assert.equal(absent.statusCode, 503);
          assert.match(absent.body, /npm run build/);
        } finally {
          await built.close();
          await missing.close();
          await rm(dir, { recursive: true, force: true });
        }
      });
    });
  });
}
