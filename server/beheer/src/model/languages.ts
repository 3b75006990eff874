/**
 * The languages a form can be written in. Dutch is always there (it is the fallback of every
 * text); the others are the languages the widgets speak, so a parent who reads a form in one of
 * them also gets the buttons and messages in it.
 */
export interface FormLanguage {
  code: string;
  /** The name in Dutch, for the console. */
  name: string;
  /** The name in the language itself, for the tab (with `lang` set on it). */
  own: string;
  dir: 'ltr' | 'rtl';
}

export const DUTCH: FormLanguage = { code: 'nl', name: 'Nederlands', own: 'Nederlands', dir: 'ltr' };

export const LANGUAGES: readonly FormLanguage[] = [
  DUTCH,
  { code: 'en', name: 'Engels', own: 'English', dir: 'ltr' },
  { code: 'ar', name: 'Arabisch', own: 'العربية', dir: 'rtl' },
  { code: 'tr', name: 'Turks', own: 'Türkçe', dir: 'ltr' },
  { code: 'pl', name: 'Pools', own: 'Polski', dir: 'ltr' },
  { code: 'uk', name: 'Oekraïens', own: 'Українська', dir: 'ltr' },
];

export function languageOf(code: string): FormLanguage {
  return LANGUAGES.find((language) => language.code === code) ?? { code, name: code, own: code, dir: 'ltr' };
}
