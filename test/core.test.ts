import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { localize, plural, toLanguage } from '../src/core/i18n/index.js';
import { define, upgradeCompatibilityMarkup } from '../src/core/register.js';
import { Store } from '../src/core/storage.js';
import {
  backoffDelay,
  classifyAnswer,
  flushOutbox,
  outboxDays,
  parseRetryAfter,
  retryPolicy,
  uuidV4,
} from '../src/core/submission.js';
import { checkLength, parseEmail, parsePhone, parsePostcode } from '../src/core/validators.js';
import { expectAccessible } from './helpers/axe.js';
import { FakeServer, until, type Answer } from './helpers/server.js';

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
      expect(retryPolicy.baseDelay).to.equal(1000);
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
    beforeEach(() => {
      localStorage.clear();
      server = new FakeServer();
    });
    afterEach(() => server.restore());

    it('sends a waiting submission exactly once when two flushes race (two tabs, online + pageshow)', async () => {
      const payload = { type: 'peiling', formId: 'f', submissionId: uuidV4(), submittedAt: new Date().toISOString(), lang: 'nl', data: {}, meta: {} };
      localStorage.setItem('ouderstem:outbox', JSON.stringify([{ endpoint: 'https://api.example.org/f', payload, attempts: 4 }]));
      server.on('POST', 'https://api.example.org/f', async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { status: 201, body: {} };
      });
      await Promise.all([flushOutbox(), flushOutbox(), flushOutbox()]);
      expect(server.posts()).to.have.length(1);
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
      await flushOutbox();
      expect(server.posts()).to.have.length(1);
    });

    it('keeps to a long Retry-After also on later flushes (online, pageshow, load), then sends', async () => {
      const payload = { type: 'peiling', formId: 'f', submissionId: uuidV4(), submittedAt: new Date().toISOString(), lang: 'nl', data: {}, meta: {} };
      localStorage.setItem('ouderstem:outbox', JSON.stringify([{ endpoint: 'https://api.example.org/f', payload, attempts: 4 }]));
      server.on('POST', 'https://api.example.org/f', { status: 503, headers: { 'Retry-After': '120' } }, { status: 201, body: {} });
      await flushOutbox();
      expect(server.posts()).to.have.length(1);
      const [waiting] = JSON.parse(localStorage.getItem('ouderstem:outbox')!);
      expect(waiting.notBefore - Date.now()).to.be.within(115_000, 120_000);
      await flushOutbox(); // an `online` or a `pageshow` a moment later
      expect(server.posts(), 'not before the server said').to.have.length(1);
      localStorage.setItem('ouderstem:outbox', JSON.stringify([{ ...waiting, notBefore: Date.now() - 1 }])); // two minutes on
      await flushOutbox();
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
      await flushOutbox();
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

    it('picks definition text by language, then nl, then the first key', () => {
      expect(localize('Hallo', 'en')).to.equal('Hallo');
      expect(localize({ nl: 'Hallo', en: 'Hello' }, 'en')).to.equal('Hello');
      expect(localize({ nl: 'Hallo', en: 'Hello' }, 'ar')).to.equal('Hallo');
      expect(localize({ fy: 'Goeie', en: 'Hello' }, 'ar')).to.equal('Goeie');
    });

    it('chooses plural forms per language', () => {
      const forms = { zero: 'z', one: 'één', two: 'twee', few: '{n} few', many: '{n} many', other: '{n} andere' };
      expect(plural(forms, 1, 'nl')).to.equal('één');
      expect(plural(forms, 3, 'nl')).to.equal('3 andere');
      expect(plural(forms, 2, 'ar')).to.equal('twee');
      expect(plural(forms, 3, 'ar')).to.match(/^(3|٣) few$/);
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
