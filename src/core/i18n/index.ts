import type { LocalizedText } from '../schema-types.js';
import nl from './texts/nl.js';
import type { Plural, Translation } from './translation.js';

export type { Plural, Translation } from './translation.js';

export const languages = ['nl', 'en', 'ar'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nl';

const rightToLeft: ReadonlySet<Language> = new Set(['ar']);

/** Reduces any BCP 47 tag to a supported language: `en-GB` → `en`, unknown → `nl`. */
export function toLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (languages as readonly string[]).includes(base) ? (base as Language) : defaultLanguage;
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return rightToLeft.has(language) ? 'rtl' : 'ltr';
}

/**
 * The language tag that applies to an element: its own `lang`, else the nearest ancestor's
 * (crossing shadow roots), else `<html lang>`.
 */
export function inheritedLanguageTag(start: Node): string | undefined {
  let node: Node | null = start;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/** Picks a user-facing string from a definition value: plain, or by language with nl, then first key, as fallback. */
export function localize(text: LocalizedText | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text[defaultLanguage] ?? Object.values(text)[0] ?? '';
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** Chooses the plural form for `count` and fills in `{n}`. */
export function plural(forms: Plural, count: number, language: Language): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const category = rules.select(count) as keyof Plural;
  const form = forms[category] ?? forms.other;
  return form.replace('{n}', new Intl.NumberFormat(language).format(count));
}

/**
 * Texts in every language: Dutch is built in, every other language is its own module, loaded
 * the first time a widget needs it (a language chunk in the build, so a page pays only for the
 * languages it shows). `OuderElement` loads them before it renders in a language.
 */
export interface Texts<T> {
  /** The texts in `language`, once it is loaded (Dutch always is). */
  (language: Language): T;
  /** Loads `language`; `undefined` when it is loaded already. */
  load(language: Language): Promise<void> | undefined;
}

/**
 * Declares a set of texts: the Dutch reference, and how to import any other language's module.
 * Write that import as a template literal of one folder, ``import(`./i18n/${language}.ts`)``:
 * the build (and Vite) turns the pattern into one chunk per file in that folder, so a new
 * language is a new file. Each module exports its texts as its default, typed by the same
 * interface, so a missing text fails the type check.
 */
export function defineStrings<T>(nl: T, importLanguage: (language: Language) => Promise<{ default: T }>): Texts<T> {
  const loaded = new Map<Language, T>([['nl', nl]]);
  const loading = new Map<Language, Promise<void>>();
  const texts = (language: Language): T => loaded.get(language) ?? nl;
  texts.load = (language: Language): Promise<void> | undefined => {
    if (loaded.has(language)) return undefined;
    let pending = loading.get(language);
    if (!pending) {
      pending = importLanguage(language)
        .then((module) => {
          loaded.set(language, module.default);
        })
        .finally(() => loading.delete(language));
      loading.set(language, pending);
    }
    return pending;
  };
  return texts;
}

/** A widget that loads texts before it renders in a language: a controller that shows its own adds them. */
export interface TextsHost {
  addTexts(texts: Texts<unknown>): void;
}

/** The core's texts. */
export const translationFor = defineStrings<Translation>(nl, (language) => import(`./texts/${language}.ts`));
