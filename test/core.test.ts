import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import { formatClock, formatDay, formatDeadline, formatDuration } from '../src/core/i18n/dates.js';
import { format, localize, plural, toLanguage, toRegister, translationFor } from '../src/core/i18n/index.js';
import { define, upgradeCompatibilityMarkup } from '../src/core/register.js';
import { Store } from '../src/core/storage.js';
import {
  backoffDelay,
  classifyAnswer,
  defaultRetryPolicy,
  Outbox,
  outboxDays,
  parseRetryAfter,
} from '../src/core/outbox.js';
import { uuidV4 } from '../src/core/submission.js';
import { checkLength, parseEmail, parsePhone, parsePostcode } from '../src/core/validators.js';
import ervaring from './fixtures/ervaring.json';
import meedenksessie from './fixtures/meedenksessie.json';
import networks from './fixtures/netwerkkaart.json';
import peiling from './fixtures/peiling-short.json';
import { expectAccessible } from './helpers/axe.js';
import { FakeServer, until, type Answer } from './helpers/server.js';

/** WCAG contrast ratio of two CSS colours (rgb(), rgba() or #rrggbb). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const channels = color.startsWith('#')
      ? [1, 3, 5].map((index) => parseInt(color.slice(index, index + 2), 16))
      : color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    const [r, g, b] = channels.map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('core', () => {
  describe('answer table (classifyAnswer)', () => {
    const errors = { errors: [{ field: 'email', message: 'Vul je e-mailadres in.' }] };

    it('treats every 2xx as sent, with its body as the response', () => {
      expect(classifyAnswer(201, { status: 'confirmed' })).to.deep.equal({ kind: 'sent', response: { status: 'confirmed' } });
      expect(classifyAnswer(204, undefined)).to.deep.equal({ kind: 'sent', response: {} });
    });

    for (const status of [400, 413, 415, 422]) {
      it(`does not retry ${status}, and keeps its field errors`, () => {
        expect(classifyAnswer(status, errors)).to.deep.equal({ kind: 'rejected', status, errors: errors.errors });
      });
    }

    it('treats 409 with errors as a final conflict and 409 without body as retryable', () => {
      expect(classifyAnswer(409, errors).kind).to.equal('rejected');
      expect(classifyAnswer(409, undefined).kind).to.equal('retry');
    });

    for (const status of [408, 425, 429, 500, 502, 503, 504]) {
      it(`retries ${status}`, () => expect(classifyAnswer(status, undefined, 2000)).to.deep.equal({ kind: 'retry', status, retryAfter: 2000 }));
    }
  });

  describe('backoff', () => {
    it('waits at least 0.5 s before the first retry and doubles after, with jitter', () => {
      expect(defaultRetryPolicy.baseDelay).to.equal(1000);
      expect(backoffDelay(1, 0, () => 0)).to.equal(500);
      expect(backoffDelay(1, 0, () => 0.999)).to.be.closeTo(1000, 1);
      expect(backoffDelay(2, 0, () => 0)).to.equal(1000);
      expect(backoffDelay(3, 0, () => 0.5)).to.equal(3000);
    });

    it('never waits less than Retry-After', () => {
      expect(backoffDelay(1, 7000, () => 0)).to.equal(7000);
    });

    it('reads Retry-After as seconds or as an HTTP date', () => {
      expect(parseRetryAfter('3')).to.equal(3000);
      expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).to.equal(10000);
      expect(parseRetryAfter(null)).to.be.undefined;
      expect(parseRetryAfter('soon')).to.be.undefined;
    });
  });

  it('makes RFC 4122 version 4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 100 }, uuidV4));
    expect(ids.size).to.equal(100);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  describe('outbox', () => {
    let server: FakeServer;
    /** Two tabs of one site: each its own outbox, over the same localStorage. */
    let tab: Outbox;
    let otherTab: Outbox;
    beforeEach(() => {
      localStorage.clear();
      server = new FakeServer();
      tab = new Outbox({ store: new Store('local') });
      otherTab = new Outbox({ store: new Store('local') });
    });
    afterEach(() => server.restore());

    it('sends a waiting submission exactly once when two flushes race (two tabs, online + pageshow)', async () => {
      const payload = { type: 'peiling', formId: 'f', submissionId: uuidV4(), submittedAt: new Date().toISOString(), lang: 'nl', data: {}, meta: {} };
      localStorage.setItem('ouderstem:outbox', JSON.stringify([{ endpoint: 'https://api.example.org/f', payload, attempts: 4 }]));
      server.on('POST', 'https://api.example.org/f', async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { status: 201, body: {} };
      });
      await Promise.all([tab.flush(), otherTab.flush(), tab.flush()]);
      expect(server.posts()).to.have.length(1);
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
      await tab.flush();
      expect(server.posts()).to.have.length(1);
    });

    it('keeps to a long Retry-After also on later flushes (online, pageshow, load), then sends', async () => {
      const payload = { type: 'peiling', formId: 'f', submissionId: uuidV4(), submittedAt: new Date().toISOString(), lang: 'nl', data: {}, meta: {} };
      localStorage.setItem('ouderstem:outbox', JSON.stringify([{ endpoint: 'https://api.example.org/f', payload, attempts: 4 }]));
      server.on('POST', 'https://api.example.org/f', { status: 503, headers: { 'Retry-After': '120' } }, { status: 201, body: {} });
      await tab.flush();
      expect(server.posts()).to.have.length(1);
      const [waiting] = JSON.parse(localStorage.getItem('ouderstem:outbox')!);
      expect(waiting.notBefore - Date.now()).to.be.within(115_000, 120_000);
      await tab.flush(); // an `online` or a `pageshow` a moment later
      expect(server.posts(), 'not before the server said').to.have.length(1);
      localStorage.setItem('ouderstem:outbox', JSON.stringify([{ ...waiting, notBefore: Date.now() - 1 }])); // two minutes on
      await tab.flush();
      expect(server.posts()).to.have.length(2);
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
    });

    it(`drops what waited longer than ${outboxDays} days, and anything that is not an entry; sends the rest`, async () => {
      const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
      const entry = (submittedAt: string) => ({
        endpoint: 'https://api.example.org/f',
        payload: { type: 'ervaring', formId: 'f', submissionId: uuidV4(), submittedAt, lang: 'nl', data: {}, meta: {} },
        attempts: 4,
      });
      const fresh = entry(daysAgo(outboxDays - 1));
      localStorage.setItem('ouderstem:outbox', JSON.stringify([entry(daysAgo(outboxDays + 1)), fresh, null, { endpoint: 'x' }]));
      server.on('POST', 'https://api.example.org/f', { status: 201, body: {} });
      await tab.flush();
      expect(server.posts().map((post) => post.headers['idempotency-key'])).to.deep.equal([fresh.payload.submissionId]);
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
    });
  });

  describe('i18n', () => {
    it('reduces language tags to a supported language, nl by default', () => {
      expect(toLanguage('en-GB')).to.equal('en');
      expect(toLanguage('AR')).to.equal('ar');
      expect(toLanguage('de')).to.equal('nl');
      expect(toLanguage(undefined)).to.equal('nl');
    });

    it('picks definition text by language, then nl, then the first key, and says which language it took', () => {
      expect(localize('Hallo', 'en'), 'a plain string is Dutch').to.deep.equal({ text: 'Hallo', lang: 'nl' });
      expect(localize({ nl: 'Hallo', en: 'Hello' }, 'en')).to.deep.equal({ text: 'Hello', lang: 'en' });
      expect(localize({ nl: 'Hallo', en: 'Hello' }, 'ar')).to.deep.equal({ text: 'Hallo', lang: 'nl' });
      expect(localize({ fy: 'Goeie', en: 'Hello' }, 'ar')).to.deep.equal({ text: 'Goeie', lang: 'fy' });
      expect(localize({ nl: '', en: 'Hello' }, 'nl'), 'an empty text is no text').to.deep.equal({ text: 'Hello', lang: 'en' });
    });

    it('chooses plural forms per language', () => {
      const forms = { zero: 'z', one: 'één', two: 'twee', few: '{n} few', many: '{n} many', other: '{n} andere' };
      expect(plural(forms, 1, 'nl')).to.equal('één');
      expect(plural(forms, 3, 'nl')).to.equal('3 andere');
      expect(plural(forms, 2, 'ar')).to.equal('twee');
      expect(plural(forms, 3, 'ar')).to.match(/^(3|٣) few$/);
    });

    it('fills the places of a message, also with templates', () => {
      expect(format('Aanmelden voor {session} is gesloten.', { session: 'Avond 1' })).to.deep.equal(['Aanmelden voor ', 'Avond 1', ' is gesloten.']);
      const marked = html`<span lang="nl">Avond 1</span>`;
      expect(format('{session} has just filled up.', { session: marked })).to.deep.equal(['', marked, ' has just filled up.']);
    });

    it('takes the register u only when asked for, and only Dutch has two', async () => {
      expect([toRegister('u'), toRegister(' U '), toRegister('je'), toRegister(''), toRegister(undefined)]).to.deep.equal(['u', 'u', 'je', 'je', 'je']);
      expect(translationFor('nl', 'u').privacyLink).to.equal('Lees hoe we met uw gegevens omgaan');
      expect(translationFor('nl', 'je').privacyLink).to.equal('Lees hoe we met je gegevens omgaan');
      await translationFor.load('en');
      expect(translationFor('en', 'u').privacyLink).to.equal('Read how we handle your data');
      expect(translationFor('en', 'u')).to.equal(translationFor('en', 'je'));
    });
  });

  describe('dates and times', () => {
    // 1 January 2028, 00:00 in Amsterdam (CET, UTC+1).
    const newYear = '2027-12-31T23:00:00Z';

    it('says a deadline at midnight as the whole day before it: "tot en met 31 december"', () => {
      expect(formatDeadline(newYear, 'nl')).to.deep.equal({ text: '31 december 2027', wholeDay: true });
      expect(formatDeadline(newYear, 'en')).to.deep.equal({ text: '31 December 2027', wholeDay: true });
      // Summer time: midnight is 22:00 UTC.
      expect(formatDeadline('2027-06-30T22:00:00Z', 'nl')).to.deep.equal({ text: '30 juni 2027', wholeDay: true });
    });

    it('gives any other deadline with its time, in one style per language', () => {
      expect(formatDeadline('2027-12-31T16:00:00Z', 'nl')).to.deep.equal({ text: '31 december 2027, 17.00 uur', wholeDay: false });
      expect(formatDeadline('2027-12-31T16:00:00Z', 'en'), 'en-GB, 24-hour').to.deep.equal({ text: '31 December 2027, 17:00', wholeDay: false });
      const arabic = formatDeadline('2027-12-31T16:00:00Z', 'ar').text;
      expect(arabic, 'a 24-hour clock: no bare ص or م').to.match(/(17|١٧):(00|٠٠)$/);
      expect(arabic).to.contain('، ');
      expect(formatDeadline('2027-12-31T23:00:01Z', 'nl').wholeDay, 'one second past midnight is a moment').to.equal(false);
    });

    it('writes the time as each language does: 9.05 uur in Dutch, 09:05 elsewhere', () => {
      const morning = new Date('2027-03-01T08:05:00Z');
      expect(formatClock(morning, 'nl')).to.equal('9.05');
      expect(formatClock(morning, 'en')).to.equal('09:05');
      expect(formatDay(morning, 'en', true)).to.match(/^Monday,? 1 March 2027$/);
    });

    it('says a number of days as people do: years, months, weeks, else days', () => {
      expect(formatDuration(730, 'nl')).to.equal('2 jaar');
      expect(formatDuration(365, 'en')).to.equal('1 year');
      expect(formatDuration(180, 'nl')).to.equal('6 maanden');
      expect(formatDuration(14, 'nl')).to.equal('2 weken');
      expect(formatDuration(10, 'en')).to.equal('10 days');
      expect(formatDuration(1, 'nl')).to.equal('1 dag');
      expect(formatDuration(730, 'ar')).to.equal('سنتان');
    });
  });

  describe('validators', () => {
    it('parses e-mail addresses', () => {
      expect(parseEmail(' ouder@example.nl ')).to.equal('ouder@example.nl');
      for (const bad of ['ouder', 'ouder@', 'ouder@example', 'ou der@example.nl', '@example.nl']) expect(parseEmail(bad), bad).to.be.undefined;
    });

    it('parses Dutch and international phone numbers', () => {
      expect(parsePhone('06 12345678')).to.equal('0612345678');
      expect(parsePhone('070-123 45 67')).to.equal('0701234567');
      expect(parsePhone('+31 (0)6 1234 5678')).to.equal('+31612345678');
      expect(parsePhone('+31 6 1234 5678')).to.equal('+31612345678');
      expect(parsePhone('0032 470 12 34 56')).to.equal('+32470123456');
      expect(parsePhone('12345')).to.be.undefined;
    });

    it('parses postcodes', () => {
      expect(parsePostcode('2511ab')).to.equal('2511 AB');
      expect(parsePostcode('0123 AB')).to.be.undefined;
      expect(parsePostcode('1234 SS')).to.be.undefined;
    });

    it('checks lengths in characters as people count them', () => {
      expect(checkLength('', { required: true })).to.equal('required');
      expect(checkLength('👩‍👧'.slice(0, 2), { max: 1 })).to.be.undefined;
      expect(checkLength('abc', { min: 5 })).to.equal('too-short');
      expect(checkLength('abcdef', { max: 5 })).to.equal('too-long');
    });
  });

  describe('storage', () => {
    it('prefixes keys with ouderstem: and does nothing when switched off', () => {
      localStorage.clear();
      new Store('local').write('probe', { a: 1 });
      expect(localStorage.getItem('ouderstem:probe')).to.equal('{"a":1}');
      new Store('local', false).write('other', 1);
      expect(new Store('local', false).read('probe')).to.be.undefined;
      expect(localStorage.getItem('ouderstem:other')).to.be.null;
      localStorage.clear();
    });
  });

  describe('a definition that cannot load (origin refused, unknown form, server down)', () => {
    const endpoint = 'https://forms.example.org/api/forms/poll';
    let server: FakeServer;
    let warnings: unknown[][];
    const originalWarn = console.warn;
    beforeEach(() => {
      server = new FakeServer();
      warnings = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
    });
    afterEach(() => {
      server.restore();
      console.warn = originalWarn;
    });

    const cases: { name: string; answer: Answer; retry: boolean; reason: RegExp }[] = [
      { name: '403 origin not allowed', answer: { status: 403, body: { errors: [{ code: 'origin-not-allowed', message: 'x' }] } }, retry: false, reason: /403.*(origin|allowed)/i },
      { name: '404 unknown form', answer: { status: 404, body: { errors: [{ code: 'not-found', message: 'x' }] } }, retry: false, reason: /404/ },
      { name: 'a network error', answer: 'network-error', retry: true, reason: /network/i },
      { name: '503 server unavailable', answer: { status: 503 }, retry: true, reason: /503/ },
    ];
    for (const { name, answer, retry, reason } of cases) {
      it(`${name}: the editor's fallback stays visible, one plain sentence, ${retry ? 'a' : 'no'} retry button, the reason on the console`, async () => {
        server.on('GET', endpoint, answer);
        const el = await fixture(html`<ouder-peiling endpoint=${endpoint}>
          <p id="fallback">Doe mee op <a href="https://example.org/peiling">deze pagina</a> of mail ons.</p>
        </ouder-peiling>`);
        await until(() => !!el.shadowRoot!.querySelector('[role=alert]'));
        const slot = el.shadowRoot!.querySelector('slot');
        expect(slot, 'a slot shows the fallback').to.exist;
        expect(slot!.assignedElements().map((node) => node.id)).to.deep.equal(['fallback']);
        expect(el.querySelector('#fallback')!.getBoundingClientRect().height).to.be.greaterThan(0);
        const alert = el.shadowRoot!.querySelector('[role=alert]')!;
        expect(alert.querySelectorAll('p')).to.have.length(1);
        expect(alert.textContent).not.to.match(/403|404|503|origin|endpoint|json/i);
        expect(!!el.shadowRoot!.querySelector('button'), 'retry button').to.equal(retry);
        const warned = warnings.map((args) => args.join(' ')).join('\n');
        expect(warned).to.contain(endpoint);
        expect(warned).to.match(reason);
        await expectAccessible(el);
      });
    }

    it('a retry that works replaces the fallback with the widget', async () => {
      server.on('GET', endpoint, { status: 503 }, { status: 200, body: { id: 'p', type: 'peiling', title: 'T', results: 'hidden', integrity: 'open', questions: [{ id: 'q', type: 'open', label: 'Vraag' }] } });
      const el = await fixture(html`<ouder-peiling endpoint=${endpoint}><p id="fallback">Mail ons.</p></ouder-peiling>`);
      await until(() => !!el.shadowRoot!.querySelector('button'));
      el.shadowRoot!.querySelector('button')!.click();
      await until(() => !!el.shadowRoot!.querySelector('form'));
      expect(el.shadowRoot!.querySelector('slot')).to.be.null;
    });
  });

  describe('what every widget takes: heading-level, register, the page\'s font, the language of fallback text', () => {
    const definitions: Record<string, object> = { 'ouder-peiling': peiling, 'ouder-meedenksessie': meedenksessie, 'ouder-ervaring': ervaring, 'ouder-netwerkkaart': networks };
    const mount = async (tag: string, attributes: Record<string, string> = {}, wrap?: Record<string, string>) => {
      const host = document.createElement('div');
      const el = document.createElement(tag) as HTMLElement & { definition: object; updateComplete: Promise<boolean> };
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.definition = definitions[tag];
      if (wrap) {
        const config = document.createElement('ouder-config');
        for (const [name, value] of Object.entries(wrap)) config.setAttribute(name, value);
        config.append(el);
        host.append(config);
      } else host.append(el);
      await fixture(host);
      await until(() => !!el.shadowRoot?.querySelector('h1, h2, h3, h4, h5, h6'), 3000, `${tag} rendered`);
      await el.updateComplete;
      return el;
    };
    const levels = (el: Element) => [...new Set([...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.localName[1])))].sort();

    for (const tag of Object.keys(definitions)) {
      it(`<${tag}>: headings start at heading-level (own or from <ouder-config>), sections one below`, async () => {
        expect(levels(await mount(tag))[0], 'default').to.equal(2);
        expect(levels(await mount(tag, { 'heading-level': '4' }))[0]).to.equal(4);
        expect(levels(await mount(tag, {}, { 'heading-level': '3' }))[0]).to.equal(3);
        expect(levels(await mount(tag, { 'heading-level': '6' })).every((level) => level === 6), 'never past 6').to.equal(true);
      });

      it(`<${tag}>: with the keyboard only, every control it reaches shows where the focus is`, async () => {
        const el = await mount(tag);
        const before = document.createElement('button');
        before.textContent = 'voor';
        el.before(before);
        before.focus();
        const unmarked: string[] = [];
        const hidden: string[] = [];
        const seen = new Set<Element>();
        for (let tab = 0; tab < 80; tab++) {
          await sendKeys({ press: 'Tab' });
          const active = el.shadowRoot!.activeElement;
          if (!active || seen.has(active)) break;
          seen.add(active);
          const style = getComputedStyle(active);
          // A map marker shows its focus on its ring: drawn otherwise than the ring of a marker without focus.
          const ring = active.querySelector('.ring');
          const other = el.shadowRoot!.querySelector('.marker:not(:focus) .ring');
          const marked = ring
            ? !other || getComputedStyle(ring).stroke !== getComputedStyle(other).stroke
            : style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          if (!marked) unmarked.push(`${active.localName}#${active.id}`);
          // Not hidden by anything of the widget itself (WCAG 2.4.11): what is at its middle is the control or part of it.
          const box = active.getBoundingClientRect();
          const [top, bottom] = [Math.max(box.top, 0), Math.min(box.bottom, innerHeight)];
          const found = bottom - top < 8 ? null : el.shadowRoot!.elementFromPoint(box.left + box.width / 2, (top + bottom) / 2);
          const label = active.id ? el.shadowRoot!.querySelector(`label[for="${active.id}"]`) : null;
          if (!found || !(active.contains(found) || found.contains(active) || label?.contains(found))) hidden.push(`${active.localName}#${active.id}`);
        }
        expect(seen.size, 'reached its controls').to.be.greaterThan(2);
        expect(unmarked, 'no focus indicator').to.deep.equal([]);
        expect(hidden, 'covered').to.deep.equal([]);
      });

      it(`<${tag}>: borders of controls and the focus outline stand out from the background by 3:1 or more`, async () => {
        const el = await mount(tag);
        const root = el.shadowRoot!.querySelector('.root')!;
        const background = getComputedStyle(root).backgroundColor;
        const low: string[] = [];
        for (const control of el.shadowRoot!.querySelectorAll('input[type=text], input[type=email], input[type=tel], textarea, select, button:not(.link-button)')) {
          const style = getComputedStyle(control);
          const edge = style.borderTopWidth === '0px' ? style.backgroundColor : style.borderTopColor;
          if (contrast(edge, background) < 3) low.push(`${control.localName}#${control.id}: ${contrast(edge, background).toFixed(2)}`);
        }
        for (const choice of el.shadowRoot!.querySelectorAll('input[type=radio], input[type=checkbox]')) {
          const accent = getComputedStyle(choice).accentColor;
          if (contrast(accent, background) < 3) low.push(`${choice.id}: ${contrast(accent, background).toFixed(2)}`);
        }
        const outline = getComputedStyle(root).getPropertyValue('--_ouder-focus-color').trim();
        expect(contrast(outline, background), 'the focus outline').to.be.at.least(3);
        expect(low).to.deep.equal([]);
      });

      it(`<${tag}>: takes the page's font unless --ouder-font-family says otherwise (inherit included)`, async () => {
        const page = document.createElement('style');
        page.textContent = 'body { font-family: Georgia, serif; } .inherits { --ouder-font-family: inherit; } .courier { --ouder-font-family: "Courier New", monospace; }';
        document.head.append(page);
        try {
          const font = async (attributes: Record<string, string>) =>
            getComputedStyle((await mount(tag, attributes)).shadowRoot!.querySelector('.root')!).fontFamily;
          expect(await font({})).to.equal('Georgia, serif');
          expect(await font({ class: 'inherits' })).to.equal('Georgia, serif');
          expect(await font({ class: 'courier' })).to.equal('"Courier New", monospace');
        } finally {
          page.remove();
        }
      });
    }

    for (const tag of ['ouder-peiling', 'ouder-meedenksessie', 'ouder-ervaring']) {
      it(`<${tag}>: register="u" (own or from <ouder-config>) addresses the parent formally; lang="en" ignores it`, async () => {
        // The organisation writes its own texts; here they say "u" too, so what is left is the widget's.
        const own = definitions[tag];
        definitions[tag] = JSON.parse(JSON.stringify(own).replace(/\b([Jj])e\b/g, (_, j) => (j === 'J' ? 'U' : 'u')).replace(/\bjouw\b/g, 'uw'));
        try {
          const dutch = (el: Element) => el.shadowRoot!.textContent!;
          const formal = /\b(u|uw)\b/i;
          const informal = /\b(je|jij|jouw)\b/i;
          const formally = await mount(tag, { register: 'u' });
          expect(dutch(formally)).to.match(formal).and.not.match(informal);
          const config = await mount(tag, {}, { register: 'u' });
          expect(dutch(config)).to.match(formal).and.not.match(informal);
          expect(dutch(await mount(tag))).to.match(informal);
          expect(dutch(await mount(tag, { register: 'u', lang: 'en' }))).to.match(/\byour?\b/i);
        } finally {
          definitions[tag] = own;
        }
      });
    }

    it('marks definition text that falls back to another language with that language', async () => {
      const el = await mount('ouder-peiling', { lang: 'en' });
      // The fixture's intro has no Arabic, its title has: in Arabic only the intro falls back to Dutch.
      const arabic = await mount('ouder-peiling', { lang: 'ar' });
      expect(arabic.shadowRoot!.querySelector('.title [lang]'), 'the Arabic title needs no mark').to.equal(null);
      const intro = arabic.shadowRoot!.querySelector('.title + p span[lang]')!;
      expect(intro.getAttribute('lang')).to.equal('nl');
      expect(intro.textContent).to.equal('Drie korte vragen. Het kost je twee minuten.');
      expect(el.shadowRoot!.querySelector('.title + p [lang]'), 'English has its own intro').to.equal(null);
    });
  });

  describe('registration', () => {
    it('never throws when a second bundle defines the same tag', () => {
      class Impostor extends HTMLElement {}
      expect(() => define('ouder-peiling', Impostor)).not.to.throw();
      expect(customElements.get('ouder-peiling')).not.to.equal(Impostor);
    });

    it('upgrades <div data-ouderstem> markup that a CMS left, keeping its fallback inside the widget (shown only when it cannot load)', async () => {
      const host = await fixture(html`<div data-ouderstem="peiling" data-endpoint="/api/forms/x" data-lang="en" data-storage="none">
        <p>Vul de peiling in op <a href="/peiling">onze site</a>.</p>
      </div>`);
      upgradeCompatibilityMarkup(host.parentNode!);
      const widget = host.querySelector('ouder-peiling')!;
      expect(widget).to.exist;
      expect(widget.getAttribute('endpoint')).to.equal('/api/forms/x');
      expect(widget.getAttribute('lang')).to.equal('en');
      expect(widget.getAttribute('storage')).to.equal('none');
      expect(host.children).to.have.length(1);
      expect(widget.querySelector('p a')!.getAttribute('href')).to.equal('/peiling');
    });

    it('upgrades markup added to the page later', async () => {
      const host = document.createElement('div');
      host.dataset.ouderstem = 'peiling';
      host.dataset.src = '/poll.json';
      document.body.append(host);
      await until(() => !!host.querySelector('ouder-peiling'), 1000, 'upgrade');
      host.remove();
    });
  });
});
