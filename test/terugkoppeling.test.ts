import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/terugkoppeling/index.js';
import '../src/peiling/index.js';
import poll from './fixtures/peiling-short.json';
import outcomes from './fixtures/terugkoppeling.json';
import { upgradeCompatibilityMarkup } from '../src/core/register.js';
import type { OuderTerugkoppeling } from '../src/terugkoppeling/ouder-terugkoppeling.js';
import { expectAccessible } from './helpers/axe.js';
import { FakeServer, until } from './helpers/server.js';

const endpoint = 'https://api.example.org/api/outcomes/voorbeeldstad';

/** Two published outcomes as the reference server serves them: a poll with its results, and a sign-up form without. */
const document = outcomes;

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer();
});

afterEach(() => {
  server.restore();
});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

async function terugkoppeling({ lang = 'nl', form = '', body = document as unknown, status = 200 } = {}): Promise<OuderTerugkoppeling> {
  server.on('GET', form ? `${endpoint}?form=${form}` : endpoint, { status, body });
  const el = await fixture<OuderTerugkoppeling>(
    html`<ouder-terugkoppeling endpoint=${endpoint} form=${form || undefined} lang=${lang}><p>Lees de terugkoppeling op onze site.</p></ouder-terugkoppeling>`,
  );
  await until(() => !el.shadowRoot!.querySelector('[role="status"]') || !!el.shadowRoot!.querySelector('[part="terugkoppeling"]'), 3000, 'outcomes');
  await el.updateComplete;
  return el;
}

describe('<ouder-terugkoppeling>', () => {
  describe('accessibility', () => {
    it('has no axe violations or incomplete results: outcomes with results', async () => {
      await expectAccessible(await terugkoppeling());
    });

    it('… in Arabic, right to left', async () => {
      const el = await terugkoppeling({ lang: 'ar' });
      expect($(el, '[dir="rtl"]')).to.exist;
      await expectAccessible(el);
    });

    for (const lang of ['en', 'tr', 'pl', 'uk']) {
      it(`… in ${lang}: its own words (the status, the results' heading) after its language chunks load, left to right`, async () => {
        const el = await terugkoppeling({ lang });
        await until(() => $(el, '.root')?.getAttribute('lang') === lang, 3000, lang);
        await el.updateComplete;
        expect($(el, '.root').getAttribute('dir')).to.equal('ltr');
        const shown = text(el.shadowRoot!.querySelector('.root')!);
        for (const dutch of ['Stand van zaken', 'Wat we met jullie inbreng doen', 'De uitslag', 'stemmen']) expect(shown, lang).to.not.contain(dutch);
        await expectAccessible(el);
      });
    }

    it('… with nothing published yet, and when loading failed', async () => {
      await expectAccessible(await terugkoppeling({ body: { type: 'terugkoppeling', outcomes: [] } }));
      await expectAccessible(await terugkoppeling({ status: 503, body: { errors: [] } }));
    });

    it('names the status in words (never colour alone), the date as a <time>, each result as text beside its bar', async () => {
      const el = await terugkoppeling();
      const [first] = $$(el, '[part="outcome"]');
      expect(text(first!.querySelector('.badge')!)).to.equal('Stand van zaken: Besloten');
      expect(first!.querySelector('time')!.getAttribute('datetime')).to.equal('2027-04-15');
      expect(text(first!.querySelector('time')!)).to.equal('15 april 2027');
      expect($$(el, 'svg.bar').every((bar) => bar.getAttribute('aria-hidden') === 'true')).to.equal(true);
      expect($$(el, '.bar-text').map(text)).to.include('Nee, maar ik wil wel 4 stemmen (33%)');
    });
  });

  describe('showing outcomes', () => {
    it('shows every published outcome of the organisation: title, status, date, the text in its paragraphs, a link named after its outcome', async () => {
      const el = await terugkoppeling();
      const outcomes = $$(el, '[part="outcome"]');
      expect(outcomes.map((outcome) => text(outcome.querySelector('h3')!))).to.deep.equal(['Ouderbetrokkenheid 2027', 'Meedenksessies 2027']);
      expect(text($(el, 'h2'))).to.equal('Wat we met jullie inbreng doen');
      expect([...outcomes[0]!.querySelectorAll('.notice-text')].map(text)).to.deep.equal([
        'Jullie vroegen om één vast aanspreekpunt.',
        'Vanaf september heeft elke school er een.',
      ]);
      const link = outcomes[0]!.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://www.voorbeeldstad.nl/verslag');
      expect(text(link)).to.equal('Lees meer: Ouderbetrokkenheid 2027');
      expect(text(outcomes[1]!.querySelector('.badge')!)).to.contain('In behandeling');
      expect(outcomes[1]!.querySelector('[part="results"]')).to.equal(null, 'no results where the form has none to show');
    });

    it('shows the results the poll allows, with the number of parents and which questions were left out', async () => {
      const el = await terugkoppeling();
      const results = $(el, '[part="results"]');
      expect(text(results)).to.contain('12 ouders deden mee.');
      expect(text(results)).to.contain('Ouders konden meer dan één antwoord kiezen.');
      expect(text(results)).to.contain('Bij 1 vraag antwoordden te weinig ouders om de uitslag te laten zien.');
      expect($$(el, 'svg.bar rect').map((rect) => rect.getAttribute('width'))).to.deep.equal(['67', '33', '58']);
    });

    it('form="…" asks the server for that form only, and picks it out of a document with more', async () => {
      server.on('GET', `${endpoint}?form=meedenksessies-2027`, { status: 200, body: document });
      const el = await fixture<OuderTerugkoppeling>(html`<ouder-terugkoppeling endpoint=${endpoint} form="meedenksessies-2027"></ouder-terugkoppeling>`);
      const ready = await oneEvent(el, 'ouder-ready');
      expect(ready.detail.definition.outcomes).to.have.length(2);
      await el.updateComplete;
      expect(server.requests.map((request) => request.url)).to.deep.equal([`${endpoint}?form=meedenksessies-2027`]);
      expect($$(el, '[part="outcome"] h3').map(text)).to.deep.equal(['Meedenksessies 2027']);
    });

    it('says so when nothing is published yet', async () => {
      const el = await terugkoppeling({ body: { type: 'terugkoppeling', outcomes: [] } });
      expect(text($(el, '[part="terugkoppeling"]'))).to.contain('Er is nog geen terugkoppeling.');
    });

    it('in English: the words, the date and the plural forms', async () => {
      const el = await terugkoppeling({ lang: 'en' });
      expect(text($(el, 'h2'))).to.equal('What we are doing with your input');
      expect(text($(el, '.badge'))).to.equal('Status: Decided');
      expect(text($(el, 'time'))).to.equal('15 April 2027');
      expect(text($(el, '[part="results"]'))).to.contain('12 parents took part.');
    });
  });

  describe('the page it sits on', () => {
    it('heading-level fits the page\'s outline; register="u" speaks formally', async () => {
      server.on('GET', endpoint, { status: 200, body: document });
      const el = await fixture<OuderTerugkoppeling>(html`<ouder-terugkoppeling endpoint=${endpoint} heading-level="3" register="u"></ouder-terugkoppeling>`);
      await until(() => !!el.shadowRoot!.querySelector('[part="outcome"]'), 3000, 'outcomes');
      expect(text($(el, 'h3'))).to.equal('Wat we met uw inbreng doen');
      expect($$(el, 'h4').map(text)).to.deep.equal(['Ouderbetrokkenheid 2027', 'Meedenksessies 2027']);
      expect($$(el, 'h5').map(text)).to.deep.equal(['De uitslag']);
      expect($(el, 'h2')).to.equal(null);
    });
  });

  describe('when it cannot show', () => {
    it('a server that fails: a retry button, and the web editor\'s fallback shows again', async () => {
      const el = await terugkoppeling({ status: 503, body: { errors: [] } });
      expect($(el, '[role="alert"] button')).to.exist;
      expect($(el, 'slot')).to.exist;
      expect(el.querySelector('p')!.textContent).to.contain('Lees de terugkoppeling op onze site.');
    });

    it('a document with a link that is not http(s) is refused, not rendered', async () => {
      const bad = { ...document, outcomes: [{ ...document.outcomes[1], url: 'javascript:alert(1)' }] };
      const el = await terugkoppeling({ body: bad });
      expect($(el, '[role="alert"]')).to.exist;
      expect($$(el, 'a')).to.have.length(0);
    });
  });

  describe('a closed <ouder-peiling>', () => {
    it('shows the same outcome, in the same words, as <ouder-terugkoppeling>', async () => {
      const [outcome] = document.outcomes;
      const closed = { ...poll, closesAt: '2020-01-01T00:00:00Z', outcome: { status: outcome!.status, date: outcome!.date, text: outcome!.text, url: outcome!.url } };
      server.on('GET', 'https://api.example.org/api/forms/vervoer-2027', { status: 200, body: closed });
      const peiling = await fixture(html`<ouder-peiling endpoint="https://api.example.org/api/forms/vervoer-2027" storage="none"></ouder-peiling>`);
      await until(() => !!peiling.shadowRoot!.querySelector('.outcome'), 3000, 'outcome');
      const widget = await terugkoppeling({ form: 'ouderbetrokkenheid-2027' });
      const shown = (root: Element) => [...root.querySelectorAll('.badge, time, .notice-text')].map(text);
      expect(shown($(peiling, '.outcome'))).to.deep.equal(shown($(widget, '[part="outcome"]')));
      expect(text($(peiling, '.outcome h3'))).to.equal('Wat we met jullie inbreng doen');
      await expectAccessible(peiling);
    });
  });

  describe('compatibility markup', () => {
    it('upgrades <div data-ouderstem="terugkoppeling" data-form> that a CMS left', async () => {
      const host = await fixture(html`<div data-ouderstem="terugkoppeling" data-endpoint=${endpoint} data-form="ouderbetrokkenheid-2027" data-lang="en">
        <p>Read it on our site.</p>
      </div>`);
      upgradeCompatibilityMarkup(host.parentNode!);
      const widget = host.querySelector('ouder-terugkoppeling')!;
      expect(widget).to.exist;
      expect(widget.getAttribute('form')).to.equal('ouderbetrokkenheid-2027');
      expect(widget.getAttribute('lang')).to.equal('en');
    });
  });
});
