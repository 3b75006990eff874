import { type Language, localeOf } from './index.js';

/** Sessions, polls and deadlines are in the Netherlands: every moment is shown in its time. */
export const timeZone = 'Europe/Amsterdam';

/** A date formatter in the language's one style, in Dutch time. */
export function dateFormatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone, ...options });
}

/** "12 januari 2027", with the weekday when asked: "dinsdag 12 januari 2027". */
export function formatDay(date: Date, language: Language, weekday = false): string {
  return dateFormatter(language, { weekday: weekday ? 'long' : undefined, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/**
 * The time on a 24-hour clock in every language (so Arabic shows no bare "ص"), written as the
 * language does: Dutch "9.30" (Taalunie), "09:30" elsewhere.
 */
export function formatClock(date: Date, language: Language): string {
  const dutch = language === 'nl';
  const clock = dateFormatter(language, { hour: dutch ? 'numeric' : '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return dutch ? clock.replace(':', '.') : clock;
}

/** What follows a time ("19.30 uur"), and what joins a day to its time. */
export const hourSuffix: Partial<Record<Language, string>> = { nl: ' uur' };
export const dayTimeSeparator: Partial<Record<Language, string>> = { ar: '، ' };

/** "31 december 2027, 17.00 uur". */
export function formatMoment(date: Date, language: Language): string {
  return `${formatDay(date, language)}${dayTimeSeparator[language] ?? ', '}${formatClock(date, language)}${hourSuffix[language] ?? ''}`;
}

/**
 * A deadline as people say it. Midnight closes the day before, so a poll that closes at
 * 1 January 00:00 is open "tot en met 31 december" (`wholeDay`); any other moment is given with
 * its time.
 */
export function formatDeadline(iso: string, language: Language): { text: string; wholeDay: boolean } {
  const moment = new Date(iso);
  const wallClock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
  const midnight = wallClock.formatToParts(moment).every(({ type, value }) => type === 'literal' || Number(value) === 0);
  return midnight
    ? { text: formatDay(new Date(moment.getTime() - 1), language), wholeDay: true }
    : { text: formatMoment(moment, language), wholeDay: false };
}

/** A number of days as people say it: "2 jaar", "6 maanden", "3 weken", "10 dagen". */
export function formatDuration(days: number, language: Language): string {
  const [unit, count]: [string, number] =
    days % 365 === 0 ? ['year', days / 365] : days % 30 === 0 ? ['month', days / 30] : days % 7 === 0 ? ['week', days / 7] : ['day', days];
  return new Intl.NumberFormat(localeOf(language), { style: 'unit', unit, unitDisplay: 'long' }).format(count);
}
