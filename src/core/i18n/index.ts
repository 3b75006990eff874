import type { LocalizedText } from '../schema-types.js';
import nl from './texts/nl.js';
import type { Plural, Register, Registers, Translation } from './translation.js';

export type { Plural, Register, Registers, Translation } from './translation.js';

/**
 * The languages the widgets speak: the locale their dates and numbers are written in, the
 * language's name in itself (for the parent's language menu), and whether it runs right-to-left. A new language is one line here, and one file for the core
 * (`texts/<code>.ts`), for each core part with words of its own (`outcome/`) and
 * for each widget (`src/<widget>/i18n/<code>.ts`): see docs/translating.md. The component tests
 * load every widget in every language here and fail on a file that is missing.
 */
const registry = {
  nl: { locale: 'nl-NL', name: 'Nederlands' },
  en: { locale: 'en-GB', name: 'English' },
  ar: { locale: 'ar', name: 'العربية', rtl: true },
  tr: { locale: 'tr-TR', name: 'Türkçe' },
  pl: { locale: 'pl-PL', name: 'Polski' },
  uk: { locale: 'uk-UA', name: 'Українська' },
} as const satisfies Record<string, { locale: string; name: string; rtl?: true }>;

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

/** The language's name in itself: "Nederlands", "Türkçe". */
export function nameOf(language: Language): string {
  return registry[language].name;
}

/**
 * The languages a definition has content in: Dutch (every text's fallback) and each language
 * that some text of it is written in (`{ "nl": …, "tr": … }`), in the registry's order.
 */
export function languagesIn(definition: unknown): Language[] {
  const found = new Set<string>([defaultLanguage]);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      if (entries.length > 0 && entries.every(([key, text]) => key in registry && typeof text === 'string')) {
        for (const [key] of entries) found.add(key);
      } else entries.forEach(([, item]) => walk(item));
    }
  };
  walk(definition);
  return languages.filter((language) => found.has(language));
}

/** The locale dates and numbers are written in: one style per language (en-GB for English). */
export function localeOf(language: Language): string {
  return registry[language].locale;
}

/**
 * Texts in every language: Dutch (both registers) is built in, every other language is its own
 * module, loaded the first time a widget needs it (a language chunk in the build, so a page pays
 * only for the languages it shows). `OuderElement` loads them before it renders in a language.
 */
export interface Texts<T> {
  /** The texts in `language`, once it is loaded (Dutch always is), Dutch in `register`. */
  (language: Language, register?: Register): T;
  /** Loads `language`; `undefined` when it is loaded already. */
  load(language: Language): Promise<void> | undefined;
}

/**
 * Declares a set of texts: the Dutch reference in both registers, and how to import any other
 * language's module. Write that import as a template literal of one folder,
 * ``import(`./i18n/${language}.ts`)``: the build (and Vite) turns the pattern into one chunk per
 * file in that folder, so a new language is a new file. Each module exports its texts as its
 * default, typed by the same interface, so a missing text fails the type check.
 */
export function defineStrings<T>(nl: Registers<T>, importLanguage: (language: Language) => Promise<{ default: T }>): Texts<T> {
  const loaded = new Map<Language, T>();
  const loading = new Map<Language, Promise<void>>();
  const texts = (language: Language, register: Register = 'je'): T => (language === 'nl' ? nl[register] : (loaded.get(language) ?? nl[register]));
  texts.load = (language: Language): Promise<void> | undefined => {
    if (language === 'nl' || loaded.has(language)) return undefined;
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

/** The core's strings. */
export const translationFor = defineStrings<Translation>(nl, (language) => import(`./texts/${language}.ts`));

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
