/** What every result view and export shares: one consistent read, Dutch labels, Amsterdam time, the filter. */
import type { Database, Queryable } from '../db.js';
import type { LocalizedText, Option } from '../content.js';
import { fromWallClock, wallClock } from '../mail/amsterdam.js';
import { refuse } from '../beheer/input.js';
import type { Problem } from '../messages.js';

/**
 * Runs `work` on one snapshot of the database: every query in it sees the same committed data, so
 * the rows and the totals of an export (or a view) always agree, whatever is submitted meanwhile.
 */
export function snapshot<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return work(tx);
  });
}

/** A definition's text in Dutch (the console's language), else its first language. */
export function dutch(value: LocalizedText | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value.nl ?? Object.values(value)[0] ?? '');
}

/** The label of a value among `{ value, label }` options, or the value itself when it is no longer offered. */
export function labelOf(options: readonly Option[] | undefined, value: string): string {
  const option = options?.find((candidate) => candidate.value === value);
  return option ? dutch(option.label) : value;
}

const LANGUAGE_NAMES: Record<string, string> = { nl: 'Nederlands', en: 'Engels', ar: 'Arabisch' };

/** A parent's language by its name in Dutch; `onbekend` for answers from before it was kept. */
export function languageName(lang: string | null | undefined): string {
  if (!lang) return 'onbekend';
  return LANGUAGE_NAMES[lang] ?? lang;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `01-03-2027 19:30`: a moment as Dutch people read it, on the Amsterdam clock. */
export function localDateTime(date: Date): string {
  const clock = wallClock(date);
  return `${two(clock.day)}-${two(clock.month)}-${clock.year} ${two(clock.hour)}:${two(clock.minute)}`;
}

/** `01-03-2027`: the Amsterdam date of a moment. */
export function localDate(date: Date): string {
  const clock = wallClock(date);
  return `${two(clock.day)}-${two(clock.month)}-${clock.year}`;
}

/** `2027-03-01`: the Amsterdam day of a moment, as a sortable key. */
export function dayKey(date: Date): string {
  const clock = wallClock(date);
  return `${clock.year}-${two(clock.month)}-${two(clock.day)}`;
}

/** The day after an ISO day key (`2027-03-01` → `2027-03-02`). */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, date! + 1)).toISOString().slice(0, 10);
}

/** The moment an Amsterdam day begins. */
export function startOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return fromWallClock({ year: year!, month: month!, day: date!, hour: 0, minute: 0 });
}

/** What a results view or export is narrowed to: a period (Amsterdam days, both included) and a language. */
export interface ResultFilter {
  from?: string;
  to?: string;
  lang?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(day: string): boolean {
  return DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}

/** Reads `from`, `to` and `lang` from a query string; 422 naming the field for anything else. */
export function filterOf(query: Record<string, unknown>): ResultFilter {
  const problems: Problem[] = [];
  const filter: ResultFilter = {};
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !validDay(value)) {
      problems.push({ field: key, code: 'invalid-date', message: `Kies een ${key === 'from' ? 'begindatum' : 'einddatum'} als jjjj-mm-dd, bijvoorbeeld 2027-03-01.` });
    } else filter[key] = value;
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    problems.push({ field: 'to', code: 'invalid-date', message: 'De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.' });
  }
  const lang = query.lang;
  if (lang !== undefined && lang !== '') {
    if (typeof lang !== 'string' || !/^[a-z]{2,3}$/.test(lang)) problems.push({ field: 'lang', code: 'invalid-value', message: 'Kies een taal, zoals nl, en of ar.' });
    else filter.lang = lang;
  }
  if (problems.length > 0) refuse(problems);
  return filter;
}

/** SQL conditions for a filter on a table with `created_at` and `lang`, with their parameters from `$first` on. */
export function filterSql(filter: ResultFilter, first: number): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.from) {
    params.push(startOfDay(filter.from));
    conditions.push(`created_at >= $${first + params.length - 1}`);
  }
  if (filter.to) {
    params.push(startOfDay(nextDay(filter.to)));
    conditions.push(`created_at < $${first + params.length - 1}`);
  }
  if (filter.lang) {
    params.push(filter.lang);
    conditions.push(`lang = $${first + params.length - 1}`);
  }
  return { sql: conditions.map((condition) => ` AND ${condition}`).join(''), params };
}

/** Text compared as people search it: case, accents and surrounding space ignored. */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** `Date` + whole days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
