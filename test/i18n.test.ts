import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { OuderElement } from '../src/core/element.js';
import { defineStrings, type Language, languages, type Register, type Texts, translationFor } from '../src/core/i18n/index.js';
import { outcomeStrings } from '../src/core/outcome.js';
import { ervaringStrings } from '../src/ervaring/ervaring.i18n.js';
import { meedenksessieStrings } from '../src/meedenksessie/meedenksessie.i18n.js';
import { netwerkkaartStrings } from '../src/netwerkkaart/netwerkkaart.i18n.js';
import { peilingStrings } from '../src/peiling/peiling.i18n.js';
import { define } from '../src/core/register.js';
import { until } from './helpers/server.js';

/** A language import that resolves (or fails) when the test says so, and counts how often it was asked. */
function controlledImports() {
  const waiting = new Map<Language, { resolve: (texts: { hello: string }) => void; reject: (error: Error) => void }>();
  const asked: Language[] = [];
  const importLanguage = (language: Language) =>
    new Promise<{ default: { hello: string } }>((resolve, reject) => {
      asked.push(language);
      waiting.set(language, { resolve: (texts) => resolve({ default: texts }), reject });
    });
  return { importLanguage, asked, waiting };
}

const imports = controlledImports();
const greetings = defineStrings({ je: { hello: 'Hallo' }, u: { hello: 'Hallo' } }, imports.importLanguage);

/** The smallest widget: one greeting, in its language. */
class TestGreeting extends OuderElement {
  protected static override texts = [greetings];
  override render() {
    return litHtml`<p lang=${this.language}>${greetings(this.language).hello}</p>`;
  }
}
define('test-greeting', TestGreeting);

const text = (element: Element) => element.shadowRoot?.querySelector('p')?.textContent ?? '';

describe('languages loaded when a widget needs them', () => {
  const pageLanguage = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (pageLanguage === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLanguage);
  });

  it('has Dutch built in: nothing to load', async () => {
    const element = await fixture<TestGreeting>(html`<test-greeting lang="nl"></test-greeting>`);
    expect(text(element)).to.equal('Hallo');
    expect(element.language).to.equal('nl');
    expect(greetings.load('nl')).to.equal(undefined);
  });

  it('renders nothing until the texts of its language have arrived, then renders in that language', async () => {
    const element = document.createElement('test-greeting') as TestGreeting;
    element.lang = 'ar';
    document.body.append(element);
    try {
      await until(() => imports.waiting.has('ar'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(text(element), 'no Dutch while the Arabic texts load').to.equal('');
      imports.waiting.get('ar')!.resolve({ hello: 'مرحبا' });
      await element.updateComplete;
      expect(text(element)).to.equal('مرحبا');
      expect(element.language).to.equal('ar');
    } finally {
      element.remove();
    }
  });

  it('imports a language once, however many widgets ask for it', async () => {
    const before = imports.asked.filter((language) => language === 'ar').length;
    const elements = await Promise.all([1, 2, 3].map(() => fixture<TestGreeting>(html`<test-greeting lang="ar"></test-greeting>`)));
    expect(imports.asked.filter((language) => language === 'ar').length).to.equal(before);
    for (const element of elements) expect(text(element)).to.equal('مرحبا');
  });

  it('follows a page that switches <html lang>, once the new language has arrived', async () => {
    document.documentElement.setAttribute('lang', 'nl');
    const element = await fixture<TestGreeting>(html`<test-greeting></test-greeting>`);
    expect(text(element)).to.equal('Hallo');
    document.documentElement.setAttribute('lang', 'en');
    await until(() => imports.waiting.has('en'));
    expect(text(element), 'still Dutch until English is here').to.equal('Hallo');
    imports.waiting.get('en')!.resolve({ hello: 'Hello' });
    await until(() => text(element) === 'Hello');
    expect(element.language).to.equal('en');
    expect(element.shadowRoot!.querySelector('p')!.getAttribute('lang')).to.equal('en');
  });

  it('stays in the language it has when a language cannot be loaded, and says so on the console', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    const failing = controlledImports();
    const texts = defineStrings({ je: { hello: 'Hallo' }, u: { hello: 'Hallo' } }, failing.importLanguage);
    class FailingGreeting extends OuderElement {
      protected static override texts = [texts];
      override render() {
        return litHtml`<p>${texts(this.language).hello}</p>`;
      }
    }
    define('failing-greeting', FailingGreeting);
    try {
      const element = document.createElement('failing-greeting') as FailingGreeting;
      element.lang = 'en';
      document.body.append(element);
      await until(() => failing.waiting.has('en'));
      failing.waiting.get('en')!.reject(new TypeError('Failed to fetch dynamically imported module'));
      await until(() => text(element) !== '');
      expect(text(element)).to.equal('Hallo');
      expect(element.language).to.equal('nl');
      expect(String(warnings[0]?.[0])).to.contain("could not load the texts in 'en'");
      element.requestUpdate();
      await element.updateComplete;
      expect(failing.asked, 'not asked again on every render').to.deep.equal(['en']);
      element.remove();
    } finally {
      console.warn = warn;
    }
  });
});

/** Every text a widget can show, by name. */
const allStrings: Record<string, Texts<unknown>> = {
  core: translationFor,
  'outcome opt-in': outcomeStrings,
  peiling: peilingStrings,
  meedenksessie: meedenksessieStrings,
  ervaring: ervaringStrings,
  netwerkkaart: netwerkkaartStrings,
};

/** Each text of a set with where it is: plural forms and texts made by a function (with sample values) included. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[`${path}()`, String(value('{a}', '{b}'))]];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => texts(item, path ? `${path}.${key}` : key));
  return [];
}

/** The words that address a parent in each register; "je" as in "Je naam", not as in "meedenksessie". */
const addresses: Record<Register, RegExp> = {
  je: /(^|[^\p{L}])(je|jij|jou|jouw|jezelf)([^\p{L}]|$)/iu,
  u: /(^|[^\p{L}])(u|uw|uzelf)([^\p{L}]|$)/iu,
};

describe('texts', () => {
  before(() => Promise.all(Object.values(allStrings).flatMap((strings) => languages.map((language) => strings.load(language)))));

  for (const [name, strings] of Object.entries(allStrings)) {
    it(`${name}: the Dutch registers are complete: "u" never says je, "je" never says u`, () => {
      for (const [register, other] of [['u', 'je'], ['je', 'u']] as const) {
        const slips = texts(strings('nl', register)).filter(([, text]) => addresses[other].test(text));
        expect(slips, `register ${register} says ${other}:\n${slips.map(([path, text]) => `${path}: ${text}`).join('\n')}`).to.deep.equal([]);
      }
    });

    it(`${name}: every language has every text, none of them empty`, () => {
      const reference = texts(strings('nl')).map(([path]) => path);
      for (const language of languages) {
        const found = texts(strings(language));
        expect(found.map(([path]) => path), language).to.include.members(reference.filter((path) => !/\.(zero|two|few|many)$/.test(path)));
        expect(found.filter(([, text]) => text.trim() === '').map(([path]) => path), `${language}: empty`).to.deep.equal([]);
      }
    });
  }
});
