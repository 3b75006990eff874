import { timeZone } from '../core/i18n/dates.js';
import { type Language, localize } from '../core/i18n/index.js';
import type { MeedenksessieDefinition, MeedenksessieSession } from '../core/schema-types.js';
import type { Outcome } from './meedenksessie.js';

/**
 * The "add to calendar" file (RFC 5545), made in the browser from the sessions the parent has a
 * place in.
 */

export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  location?: string;
  description?: string;
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line to at most 75 octets per line (RFC 5545 §3.1), never inside a UTF-8
 * character; each continuation starts with one space.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (value: number) => String(value).padStart(2, '0');

/** UTC date-time, `20270112T183000Z`. */
export function utcStamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Local time in Amsterdam, `20270112T193000`, for `DTSTART;TZID=Europe/Amsterdam`. */
export function amsterdamStamp(date: Date): string {
  const part = Object.fromEntries(wallClock.formatToParts(date).map(({ type, value }) => [type, value]));
  return `${part.year}${part.month}${part.day}T${part.hour}${part.minute}${part.second}`;
}

/** Europe/Amsterdam since 1996: CET in winter, CEST from the last Sunday of March to the last Sunday of October. */
const amsterdamZone = [
  'BEGIN:VTIMEZONE',
  `TZID:${timeZone}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A whole `.ics` file: CRLF line endings, folded lines, one VEVENT per event. */
export function calendarFile(events: readonly CalendarEvent[], now: Date = new Date()): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ouderstem//ouder-meedenksessie//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...amsterdamZone];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART;TZID=${timeZone}:${amsterdamStamp(new Date(event.start))}`,
      `DTEND;TZID=${timeZone}:${amsterdamStamp(new Date(event.end))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Where a session takes place, in one line: "Bibliotheek, Stationsplein 1, Utrecht", or "online". */
export function placeOf(session: MeedenksessieSession, language: Language, online: string): string {
  const parts: string[] = [];
  if (session.location) {
    parts.push(localize(session.location.name, language).text);
    if (session.location.address) parts.push(localize(session.location.address, language).text);
  }
  if (session.online) parts.push(online);
  return parts.join(', ');
}

export interface CalendarWords {
  online: string;
  cancel: (url: string) => string;
}

/**
 * Calendar events for the sessions the parent has a place in. A place on the waiting list is no
 * appointment yet, and an answer without detail says nothing of a place: neither goes in.
 */
export function calendarEvents(
  definition: MeedenksessieDefinition,
  signedUp: readonly { id: string; outcome: Outcome }[],
  language: Language,
  words: CalendarWords,
  cancelUrl?: string,
): CalendarEvent[] {
  return signedUp.flatMap(({ id, outcome }) => {
    const session = definition.sessions.find((candidate) => candidate.id === id);
    if (!session || outcome !== 'confirmed') return [];
    const notes = [localize(definition.title, language).text];
    if (cancelUrl) notes.push(words.cancel(cancelUrl));
    return [
      {
        uid: `${definition.id}.${session.id}@ouderstem`,
        start: session.start,
        end: session.end,
        summary: localize(session.title, language).text,
        location: placeOf(session, language, words.online) || undefined,
        description: notes.join('\n\n'),
      },
    ];
  });
}
