import type { LocalizedText } from '../schema-types.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { nl } from './nl.js';
import type { Plural, Register, Registers, Translation } from './translation.js';

export type { Plural, Register, Registers, Translation } from './translation.js';

/**
 * The languages the widgets speak: the locale their dates and numbers are written in, and
 * whether they run right-to-left. A new language is one line here, one file in this folder and
 * one per widget (`src/<widget>/i18n/<code>.ts`); the type checker names every place still
 * without it.
 */
const registry = {
  nl: { locale: 'nl-NL' },
  en: { locale: 'en-GB' },
  ar: { locale: 'ar', rtl: true },
} as const satisfies Record<string, { locale: string; rtl?: true }>;

export type Language = keyof typeof registry;
export const languages = Object.keys(registry) as Language[];
export const defaultLanguage: Language = 'nl';

/** Reduces any BCP 47 tag to a supported language: `en-GB` → `en`, unknown → `nl`. */
export function toLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base in registry ? (base as Language) : defaultLanguage;
}

/** `u` when asked for, else the default `je`. */
export function toRegister(value: string | null | undefined): Register {
  return value?.trim().toLowerCase() === 'u' ? 'u' : 'je';
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return (registry[language as Language] as { rtl?: true } | undefined)?.rtl ? 'rtl' : 'ltr';
}

/** The locale dates and numbers are written in: one style per language (en-GB for English). */
export function localeOf(language: Language): string {
  return registry[language].locale;
}

/** A widget's strings in every language, Dutch in both registers. */
export type Strings<T> = { nl: Registers<T> } & { [L in Exclude<Language, 'nl'>]: T };

/**
 * Declares a widget's own strings for every language, typed by its nl reference, so a missing
 * translation or register fails the type check.
 */
export function defineStrings<T>(strings: Strings<T>): (language: Language, register?: Register) => T {
  return (language, register = 'je') => (language === 'nl' ? strings.nl[register] : strings[language]);
}

/** The core's strings. */
export const translationFor = defineStrings<Translation>({ nl, en, ar });

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

/** Text from a definition, and the language it is in (to mark it when it is not the widget's). */
export interface Localized {
  text: string;
  lang: string;
}

/**
 * Picks a user-facing string from a definition value: by language, with nl and then the first
 * key as fallback. A plain string is Dutch, the contract's default language.
 */
export function localize(text: LocalizedText | undefined, language: Language): Localized {
  if (typeof text !== 'object') return { text: text ?? '', lang: text === undefined ? language : defaultLanguage };
  const lang = [language, defaultLanguage, ...Object.keys(text)].find((key) => text[key]) ?? language;
  return { text: text[lang] ?? '', lang };
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** Chooses the plural form for `count` and fills in `{n}`. */
export function plural(forms: Plural, count: number, language: Language): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const form = forms[rules.select(count) as keyof typeof forms] ?? forms.other;
  return form.replace('{n}', new Intl.NumberFormat(localeOf(language)).format(count));
}

/**
 * Fills the `{name}` places of a message. The values may be templates (a definition's text in
 * its own language), so the result is a list of parts for Lit to render.
 */
export function format<V>(message: string, values: Record<string, V>): (string | V)[] {
  return message.split(/\{(\w+)\}/).map((part, index) => (index % 2 ? values[part] : part));
}
