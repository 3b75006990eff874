import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../src/meedenksessie/index.js';
import '../src/core/config.js';
import { define } from '../src/core/register.js';
import { OuderConfig } from '../src/core/config.js';
import type { OuderMeedenksessie } from '../src/meedenksessie/ouder-meedenksessie.js';
import series from './fixtures/meedenksessie.json';
import { expectAccessible } from './helpers/axe.js';
import { FakeServer, until, withFakeServer } from './helpers/server.js';
import { consoleWarnings } from './helpers/dom.js';

define('ouder-config', OuderConfig);

const endpoint = 'https://api.example.org/forms/jeugdhulp-2099';
const cancelUrl = 'https://api.example.org/afmelden/7f3a9c';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Series = typeof series;
let server: FakeServer;
withFakeServer((fake) => (server = fake));

/** The series with some sessions changed. */
function withSessions(change: (sessions: Series['sessions']) => unknown[], base: object = series): Series {
  const copy = structuredClone(base) as Series;
  return { ...copy, sessions: change(copy.sessions) } as Series;
}

async function signUp(definition: object = series, lang = 'nl', extra = ''): Promise<OuderMeedenksessie> {
  server.on('GET', endpoint, { status: 200, body: definition });
  const el = await fixture<OuderMeedenksessie>(
    extra === 'privacy'
      ? html`<ouder-meedenksessie endpoint=${endpoint} lang=${lang} privacy-url="https://example.org/privacy"></ouder-meedenksessie>`
      : html`<ouder-meedenksessie endpoint=${endpoint} lang=${lang}></ouder-meedenksessie>`,
  );
  await until(() => !!el.shadowRoot!.querySelector('h2, .panel'), 3000, 'definition');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** Whether an element is there; assertions on booleans, since chai takes minutes to print a whole element. */
const present = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
/** Compares without chai printing two whole elements (which takes minutes) when it fails. */
const expectFocusOn = (el: Element, selector: string) =>
  expect(active(el) === $(el, selector), `focus on ${selector}, not ${active(el)?.outerHTML.slice(0, 80)}`).to.be.true;

async function pick(el: OuderMeedenksessie, id: string) {
  $<HTMLInputElement>(el, `#${id}`).click();
  await el.updateComplete;
}

async function type(el: OuderMeedenksessie, id: string, value: string, blur = false) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  if (blur) input.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

async function fill(el: OuderMeedenksessie, ...sessions: string[]) {
  for (const id of sessions.length ? sessions : ['session-0']) await pick(el, id);
  await type(el, 'name', 'Fatima el Amrani');
  await type(el, 'email', 'fatima@example.nl');
  await pick(el, 'consent');
}

async function submit(el: OuderMeedenksessie) {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await el.updateComplete;
}

/** The `<time>` of every session in the list. */
const sessionsShown = (el: OuderMeedenksessie) => [...el.shadowRoot!.querySelectorAll<HTMLTimeElement>('.session time')];

/** For each session, on how many lines its range of times ("19:30–21:30") is drawn. */
function timeRangeLines(el: OuderMeedenksessie): number[] {
  return sessionsShown(el).map((time) => {
    const node = [...time.childNodes].find((child): child is Text => child instanceof Text && child.data.trim() !== '')!;
    const match = /[\d٠-٩]+[:.][\d٠-٩]+–\u2060?[\d٠-٩]+[:.][\d٠-٩]+/.exec(node.data)!;
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.bottom))).size;
  });
}

function sessionCard(el: OuderMeedenksessie, index: number) {
  return $(el, `#session-${index}`).closest('.session') as HTMLElement;
}

/** A 201 answer with an outcome per session; the overall status is that of the first. */
function answer(outcomes: Record<string, 'confirmed' | 'waitlisted'>, withCancelLink = true) {
  const sessions = Object.entries(outcomes).map(([id, status]) => ({ id, status }));
  return { status: 201, body: { status: sessions[0].status, sessions, ...(withCancelLink ? { cancelUrl } : {}) } };
}
const confirmed = (id: string) => answer({ [id]: 'confirmed' });

function readBlob(href: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', href);
    request.onload = () => resolve(request.responseText);
    request.onerror = reject;
    request.send();
  });
}

/** The content lines of one VEVENT, unfolded, as name → value. */
function vevents(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') events.push(current!), (current = undefined);
    else if (current) current[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 1);
  }
  return events;
}

describe('<ouder-meedenksessie>', () => {
  describe('definition loading', () => {
    it('shows a loading state, then the series, and fires ouder-ready with the definition', async () => {
      let release!: () => void;
      server.on('GET', endpoint, () => new Promise((resolve) => (release = () => resolve({ status: 200, body: series }))));
      const el = await fixture<OuderMeedenksessie>(html`<ouder-meedenksessie endpoint=${endpoint}></ouder-meedenksessie>`);
      expect(text(el.shadowRoot!)).to.contain('Even laden');
      await expectAccessible(el);
      const ready = oneEvent(el, 'ouder-ready');
      release();
      const event = await ready;
      expect((event.detail.definition as { id: string }).id).to.equal('jeugdhulp-2099');
      expect(event.bubbles && event.composed).to.be.true;
      await el.updateComplete;
      expect($(el, 'h2').textContent).to.equal('Denk mee over jeugdhulp in de regio');
    });

    it('shows a clear error with a working "probeer opnieuw" button when loading fails', async () => {
      server.on('GET', endpoint, 'network-error', { status: 200, body: series });
      const el = await fixture<OuderMeedenksessie>(html`<ouder-meedenksessie endpoint=${endpoint}></ouder-meedenksessie>`);
      await until(() => !!el.shadowRoot!.querySelector('[role=alert]'));
      expect(text(el.shadowRoot!)).to.contain('kon nu niet worden geladen');
      await expectAccessible(el);
      $<HTMLButtonElement>(el, 'button').click();
      await until(() => !!el.shadowRoot!.querySelector('form'));
      expect(server.requests).to.have.length(2);
    });

    it('says plainly that it is not available when the definition is invalid, and names the field on the console', async () => {
      const broken = withSessions((sessions) => [{ ...sessions[0], end: sessions[0].start }]);
      const warnings = await consoleWarnings(() => fixture(html`<ouder-meedenksessie .definition=${broken}></ouder-meedenksessie>`));
      const el = document.querySelector('ouder-meedenksessie')!;
      expect($(el, '[role=alert]').textContent).to.contain('Dit onderdeel is nu niet beschikbaar.');
      expect(text(el)).not.to.contain('sessions');
      expect(warnings.join('\n')).to.contain('sessions[0].end');
      await expectAccessible(el);
    });
  });

  describe('sessions', () => {
    it('shows each session with weekday, date, time, place and places left', async () => {
      const el = await signUp();
      const first = text(sessionCard(el, 0));
      expect(first).to.contain('Avond in Utrecht');
      expect(first).to.contain('maandag 12 januari 2099, 19.30–\u206021.30 uur');
      expect(first).to.contain('Bibliotheek Neude');
      expect(first).to.contain('Neude 11, 3512 AE Utrecht');
      expect(first).to.contain('Nog 12 plaatsen');
      expect($(el, '#session-0-hint time').getAttribute('datetime')).to.equal('2099-01-12T18:30:00.000Z');
      await expectAccessible(el);
    });

    it('marks open, few places, full with waiting list, full, and closed; leaves past sessions out', async () => {
      const el = await signUp();
      const cards = $$(el, '.session');
      expect(cards.map((card) => card.className.match(/session--(\w+)/)![1])).to.deep.equal([
        'open',
        'few',
        'waitlist',
        'full',
        'closed',
      ]);
      expect(text(cards[1])).to.contain('online').and.contain('Nog 3 plaatsen');
      expect(text(cards[2])).to.contain('Vol — wachtlijst mogelijk');
      expect(text(cards[3])).to.match(/Vol$/);
      expect(text(cards[4])).to.contain('Aanmelden gesloten');
      expect(text(el.shadowRoot!)).not.to.contain('Startbijeenkomst');
      const disabled = $$(el, 'input[name=sessionIds]').map((input) => (input as HTMLInputElement).disabled);
      expect(disabled).to.deep.equal([false, false, false, true, true]);
      // The status is part of each choice's description, not only its colour.
      expect($(el, '#session-2').getAttribute('aria-describedby')).to.equal('session-2-hint');
      expect(text($(el, '#session-2-hint'))).to.contain('wachtlijst');
      await expectAccessible(el);
    });

    it('offers radio buttons when only one session may be chosen', async () => {
      const el = await signUp({ ...series, multiple: false });
      expect($$(el, 'input[name=sessionIds]').every((input) => (input as HTMLInputElement).type === 'radio')).to.be.true;
      expect($(el, 'legend').textContent).to.contain('Kies een sessie');
      await pick(el, 'session-0');
      await pick(el, 'session-1');
      expect($<HTMLInputElement>(el, '#session-0').checked).to.be.false;
      await expectAccessible(el);
    });

    it('says so when no session can be chosen any more, and shows no form fields', async () => {
      const closed = withSessions((sessions) => sessions.filter((s) => ['jongeren', 'zeist', 'start'].includes(s.id)));
      const el = await signUp(closed);
      expect(text(el.shadowRoot!)).to.contain('Er zijn nu geen sessies waarvoor je je kunt aanmelden');
      expect(present(el, '#email'), '#email').to.be.false;
      expect(present(el, 'button[type=submit]'), 'button[type=submit]').to.be.false;
      await expectAccessible(el);

      const past = withSessions((sessions) => sessions.filter((s) => s.id === 'start'));
      const empty = await signUp(past);
      expect(text(empty.shadowRoot!)).to.contain('Er zijn nu geen sessies');
      expect(present(empty, 'form'), 'form').to.be.false;
      await expectAccessible(empty);
    });
  });

  describe('accessibility', () => {
    it('is axe-clean with errors and at 320 px, without sideways scrolling, with targets of 24 px or more', async () => {
      const el = await signUp(series, 'nl', 'privacy');
      await submit(el);
      await expectAccessible(el);
      await setViewport({ width: 320, height: 640 });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const control of $$(el, 'input:not([tabindex="-1"]), button, textarea')) {
        const box = control.getBoundingClientRect();
        expect(box.width >= 24 && box.height >= 24, `${control.id} is ${box.width}×${box.height}`).to.be.true;
      }
    });

    it('resolves every for / aria-describedby id inside its own shadow root', async () => {
      const el = await signUp();
      await submit(el);
      for (const node of $$(el, '[for], [aria-describedby], [aria-labelledby]')) {
        const ids = ['for', 'aria-describedby', 'aria-labelledby'].flatMap((name) => node.getAttribute(name)?.split(' ') ?? []);
        for (const id of ids) expect(el.shadowRoot!.getElementById(id) !== null, `#${id}`).to.be.true;
      }
    });

    it('gives the e-mail, name, phone and gemeente fields autocomplete tokens', async () => {
      const el = await signUp();
      expect($(el, '#name').getAttribute('autocomplete')).to.equal('name');
      expect($(el, '#email').getAttribute('autocomplete')).to.equal('email');
      expect($(el, '#email').getAttribute('type')).to.equal('email');
      expect($(el, '#phone').getAttribute('autocomplete')).to.equal('tel');
      expect($(el, '#gemeente').getAttribute('autocomplete')).to.equal('address-level2');
    });
  });

  describe('answering', () => {
    it('offers roles and needs from the definition, and a consent with the privacy link', async () => {
      const el = await signUp(series, 'nl', 'privacy');
      expect($$(el, '#role input').map((input) => (input as HTMLInputElement).value)).to.deep.equal([
        'ouder',
        'jongere',
        'professional',
        'anders',
      ]);
      expect(text($(el, '#needs'))).to.contain('Kinderopvang').and.contain('Een tolk').and.contain('Online meedoen');
      const link = $<HTMLAnchorElement>(el, 'a[href="https://example.org/privacy"]');
      expect(link.target).to.equal('_blank');
      expect(text($(el, 'label[for=consent]'))).to.contain('toestemming');
    });

    it('can be filled in and sent with the keyboard only', async () => {
      server.on('POST', endpoint, confirmed('utrecht'));
      const el = await signUp({ ...series, needs: [] });
      el.focus();
      await sendKeys({ press: 'Tab' }); // the language menu: the series is written in Dutch and English
      expect(active(el)?.id).to.equal('ouder-language');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('session-0');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' }); // session-1
      await sendKeys({ press: 'Tab' }); // session-2; full and closed sessions are skipped
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('name');
      await sendKeys({ type: 'Sanne de Vries' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'sanne@example.nl' });
      await sendKeys({ press: 'Tab' }); // phone
      await sendKeys({ press: 'Tab' }); // role
      expect(active(el)?.id).to.equal('role-0');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('gemeente');
      await sendKeys({ press: 'Tab' }); // remarks
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('consent');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('type')).to.equal('submit');
      await sendKeys({ press: 'Enter' });
      await until(() => server.posts().length === 1);
      expect((server.posts()[0].body as { data: object }).data).to.deep.equal({
        sessionIds: ['utrecht'],
        name: 'Sanne de Vries',
        email: 'sanne@example.nl',
        role: 'jongere',
        consent: true,
      });
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      await el.updateComplete;
      expectFocusOn(el, '.panel--success');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.textContent).to.contain('Zet in je agenda');
    });

    it('counts the characters of the remarks', async () => {
      const el = await signUp();
      await type(el, 'remarks', 'Graag een plek bij de deur.');
      expect($(el, '#remarks-count').textContent).to.contain('Je kunt nog 1.973 tekens typen');
    });
  });

  describe('validation', () => {
    it('sends nothing and shows an error summary that takes focus and links to each field', async () => {
      const el = await signUp();
      await submit(el);
      await el.updateComplete;
      expect(server.posts()).to.have.length(0);
      expectFocusOn(el, '.error-summary');
      expect($$(el, '.error-summary a').map((a) => a.textContent)).to.deep.equal([
        'Kies een sessie.',
        'Vul je naam in.',
        'Vul je e-mailadres in.',
        'Geef toestemming, anders kunnen we je niet aanmelden.',
      ]);
      expect($(el, '#sessionIds').getAttribute('aria-describedby')).to.equal('sessionIds-hint sessionIds-error');
      expect($(el, '#sessionIds').getAttribute('aria-invalid'), 'the session group with an error is invalid').to.equal('true');
      expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#consent').getAttribute('aria-describedby')).to.equal('consent-error');
      expect($(el, '#consent').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#consent').getAttribute('aria-required'), 'the consent says it is required').to.equal('true');
      $<HTMLAnchorElement>(el, '.error-summary a').click();
      expect(active(el)?.id).to.equal('session-0');
      $$(el, '.error-summary a')[2].click();
      expect(active(el)?.id).to.equal('email');
      await expectAccessible(el);
    });

    it('refuses an invalid e-mail address and phone number', async () => {
      const el = await signUp();
      await fill(el);
      await type(el, 'email', 'fatima@example');
      await type(el, 'phone', '12345');
      await submit(el);
      expect(server.posts()).to.have.length(0);
      expect(text($(el, '.error-summary'))).to.contain('Vul een e-mailadres in zoals naam@voorbeeld.nl');
      expect(text($(el, '.error-summary'))).to.contain('Vul een telefoonnummer in zoals 06 12345678');
      expect(text($(el, '#phone-error'))).to.contain('Fout:');
    });

    it('checks a changed field when it loses focus, not on every keystroke', async () => {
      const el = await signUp();
      await type(el, 'email', 'fatima@');
      expect(present(el, '#email-error'), '#email-error').to.be.false;
      await type(el, 'email', 'fatima@', true);
      expect(text($(el, '#email-error'))).to.contain('naam@voorbeeld.nl');
      await type(el, 'email', 'fatima@example.nl', true);
      expect(present(el, '#email-error'), '#email-error').to.be.false;
    });

    it('clears the session error as soon as a session is chosen', async () => {
      const el = await signUp();
      await submit(el);
      expect(present(el, '#sessionIds-error'), '#sessionIds-error').to.be.true;
      await pick(el, 'session-1');
      expect(present(el, '#sessionIds-error'), '#sessionIds-error').to.be.false;
    });
  });

  describe('submission', () => {
    it('POSTs the CONTRACT envelope with an Idempotency-Key and confirms per session', async () => {
      server.on('POST', endpoint, answer({ utrecht: 'confirmed', online: 'confirmed' }));
      const el = await signUp();
      await fill(el, 'session-0', 'session-1');
      await type(el, 'phone', '06 1234 5678');
      await pick(el, 'role-0');
      await type(el, 'gemeente', ' Utrecht ');
      await pick(el, 'needs-0');
      await pick(el, 'needs-1');
      await type(el, 'remarks', 'Ik kom met mijn zoon.');
      const submitted = oneEvent(el, 'ouder-submitted');
      await submit(el);
      await submitted;
      await el.updateComplete;
      const [request] = server.posts();
      const body = request.body as Record<string, unknown>;
      expect(body).to.include({ type: 'meedenksessie', formId: 'jeugdhulp-2099', lang: 'nl' });
      expect(body.submissionId).to.match(uuid);
      expect(request.headers['idempotency-key']).to.equal(body.submissionId);
      expect(request.headers['content-type']).to.equal('application/json');
      expect(body.data).to.deep.equal({
        sessionIds: ['utrecht', 'online'],
        name: 'Fatima el Amrani',
        email: 'fatima@example.nl',
        phone: '0612345678',
        role: 'ouder',
        gemeente: 'Utrecht',
        needs: ['kinderopvang', 'tolk'],
        remarks: 'Ik kom met mijn zoon.',
        consent: true,
      });
      const panel = $(el, '.panel--success');
      expectFocusOn(el, '.panel--success');
      expect(panel.querySelector('h3')!.textContent).to.equal('Je bent aangemeld');
      expect($$(el, '.outcomes li').map(text)).to.deep.equal([
        'Avond in Utrecht maandag 12 januari 2099, 19.30–\u206021.30 uur Je hebt een plaats.',
        'Online avond maandag 19 januari 2099, 19.30–\u206021.00 uur Je hebt een plaats.',
      ]);
      expect($<HTMLAnchorElement>(el, `a[href="${cancelUrl}"]`).textContent).to.contain('Meld je af');
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
      await expectAccessible(el);
    });

    it('puts the parent on the waiting list for a full session that has one', async () => {
      server.on('POST', endpoint, answer({ amersfoort: 'waitlisted' }, false));
      const el = await signUp();
      await fill(el, 'session-2');
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect((server.posts()[0].body as { data: { waitlist?: boolean } }).data.waitlist).to.equal(true);
      expect($(el, '.panel--success h3').textContent).to.equal('Je staat op de wachtlijst');
      // Without mail from the server, no promise of a message.
      expect(text($(el, '.outcomes'))).to.contain('Komt er een plaats vrij, dan gaat die naar de eerste op de lijst.');
      expect(text($(el, '.outcomes'))).not.to.contain('bericht');
      expect(present(el, `a[href="${cancelUrl}"]`), `a[href="${cancelUrl}"]`).to.be.false;
      await expectAccessible(el);
    });

    it('says per session which one has a place and which the waiting list', async () => {
      server.on('POST', endpoint, answer({ utrecht: 'confirmed', amersfoort: 'waitlisted' }, false));
      const el = await signUp();
      await fill(el, 'session-0', 'session-2');
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect($(el, '.panel--success h3').textContent).to.equal('Je aanmelding is binnen');
      const items = $$(el, '.outcomes li').map(text);
      expect(items[0]).to.contain('Avond in Utrecht').and.contain('Je hebt een plaats.');
      expect(items[1]).to.contain('Ochtend in Amersfoort').and.contain('Je staat op de wachtlijst.');
      await expectAccessible(el);
    });

    it('shows that it is sending, and sends once on a double click', async () => {
      let release!: () => void;
      server.on('POST', endpoint, () => new Promise((resolve) => (release = () => resolve(confirmed('utrecht')))));
      const el = await signUp();
      await fill(el);
      const button = $<HTMLButtonElement>(el, 'button[type=submit]');
      button.click();
      button.click();
      await el.updateComplete;
      await until(() => server.posts().length === 1);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(text($(el, '.status-line'))).to.equal('Bezig met versturen…');
      await expectAccessible(el);
      release();
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect(server.posts()).to.have.length(1);
    });

    it('shows 422 field errors inline and in the summary, without retrying', async () => {
      server.on('POST', endpoint, {
        status: 422,
        body: { errors: [{ field: 'email', code: 'invalid', message: 'Dit e-mailadres bestaat niet.' }] },
      });
      const el = await signUp();
      await fill(el);
      const failed = oneEvent(el, 'ouder-error');
      await submit(el);
      const event = await failed;
      expect(event.detail.status).to.equal(422);
      expect(event.detail.errors[0].field).to.equal('email');
      await el.updateComplete;
      await el.updateComplete;
      expect(server.posts()).to.have.length(1);
      expect(text($(el, '#email-error'))).to.contain('Dit e-mailadres bestaat niet.');
      expectFocusOn(el, '.error-summary');
      expect($<HTMLInputElement>(el, '#name').value).to.equal('Fatima el Amrani');
      await expectAccessible(el);
    });

    it('after a 422, a corrected field raises no alarm, and one click on "Aanmelden" straight from the field sends', async () => {
      server.on(
        'POST',
        endpoint,
        { status: 422, body: { errors: [{ field: 'remarks', code: 'invalid-format', message: 'Dit is niet goed ingevuld.' }] } },
        confirmed('utrecht'),
      );
      const el = await signUp();
      await fill(el);
      await type(el, 'remarks', 'eerste versie');
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('#remarks-error'));
      const remarks = $<HTMLTextAreaElement>(el, '#remarks');
      remarks.focus();
      await sendKeys({ type: ' verbeterd' });
      const button = $(el, 'button[type=submit]').getBoundingClientRect();
      const position: [number, number] = [Math.round(button.x + button.width / 2), Math.round(button.y + button.height / 2)];
      // A click at a person's pace: the field loses focus on mouse down, the click lands on mouse up 100 ms later.
      await sendMouse({ type: 'move', position });
      await sendMouse({ type: 'down' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await sendMouse({ type: 'up' });
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'), 3000, 'confirmation');
      expect(server.posts()).to.have.length(2);
      expect((server.posts()[1].body as { data: { remarks: string } }).data.remarks).to.equal('eerste versie verbeterd');
    });

    it('after a 422, leaving a corrected field shows no "sending failed" panel', async () => {
      server.on('POST', endpoint, { status: 422, body: { errors: [{ field: 'email', code: 'invalid', message: 'Onbekend adres.' }] } });
      const el = await signUp();
      await fill(el);
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('#email-error'));
      await type(el, 'email', 'fatima@example.org', true);
      expect(present(el, '#email-error'), '#email-error').to.be.false;
      expect(present(el, '.panel--failed'), '.panel--failed').to.be.false;
      expect($$(el, '[role=alert]').filter((node) => text(node) !== '')).to.have.length(0);
    });

    for (const status of [400, 404]) {
      it(`does not retry a ${status} and says sending did not work`, async () => {
        server.on('POST', endpoint, { status });
        const el = await signUp();
        await fill(el);
        await submit(el);
        await until(() => !!el.shadowRoot!.querySelector('.panel--failed'));
        await el.updateComplete;
        expect(server.posts()).to.have.length(1);
        expect(text($(el, '.panel--failed'))).to.contain('Versturen is niet gelukt');
        expectFocusOn(el, '.panel--failed');
        await expectAccessible(el);
      });
    }

    it('retries 503 and a 409 without body with the same key, then confirms once', async () => {
      server.on('POST', endpoint, { status: 503 }, { status: 409 }, confirmed('utrecht'));
      const el = await signUp();
      await fill(el);
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      const keys = new Set(server.posts().map((request) => request.headers['idempotency-key']));
      expect(server.posts()).to.have.length(3);
      expect(keys.size).to.equal(1);
    });

    it('keeps the sign-up in the outbox when the server stays away, and sends it once when back online', async () => {
      server.on('POST', endpoint, 'network-error');
      const el = await signUp();
      await fill(el);
      const queued = oneEvent(el, 'ouder-queued');
      await submit(el);
      await queued;
      await el.updateComplete;
      await el.updateComplete;
      expect(text(el.shadowRoot!)).to.contain('Nog niet verstuurd');
      // A sign-up is not an answer (#16): the panel names what was kept.
      const panel = text(el.shadowRoot!.querySelector('.panel--queued')!);
      expect(panel).to.contain('je aanmelding op dit apparaat bewaard');
      expect(panel).to.not.contain('antwoord');
      expectFocusOn(el, '.panel--queued');
      expect(JSON.parse(localStorage.getItem('ouderstem:outbox')!)).to.have.length(1);
      await expectAccessible(el);
      server.on('POST', endpoint, confirmed('utrecht'));
      const before = server.posts().length;
      window.dispatchEvent(new Event('online'));
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect(server.posts().length - before).to.equal(1);
      expect(text(el.shadowRoot!)).to.contain('alsnog verstuurd');
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
      await expectAccessible(el);
    });

    it('shows the cancel link with an endpoint relative to the page, as on an organisation\'s own site', async () => {
      const relative = '/api/forms/jeugdhulp-2099';
      server.on('GET', relative, { status: 200, body: series });
      server.on('POST', relative, confirmed('utrecht'));
      const el = await fixture<OuderMeedenksessie>(html`<ouder-meedenksessie endpoint=${relative}></ouder-meedenksessie>`);
      await until(() => !!el.shadowRoot!.querySelector('form'));
      await fill(el);
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect(present(el, `a[href="${cancelUrl}"]`), `a[href="${cancelUrl}"]`).to.be.true;
    });

    it('shows the cancel link only when it is a web address', async () => {
      server.on('POST', endpoint, { status: 201, body: { status: 'confirmed', cancelUrl: 'javascript:alert(1)' } });
      const el = await signUp();
      await fill(el);
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect($$(el, '.panel--success a').map((a) => a.getAttribute('href'))).to.have.length(1);
      expect($(el, '.panel--success a').getAttribute('download')).to.equal('jeugdhulp-2099.ics');
    });

    it('after a reload the confirmation and its cancel link are still there (this tab only), without the name or e-mail', async () => {
      server.on('POST', endpoint, answer({ utrecht: 'confirmed' }));
      const first = await signUp();
      await fill(first);
      await submit(first);
      await until(() => !!first.shadowRoot!.querySelector('.panel--success'));
      first.remove();
      const kept = JSON.stringify(sessionStorage);
      expect(kept).to.include(cancelUrl);
      expect(kept).not.to.include('fatima');
      expect(kept).not.to.include('Fatima');
      expect(Object.keys(localStorage).filter((key) => key.includes('sent'))).to.deep.equal([]);

      const reloaded = await signUp();
      await until(() => !!reloaded.shadowRoot!.querySelector('.panel--success'));
      expect(present(reloaded, `.panel--success a[href="${cancelUrl}"]`), 'the cancel link').to.be.true;
      expect(text($(reloaded, '.panel--success'))).to.include('Je hebt een plaats.');
      expect(server.posts()).to.have.length(1);
      sessionStorage.clear();
    });

    it('with storage="none" nothing of the confirmation is kept', async () => {
      server.on('GET', endpoint, { status: 200, body: series });
      server.on('POST', endpoint, answer({ utrecht: 'confirmed' }));
      const el = await fixture<OuderMeedenksessie>(html`<ouder-meedenksessie endpoint=${endpoint} storage="none"></ouder-meedenksessie>`);
      await until(() => !!el.shadowRoot!.querySelector('form'));
      await fill(el);
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect(Object.keys(sessionStorage)).to.deep.equal([]);
    });

    it('promises an e-mail only when the definition says the server sends one', async () => {
      const silent = await signUp(withSessions((sessions) => sessions));
      expect(text(silent.shadowRoot!)).not.to.include('bevestiging');
      silent.remove();
      const mailing = await signUp({ ...series, sendsMail: true });
      expect(text($(mailing, '#email-hint'))).to.equal('We sturen je hier een bevestiging naartoe.');
      server.on('POST', endpoint, answer({ utrecht: 'confirmed' }));
      await fill(mailing);
      await submit(mailing);
      await until(() => !!mailing.shadowRoot!.querySelector('.panel--success'));
      expect(text($(mailing, '.panel--success'))).to.include('Je krijgt ook een e-mail met alles op een rij.');
      sessionStorage.clear();
    });

    it('offers "Ik wil horen wat er met de uitkomst gebeurt" only when the form offers it and the server sends mail; the address goes apart from the answer', async () => {
      const plain = await signUp({ ...series, outcomeOptIn: true });
      expect(present(plain, '#outcome'), 'not without mail').to.be.false;
      plain.remove();
      server.on('POST', endpoint, answer({ utrecht: 'confirmed' }));
      const el = await signUp({ ...series, outcomeOptIn: true, sendsMail: true });
      await fill(el);
      await pick(el, 'outcome');
      await submit(el);
      expect(server.posts()).to.have.length(0);
      expect(text($(el, '.error-summary'))).to.include('Vul je e-mailadres in, of vink het vakje uit.');
      expect($(el, '.error-summary a[href="#outcome-email"]'), 'the summary links to the field').to.exist;
      await expectAccessible(el);
      await type(el, 'outcome-email', 'benieuwd@example.nl');
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      const body = server.posts()[0].body as { outcomeEmail?: string; data: Record<string, unknown> };
      expect(body.outcomeEmail).to.equal('benieuwd@example.nl');
      expect(JSON.stringify(body.data)).not.to.include('benieuwd');
      sessionStorage.clear();
    });

    it('lets the host page veto the submission', async () => {
      const el = await signUp();
      await fill(el);
      el.addEventListener('ouder-submit', (event) => event.preventDefault(), { once: true });
      await submit(el);
      expect(server.posts()).to.have.length(0);
    });
  });

  describe('a session that filled up meanwhile (409)', () => {
    const full = (session: string) => ({
      status: 409,
      body: { errors: [{ field: 'sessionIds', code: 'session-full', session, message: 'Deze sessie is vol.' }] },
    });

    it('says so, refreshes the list, keeps what was typed and offers the waiting list', async () => {
      const fresh = withSessions((sessions) => sessions.map((s) => (s.id === 'utrecht' ? { ...s, remaining: 0 } : s)));
      const el = await signUp();
      await fill(el);
      await type(el, 'remarks', 'Tot dan!');
      server.on('GET', endpoint, { status: 200, body: fresh });
      server.on('POST', endpoint, full('utrecht'), answer({ utrecht: 'waitlisted' }));
      const failed = oneEvent(el, 'ouder-error');
      const refreshed = new Promise((resolve) => el.addEventListener('ouder-ready', resolve, { once: true }));
      await submit(el);
      expect((await failed).detail.status).to.equal(409);
      await refreshed;
      await el.updateComplete;
      expect(server.requests.filter((r) => r.method === 'GET')).to.have.length(2);
      const panel = $(el, '.panel--conflict');
      expectFocusOn(el, '.panel--conflict');
      expect(text(panel)).to.contain('Avond in Utrecht is net vol geraakt.');
      expect(text(panel)).to.contain('Je kunt op de wachtlijst');
      expect(text(sessionCard(el, 0))).to.contain('Vol — wachtlijst mogelijk');
      expect($<HTMLInputElement>(el, '#session-0').checked).to.be.true;
      expect($<HTMLInputElement>(el, '#name').value).to.equal('Fatima el Amrani');
      expect($<HTMLTextAreaElement>(el, '#remarks').value).to.equal('Tot dan!');
      await expectAccessible(el);

      panel.querySelector('button')!.click();
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      const [first, second] = server.posts().map((r) => r.body as { submissionId: string; data: Record<string, unknown> });
      expect(first.data.waitlist).to.be.undefined;
      expect(second.data).to.deep.include({ sessionIds: ['utrecht'], name: 'Fatima el Amrani', remarks: 'Tot dan!', waitlist: true });
      expect(second.submissionId).not.to.equal(first.submissionId);
      expect($(el, '.panel--success h3').textContent).to.equal('Je staat op de wachtlijst');
    });

    it('keeps the form in place while the fresh list loads', async () => {
      let release!: () => void;
      const el = await signUp();
      await fill(el);
      server.on('GET', endpoint, () => new Promise((resolve) => (release = () => resolve({ status: 200, body: series }))));
      server.on('POST', endpoint, full('utrecht'));
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--conflict'));
      expect(present(el, 'form'), 'form').to.be.true;
      expect(text(el.shadowRoot!)).not.to.contain('Even laden');
      release();
      await until(() => server.requests.filter((r) => r.method === 'GET').length === 2);
      await el.updateComplete;
      // The server still calls it open; what the sign-up answer said wins.
      expect(text(sessionCard(el, 0))).to.contain('Vol — wachtlijst mogelijk');
    });

    it('without a waiting list: marks the session full, unchooses it, and points to the others', async () => {
      const el = await signUp();
      await fill(el, 'session-1');
      server.on('POST', endpoint, full('online'));
      const refreshed = new Promise((resolve) => el.addEventListener('ouder-ready', resolve, { once: true }));
      await submit(el);
      await refreshed;
      await el.updateComplete;
      const panel = $(el, '.panel--conflict');
      expect(text(panel)).to.contain('Online avond is net vol geraakt.');
      expect(text(panel)).to.contain('andere sessie');
      expect(panel.querySelector('button') === null, 'no waiting-list button').to.be.true;
      expect($<HTMLInputElement>(el, '#session-1').disabled).to.be.true;
      expect($<HTMLInputElement>(el, '#session-1').checked).to.be.false;
      await expectAccessible(el);
      await submit(el);
      expect(server.posts()).to.have.length(1);
      expect(text($(el, '.error-summary'))).to.contain('Kies een sessie.');
    });

    it('shows a closed session when the deadline passed meanwhile', async () => {
      const el = await signUp();
      await fill(el, 'session-0');
      server.on('POST', endpoint, {
        status: 409,
        body: { errors: [{ field: 'sessionIds', code: 'deadline-passed', session: 'utrecht', message: 'Gesloten.' }] },
      });
      const refreshed = new Promise((resolve) => el.addEventListener('ouder-ready', resolve, { once: true }));
      await submit(el);
      await refreshed;
      await el.updateComplete;
      expect(text($(el, '.panel--conflict'))).to.contain('Aanmelden voor Avond in Utrecht is gesloten.');
      expect(text(sessionCard(el, 0))).to.contain('Aanmelden gesloten');
      expect($<HTMLInputElement>(el, '#session-0').disabled).to.be.true;
      await expectAccessible(el);
    });

    it('shows another 409 conflict as a message, without refreshing', async () => {
      const el = await signUp();
      await fill(el);
      server.on('POST', endpoint, { status: 409, body: { errors: [{ code: 'duplicate', message: 'Je bent al aangemeld.' }] } });
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--failed'));
      expect(text($(el, '.panel--failed'))).to.contain('Je bent al aangemeld.');
      expect(server.requests.filter((r) => r.method === 'GET')).to.have.length(1);
      await expectAccessible(el);
    });
  });

  describe('calendar file', () => {
    it('offers a valid .ics download made in the browser, checked field by field, with the sessions that have a place', async () => {
      server.on('POST', endpoint, answer({ utrecht: 'confirmed', amersfoort: 'waitlisted' }));
      const el = await signUp();
      await fill(el, 'session-0', 'session-2');
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      const link = $<HTMLAnchorElement>(el, 'a[download]');
      expect(link.textContent).to.contain('Zet in je agenda');
      expect(link.getAttribute('download')).to.equal('jeugdhulp-2099.ics');
      expect(link.href).to.match(/^blob:/);
      const ics = await readBlob(link.href);

      expect(ics.endsWith('\r\n')).to.be.true;
      expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
      for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
      const lines = ics.replace(/\r\n /g, '').split('\r\n');
      expect(lines[0]).to.equal('BEGIN:VCALENDAR');
      expect(lines).to.include('VERSION:2.0');
      expect(lines.find((line) => line.startsWith('PRODID:'))).to.equal('PRODID:-//Ouderstem//ouder-meedenksessie//NL');
      expect(lines).to.include('BEGIN:VTIMEZONE');
      expect(lines).to.include('TZID:Europe/Amsterdam');
      expect(lines.at(-2)).to.equal('END:VCALENDAR');

      const [utrecht, ...others] = vevents(ics);
      expect(others, 'a waiting-list place is no appointment').to.deep.equal([]);
      expect(utrecht.UID).to.equal('jeugdhulp-2099.utrecht@ouderstem');
      expect(utrecht.DTSTAMP).to.match(/^\d{8}T\d{6}Z$/);
      expect(utrecht['DTSTART;TZID=Europe/Amsterdam']).to.equal('20990112T193000');
      expect(utrecht['DTEND;TZID=Europe/Amsterdam']).to.equal('20990112T213000');
      expect(utrecht.SUMMARY).to.equal('Avond in Utrecht');
      expect(utrecht.LOCATION).to.equal('Bibliotheek Neude\\, Neude 11\\, 3512 AE Utrecht');
      expect(utrecht.DESCRIPTION).to.equal(
        `Denk mee over jeugdhulp in de regio\\n\\nKun je toch niet? Meld je af: ${cancelUrl}`,
      );
      expect(utrecht.STATUS).to.equal('CONFIRMED');
    });
  });

  describe('i18n', () => {
    it('speaks English with lang="en"', async () => {
      const el = await signUp(series, 'en');
      expect($(el, 'h2').textContent).to.equal('Help shape youth care in the region');
      expect(text(sessionCard(el, 0))).to.match(/Monday,? 12 January 2099, 19:30–\u206021:30/);
      expect(text(sessionCard(el, 0))).to.contain('12 places left');
      expect(text(sessionCard(el, 2))).to.contain('Full — waiting list open');
      expect($(el, 'label[for=email]').textContent).to.contain('Your email address');
      await submit(el);
      expect(text($(el, '.error-summary'))).to.contain('Enter your email address.');
      await expectAccessible(el);
    });

    it('renders Arabic right-to-left, falling back to Dutch for untranslated definition text', async () => {
      server.on('POST', endpoint, confirmed('utrecht'));
      const el = await signUp(series, 'ar');
      const root = $(el, '.root');
      expect(root.getAttribute('dir')).to.equal('rtl');
      expect(root.getAttribute('lang')).to.equal('ar');
      expect($(el, 'h2').textContent).to.equal('Denk mee over jeugdhulp in de regio');
      expect($(el, 'label[for=name]').textContent).to.contain('اسمك');
      expect(text(sessionCard(el, 0))).to.contain('الاثنين');
      await expectAccessible(el);
      await setViewport({ width: 320, height: 640 });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(timeRangeLines(el), 'the times of a session stay on one line (it broke after the dash)').to.deep.equal(sessionsShown(el).map(() => 1));
      await fill(el);
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect($(el, '.panel--success h3').textContent).to.equal('تم تسجيلك');
      expect((server.posts()[0].body as { lang: string }).lang).to.equal('ar');
      await expectAccessible(el);
    });

    it('takes lang and endpoint from <ouder-config>', async () => {
      server.on('GET', endpoint, { status: 200, body: series });
      const config = await fixture(
        html`<ouder-config endpoint=${endpoint} lang="en"><ouder-meedenksessie></ouder-meedenksessie></ouder-config>`,
      );
      const el = config.querySelector('ouder-meedenksessie')!;
      await until(() => !!el.shadowRoot!.querySelector('form'));
      expect($(el, 'legend').textContent).to.contain('Choose one or more sessions');
    });
  });
});
