/**
 * Dates as the editor sees them: a date and a time on the wall clock in the Netherlands
 * (Europe/Amsterdam, CET/CEST), whatever the computer's own time zone is; stored as ISO 8601 with
 * the offset of that moment, so `2027-03-01T19:30:00+01:00`. The clock itself is the server's
 * (server/src/mail/amsterdam.ts, pure code), so the console and the e-mails read it alike.
 */
import { fromWallClock, TIME_ZONE, wallClock } from '../../../src/mail/amsterdam.js';

/** Minutes that Amsterdam is ahead of UTC at this moment (60 in winter, 120 in summer). */
function offsetAt(moment: Date): number {
  const wall = wallClock(moment);
  return (Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(moment.getTime() / 1000) * 1000) / 60000;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * `('2027-03-01', '19:30')` → `'2027-03-01T19:30:00+01:00'`; `undefined` when the date or time
 * is not a real one. A time that does not exist in Amsterdam (the hour skipped in spring) moves
 * forward by that hour, as a clock does.
 */
export function amsterdamToIso(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return undefined;
  const wall = { year: +d[1], month: +d[2], day: +d[3], hour: +t[1], minute: +t[2] };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.hour > 23 || wall.minute > 59) return undefined;
  if (new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDate() !== wall.day) return undefined; // 31 April and the like
  const moment = fromWallClock(wall);
  const actual = wallClock(moment);
  return `${actual.year}-${pad(actual.month)}-${pad(actual.day)}T${pad(actual.hour)}:${pad(actual.minute)}:00${offsetText(offsetAt(moment))}`;
}

/** An ISO 8601 moment as the date and time it is in Amsterdam: `{ date: '2027-03-01', time: '19:30' }`. */
export function isoToAmsterdam(iso: string | undefined): { date: string; time: string } {
  const instant = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(instant)) return { date: '', time: '' };
  const wall = wallClock(new Date(instant));
  return { date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`, time: `${pad(wall.hour)}:${pad(wall.minute)}` };
}

const longDutch = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, dateStyle: 'full', timeStyle: 'short' });
const shortDutch = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });

/** "maandag 1 maart 2027 om 19:30" */
export function dutchDateTime(iso: string | undefined): string {
  const instant = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(instant) ? '' : longDutch.format(instant);
}

/** "1 mrt 2027, 19:30" (lists and tables) */
export function dutchShort(iso: string | undefined): string {
  const instant = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(instant) ? '' : shortDutch.format(instant);
}

export function isPast(iso: string | undefined, now = Date.now()): boolean {
  const instant = iso ? Date.parse(iso) : NaN;
  return !Number.isNaN(instant) && instant <= now;
}
