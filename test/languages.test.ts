// Every widget in every language the registry lists: rendered in it (after its language chunk
// has loaded), with no Dutch sentence of the widgets' own left on screen, right-to-left only for
// Arabic, and axe clean with the error messages showing.
import { expect, fixture } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../src/index.js';
import { languages, type Texts, translationFor } from '../src/core/i18n/index.js';
import { outcomeStrings } from '../src/core/outcome.js';
import { noticeStrings } from '../src/core/terugkoppeling.js';
import { ervaringStrings } from '../src/ervaring/ervaring.i18n.js';
import { meedenksessieStrings } from '../src/meedenksessie/meedenksessie.i18n.js';
import { netwerkkaartStrings } from '../src/netwerkkaart/netwerkkaart.i18n.js';
import { peilingStrings } from '../src/peiling/peiling.i18n.js';
import { terugkoppelingStrings } from '../src/terugkoppeling/terugkoppeling.i18n.js';
import ervaring from './fixtures/ervaring.json';
import meedenksessie from './fixtures/meedenksessie.json';
import netwerkkaart from './fixtures/netwerkkaart.json';
import peiling from './fixtures/peiling-short.json';
import { expectAccessible } from './helpers/axe.js';
import { submit, text } from './helpers/dom.js';
import { until } from './helpers/server.js';

interface Widget {
  tag: string;
  definition: object;
  /** The widget's own texts and those of core parts it shows. */
  strings: Texts<unknown>[];
  /** The definitions' own words in this widget are Dutch: a form gets none of them into the sentences checked. */
  form: boolean;
}

const widgets: Widget[] = [
  { tag: 'ouder-peiling', definition: peiling, strings: [peilingStrings, outcomeStrings], form: true },
  { tag: 'ouder-meedenksessie', definition: meedenksessie, strings: [meedenksessieStrings, outcomeStrings], form: true },
  // The fixture offers the outcome opt-in: its words are on screen too.
  { tag: 'ouder-ervaring', definition: { ...ervaring, outcomeOptIn: true, sendsMail: true }, strings: [ervaringStrings, outcomeStrings], form: true },
  { tag: 'ouder-netwerkkaart', definition: netwerkkaart, strings: [netwerkkaartStrings], form: false },
];

/** Every text of a set, with sample values for the ones made by a function. */
function sentences(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [String(value('{a}', '{b}'))];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(sentences);
  return [];
}

/**
 * The Dutch sentences a widget could show, cut at their `{placeholders}`, that are different in
 * `language`: a piece of ten letters or more found on screen is Dutch left behind.
 */
function dutchOf(widget: Widget, language: (typeof languages)[number]): string[] {
  const sets = [translationFor, ...widget.strings];
  const own = new Set(sets.flatMap((set) => sentences(set(language))));
  return sets
    .flatMap((set) => [...sentences(set('nl', 'je')), ...sentences(set('nl', 'u'))])
    .filter((sentence) => !own.has(sentence))
    .flatMap((sentence) => sentence.split(/\{\w+\}/))
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= 10);
}

describe('every widget in every language', () => {
  for (const language of languages.filter((code) => code !== 'nl')) {
    for (const widget of widgets) {
      it(`<${widget.tag}> in ${language}: its own language, ${language === 'ar' ? 'right-to-left' : 'left-to-right'}, no Dutch of its own, axe clean`, async () => {
        const tag = unsafeStatic(widget.tag);
        const el = await fixture<LitElement>(staticHtml`<${tag} lang=${language} storage="none" .definition=${widget.definition}></${tag}>`);
        await until(() => !!el.shadowRoot?.querySelector(widget.form ? 'form' : '#place'), 3000, `<${widget.tag}> in ${language}`);
        if (widget.form) await submit(el);
        await el.updateComplete;

        const root = el.shadowRoot!.querySelector('.root')!;
        expect(root.getAttribute('lang')).to.equal(language);
        expect(root.getAttribute('dir')).to.equal(language === 'ar' ? 'rtl' : 'ltr');
        const shown = text(el);
        const left = dutchOf(widget, language).filter((piece) => shown.includes(piece));
        expect(left, `Dutch on screen in ${language}`).to.deep.equal([]);
        if (widget.form) expect(el.shadowRoot!.querySelector('[part~="error"], .error-summary'), 'errors shown').to.exist;
        await expectAccessible(el);
      });
    }
  }
});

describe('the texts of every language', () => {
  /** Texts that are the same in Dutch and another language: a name alone (`{a}`), and words both languages borrowed. */
  const sameEverywhere = new Set(['{a}', 'Website', 'E-mail', 'Email', 'Telefoon', '{a} km', 'Online', 'online']);
  const sets: Record<string, Texts<unknown>> = {
    core: translationFor,
    'outcome opt-in': outcomeStrings,
    peiling: peilingStrings,
    meedenksessie: meedenksessieStrings,
    ervaring: ervaringStrings,
    netwerkkaart: netwerkkaartStrings,
    'outcome notice': noticeStrings,
    terugkoppeling: terugkoppelingStrings,
  };
  before(() => Promise.all(Object.values(sets).flatMap((set) => languages.map((language) => set.load(language)))));

  for (const [name, set] of Object.entries(sets)) {
    it(`${name}: no language other than Dutch repeats a Dutch text`, () => {
      const dutch = new Set([...sentences(set('nl', 'je')), ...sentences(set('nl', 'u'))]);
      for (const language of languages.filter((code) => code !== 'nl')) {
        const repeated = sentences(set(language)).filter((sentence) => dutch.has(sentence) && !sameEverywhere.has(sentence));
        expect(repeated, `${name} in ${language}`).to.deep.equal([]);
      }
    });
  }
});

describe("the parent's own choice of language", () => {
  /** The poll's definition with its texts in Dutch only: every `{ nl, en }` becomes its Dutch. */
  const dutchOnly = JSON.parse(JSON.stringify(peiling), (_key, value) => (value && typeof value === 'object' && typeof value.nl === 'string' ? value.nl : value));

  it('offers a native select of the languages the definition is written in, each named in itself, and switches the widget without storing anything', async () => {
    const stored: string[] = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      stored.push(key);
      setItem.call(this, key, value);
    };
    try {
      const el = await fixture<LitElement>(staticHtml`<ouder-peiling storage="none" .definition=${peiling}></ouder-peiling>`);
      await until(() => !!el.shadowRoot?.querySelector('form'), 3000, 'the poll');
      const menu = el.shadowRoot!.querySelector<HTMLSelectElement>('select#ouder-language')!;
      expect(menu, 'a language menu').to.exist;
      expect(el.shadowRoot!.querySelector('label[for="ouder-language"]')!.textContent).to.equal('Taal');
      expect([...menu.options].map((option) => [option.value, option.lang, option.textContent])).to.deep.equal([
        ['nl', 'nl', 'Nederlands'],
        ['en', 'en', 'English'],
        ['ar', 'ar', 'العربية'],
      ]);
      await expectAccessible(el);

      menu.value = 'en';
      menu.dispatchEvent(new Event('change'));
      await until(() => el.shadowRoot!.querySelector('.root')!.getAttribute('lang') === 'en', 3000, 'English');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Send');
      expect(el.shadowRoot!.querySelector<HTMLSelectElement>('select#ouder-language')!.value).to.equal('en');
      expect(stored, 'nothing stored with storage="none"').to.deep.equal([]);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('shows no menu for a definition in one language', async () => {
    const el = await fixture<LitElement>(staticHtml`<ouder-peiling storage="none" .definition=${dutchOnly}></ouder-peiling>`);
    await until(() => !!el.shadowRoot?.querySelector('form'), 3000, 'the poll');
    expect(el.shadowRoot!.querySelector('select#ouder-language')).to.equal(null);
  });
});
