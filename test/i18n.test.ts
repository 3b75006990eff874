import { expect } from '@open-wc/testing';
import { defineStrings, languages, type Register, translationFor } from '../src/core/i18n/index.js';
import { problemWords } from '../src/core/i18n/problems.js';
import { outcomeStrings } from '../src/core/outcome.js';
import { ervaringStrings } from '../src/ervaring/i18n/index.js';
import { meedenksessieStrings } from '../src/meedenksessie/i18n/index.js';
import { netwerkkaartStrings } from '../src/netwerkkaart/netwerkkaart.i18n.js';
import { peilingStrings } from '../src/peiling/i18n/index.js';

/** Every text a widget can show, by name. */
const allStrings: Record<string, ReturnType<typeof defineStrings<unknown>>> = {
  core: translationFor,
  'outcome opt-in': outcomeStrings,
  peiling: peilingStrings,
  meedenksessie: meedenksessieStrings,
  ervaring: ervaringStrings,
  netwerkkaart: netwerkkaartStrings,
  'definition problems': problemWords,
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
