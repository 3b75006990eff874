import { readdirSync } from 'node:fs';
import type { LocalizedText } from '../content.js';
import { TIME_ZONE } from '../mail/amsterdam.js';
import type { Texts } from './texts.js';

export type { Texts, MailTexts, PageTexts } from './texts.js';

/** Every language file in this folder (`nl.js`, `en.js`, …): adding a language is adding a file. */
const found = await Promise.all(
  readdirSync(new URL('.', import.meta.url))
    .filter((file) => /^[a-z]{2,3}\.js$/.test(file))
    .sort()
    .map(async (file) => ((await import(new URL(file, import.meta.url).href)) as { default: Texts }).default),
);

const byLang = new Map(found.map((texts) => [texts.lang, texts]));
const reference = byLang.get('nl');
if (!reference) throw new Error('server/src/i18n/nl.ts is missing: it is the reference language.');

/** The languages the parents' pages and e-mails speak, Dutch first. */
export const languages: readonly Texts[] = [reference, ...found.filter((texts) => texts !== reference)];

/** Reduces any language tag to one the server speaks: `en-GB` → English, unknown → Dutch. */
export function textsFor(tag: unknown): Texts {
  const base = typeof tag === 'string' ? tag.trim().toLowerCase().split(/[-_]/)[0]! : '';
  return byLang.get(base) ?? reference!;
}

/** The first language of an Accept-Language header that the server speaks, else undefined. */
export function fromAcceptLanguage(header: string | undefined): Texts | undefined {
  for (const part of (header ?? '').split(',')) {
    const base = part.split(';')[0]!.trim().toLowerCase().split('-')[0]!;
    const texts = byLang.get(base);
    if (texts) return texts;
  }
  return undefined;
}

/** A definition text in this language: plain, or by language with Dutch, then the first key, as fallback. */
export function localized(text: LocalizedText | undefined, texts: Texts): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[texts.lang] ?? text.nl ?? Object.values(text)[0] ?? '';
}

function format(texts: Texts, options: Intl.DateTimeFormatOptions, date: Date): string {
  return new Intl.DateTimeFormat(texts.dates.locale, { timeZone: TIME_ZONE, ...options }).format(date);
}

/** "dinsdag 6 april 2027" in Amsterdam, where the sessions are. */
export function formatDay(texts: Texts, date: Date): string {
  return format(texts, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, date);
}

/** "dinsdag 6 april 2027, 19.00–21.00 uur"; a session over two days names both days. */
export function formatWhen(texts: Texts, start: string, end: string): string {
  const clock = (date: Date) => format(texts, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, date);
  const from = new Date(start);
  const to = new Date(end);
  const join = texts.dates.join;
  if (formatDay(texts, from) === formatDay(texts, to)) {
    return `${formatDay(texts, from)}${join}${texts.dates.clock(`${clock(from)}–${clock(to)}`)}`;
  }
  return `${formatDay(texts, from)}${join}${texts.dates.clock(clock(from))} – ${formatDay(texts, to)}${join}${texts.dates.clock(clock(to))}`;
}
