import type { LocalizedText } from '../../../src/schema-types.js';

/** A text of a definition in one language ('' when it has none). A plain string is Dutch. */
export function textIn(text: LocalizedText | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return lang === 'nl' ? text : '';
  return text[lang] ?? '';
}

/** The text with `lang` set to `value`, as a map by language (the editor's working form). */
export function withText(text: LocalizedText | undefined, lang: string, value: string): Record<string, string> {
  const map: Record<string, string> = typeof text === 'string' ? { nl: text } : { ...(text ?? {}) };
  map[lang] = value;
  return map;
}

/** The languages that have a non-empty value in `text`. */
export function languagesIn(text: LocalizedText | undefined): string[] {
  if (text === undefined) return [];
  if (typeof text === 'string') return text.trim() ? ['nl'] : [];
  return Object.keys(text).filter((lang) => text[lang].trim() !== '');
}

/**
 * The text as it is stored: empty languages dropped, white space at the ends trimmed, a text in
 * Dutch only as a plain string. `undefined` when nothing is left.
 */
export function storedText(text: LocalizedText | undefined): LocalizedText | undefined {
  if (text === undefined) return undefined;
  const map = typeof text === 'string' ? { nl: text } : text;
  const kept = Object.entries(map)
    .map(([lang, value]) => [lang, value.trim()] as const)
    .filter(([, value]) => value !== '');
  if (kept.length === 0) return undefined;
  if (kept.length === 1 && kept[0][0] === 'nl') return kept[0][1];
  return Object.fromEntries(kept);
}

/** A value for ids and option values from a Dutch label: "Ouders met een kind" → "ouders-met-een-kind". */
export function slug(label: string, maxLength = 60): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3` … whichever is not in `taken`. */
export function unique(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
