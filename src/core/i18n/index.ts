import type { LocalizedText } from '../schema-types.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { nl } from './nl.js';
import type { Plural, Translation } from './translation.js';

export type { Plural, Translation } from './translation.js';

export const languages = ['nl', 'en', 'ar'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nl';

const rightToLeft: ReadonlySet<Language> = new Set(['ar']);
const translations: Record<Language, Translation> = { nl, en, ar };

/** Reduces any BCP 47 tag to a supported language: `en-GB` → `en`, unknown → `nl`. */
export function toLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (languages as readonly string[]).includes(base) ? (base as Language) : defaultLanguage;
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return rightToLeft.has(language) ? 'rtl' : 'ltr';
}

export function translationFor(language: Language): Translation {
  return translations[language];
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
 * Declares a widget's own strings for every language, typed by its nl reference, so a missing
 * translation fails the type check.
 */
export function defineStrings<T>(strings: Record<Language, T>): (language: Language) => T {
  return (language) => strings[language];
}
