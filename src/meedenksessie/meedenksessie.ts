import {
  DefinitionError,
  readList,
  readObject,
  readOptionalBoolean,
  readOptionalDate,
  readOptionalNumber,
  readOptionalText,
  readOptions,
  readString,
  readText,
  requireUniqueIds,
} from '../core/definition.js';
import { type Language, localize } from '../core/i18n/index.js';
import type { MeedenksessieData, MeedenksessieDefinition, MeedenksessieSession } from '../core/schema-types.js';
import { checkLength, clean, parseEmail, parsePhone } from '../core/validators.js';

/**
 * The pure part of `<ouder-meedenksessie>`: reading the definition, the state of each session,
 * dates in words, checking what the parent typed, the payload, and the calendar file.
 */

export type { MeedenksessieDefinition, MeedenksessieSession };

// ---------------------------------------------------------------------------------------------
// Definition

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

function readId(value: unknown, path: string): string {
  const id = readString(value, path);
  if (!idPattern.test(id)) throw new DefinitionError(path, 'notText');
  return id;
}

function readCount(value: unknown, path: string): number | undefined {
  const count = readOptionalNumber(value, path);
  if (count !== undefined && (!Number.isInteger(count) || count < 0)) throw new DefinitionError(path, 'notNumber');
  return count;
}

function readSession(value: unknown, path: string): MeedenksessieSession {
  const fields = readObject(value, path);
  const start = readOptionalDate(fields.start, `${path}.start`);
  const end = readOptionalDate(fields.end, `${path}.end`);
  if (start === undefined) throw new DefinitionError(`${path}.start`, 'missing');
  if (end === undefined) throw new DefinitionError(`${path}.end`, 'missing');
  // A session that ends before it starts would make an invalid calendar entry.
  if (Date.parse(end) <= Date.parse(start)) throw new DefinitionError(`${path}.end`, 'notDate');
  const session: MeedenksessieSession = {
    id: readId(fields.id, `${path}.id`),
    title: readText(fields.title, `${path}.title`),
    start,
    end,
  };
  if (fields.location !== undefined) {
    const location = readObject(fields.location, `${path}.location`);
    session.location = {
      name: readText(location.name, `${path}.location.name`),
      address: readOptionalText(location.address, `${path}.location.address`),
    };
  }
  session.online = readOptionalBoolean(fields.online, `${path}.online`);
  session.capacity = readCount(fields.capacity, `${path}.capacity`);
  session.remaining = readCount(fields.remaining, `${path}.remaining`);
  session.waitlist = readOptionalBoolean(fields.waitlist, `${path}.waitlist`);
  session.deadline = readOptionalDate(fields.deadline, `${path}.deadline`);
  return session;
}

/** Checks a raw definition against schemas/meedenksessie.definition.schema.json; names the field that is wrong. */
export function parseDefinition(raw: unknown): MeedenksessieDefinition {
  const fields = readObject(raw, 'definition');
  if (fields.type !== 'meedenksessie') throw new DefinitionError('type', { oneOf: ['meedenksessie'] });
  const sessions = readList(fields.sessions, 'sessions', { nonEmpty: true }).map((session, index) =>
    readSession(session, `sessions[${index}]`),
  );
  requireUniqueIds(sessions, 'sessions');
  return {
    type: 'meedenksessie',
    id: readId(fields.id, 'id'),
    title: readText(fields.title, 'title'),
    intro: readOptionalText(fields.intro, 'intro'),
    multiple: readOptionalBoolean(fields.multiple, 'multiple'),
    sendsMail: readOptionalBoolean(fields.sendsMail, 'sendsMail'),
    outcomeOptIn: readOptionalBoolean(fields.outcomeOptIn, 'outcomeOptIn'),
    sessions,
    roles: readOptions(fields.roles, 'roles', { optional: true }),
    needs: readOptions(fields.needs, 'needs', { optional: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// Session state

/**
 * - `open`: places left (or no limit);
 * - `few`: at most `fewPlaces` left;
 * - `waitlist`: full, the parent may join the waiting list;
 * - `full`: full, no waiting list;
 * - `closed`: the deadline passed or the session started;
 * - `past`: over; not offered at all.
 */
export type SessionStatus = 'open' | 'few' | 'waitlist' | 'full' | 'closed' | 'past';

/** At or below this many places left, the list says so with emphasis. */
export const fewPlaces = 5;

export function sessionStatus(session: MeedenksessieSession, now: number = Date.now()): SessionStatus {
  if (Date.parse(session.end) <= now) return 'past';
  if (Date.parse(session.deadline ?? session.start) <= now || Date.parse(session.start) <= now) return 'closed';
  const { remaining } = session;
  if (remaining === 0) return session.waitlist ? 'waitlist' : 'full';
  if (remaining !== undefined && remaining <= fewPlaces) return 'few';
  return 'open';
}

/** Whether a parent can choose this session (a place, or a place on the waiting list). */
export function isSelectable(status: SessionStatus): boolean {
  return status === 'open' || status === 'few' || status === 'waitlist';
}

/** The sessions still worth showing, soonest first. */
export function upcomingSessions(sessions: readonly MeedenksessieSession[], now: number = Date.now()) {
  return sessions
    .filter((session) => sessionStatus(session, now) !== 'past')
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

// ---------------------------------------------------------------------------------------------
// Dates in words, always in the time zone of the sessions

export const timeZone = 'Europe/Amsterdam';

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB', ar: 'ar' };
const hourSuffix: Partial<Record<Language, string>> = { nl: ' uur' };
const comma: Partial<Record<Language, string>> = { ar: '، ' };

function formatter(language: Language, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locales[language], { timeZone, ...options });
}

/** "dinsdag 12 januari 2027, 19.30–21.30 uur"; a session over two days names both days. */
export function formatSessionTime(start: string, end: string, language: Language): string {
  const day = formatter(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = formatter(language, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
  // Dutch writes 19.30 uur (Taalunie); Intl writes 19:30.
  const clock = (date: Date) => (language === 'nl' ? time.format(date).replace(':', '.') : time.format(date));
  const from = new Date(start);
  const to = new Date(end);
  const suffix = hourSuffix[language] ?? '';
  const and = comma[language] ?? ', ';
  const fromDay = day.format(from);
  const toDay = day.format(to);
  return fromDay === toDay
    ? `${fromDay}${and}${clock(from)}–${clock(to)}${suffix}`
    : `${fromDay}${and}${clock(from)}${suffix} – ${toDay}${and}${clock(to)}${suffix}`;
}

/** The date-time for a `<time datetime>`: the moment itself, machine-readable. */
export function isoMoment(value: string): string {
  return new Date(value).toISOString();
}

// ---------------------------------------------------------------------------------------------
// What the parent fills in

export interface Answers {
  sessionIds: string[];
  name: string;
  email: string;
  phone: string;
  role: string;
  gemeente: string;
  needs: string[];
  remarks: string;
  consent: boolean;
}

export const emptyAnswers = (): Answers => ({
  sessionIds: [],
  name: '',
  email: '',
  phone: '',
  role: '',
  gemeente: '',
  needs: [],
  remarks: '',
  consent: false,
});

/** Limits of schemas/submission.schema.json#/$defs/meedenksessieData. */
export const limits = { name: 200, gemeente: 100, remarks: 2000 } as const;

export type Field = 'sessionIds' | 'name' | 'email' | 'phone' | 'gemeente' | 'remarks' | 'consent';
export type Problem = 'required' | 'invalid' | 'too-long';
export type Problems = Partial<Record<Field, Problem>>;

/** Checks the answers against the sessions that can still be chosen; an empty result means: send. */
export function validate(answers: Answers, selectableIds: ReadonlySet<string>): Problems {
  const problems: Problems = {};
  if (!answers.sessionIds.some((id) => selectableIds.has(id))) problems.sessionIds = 'required';
  const name = checkLength(answers.name, { required: true, max: limits.name });
  if (name) problems.name = name === 'too-long' ? 'too-long' : 'required';
  if (answers.email.trim() === '') problems.email = 'required';
  else if (!parseEmail(answers.email)) problems.email = 'invalid';
  if (answers.phone.trim() !== '' && !parsePhone(answers.phone)) problems.phone = 'invalid';
  if (checkLength(answers.gemeente, { max: limits.gemeente })) problems.gemeente = 'too-long';
  if (checkLength(answers.remarks, { max: limits.remarks })) problems.remarks = 'too-long';
  if (!answers.consent) problems.consent = 'required';
  return problems;
}

/** The `data` of the submission: cleaned, optional fields left out when empty. */
export function toData(answers: Answers, selectableIds: ReadonlySet<string>, waitlist: boolean): MeedenksessieData {
  const data: MeedenksessieData = {
    sessionIds: answers.sessionIds.filter((id) => selectableIds.has(id)),
    name: clean(answers.name),
    email: parseEmail(answers.email) ?? answers.email.trim(),
    consent: true,
  };
  const phone = answers.phone.trim() && parsePhone(answers.phone);
  if (phone) data.phone = phone;
  if (answers.role) data.role = answers.role;
  if (clean(answers.gemeente)) data.gemeente = clean(answers.gemeente);
  if (answers.needs.length > 0) data.needs = [...answers.needs];
  if (answers.remarks.trim()) data.remarks = answers.remarks.trim();
  if (waitlist) data.waitlist = true;
  return data;
}

/** Maps a server error's `field` (a path into `data`) to a field of the form. */
export function fieldOf(path: string | undefined): Field | undefined {
  const head = path?.split(/[.[]/)[0];
  const fields: readonly string[] = ['sessionIds', 'name', 'email', 'phone', 'gemeente', 'remarks', 'consent'];
  return head && fields.includes(head) ? (head as Field) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Outcome per session, from the server's answer

export type Outcome = 'confirmed' | 'waitlisted' | 'sent';

/**
 * What the answer says per chosen session. An answer without detail (a bare 201, or a
 * submission that another tab delivered) says only that it was sent.
 */
export function outcomes(
  sessionIds: readonly string[],
  answer: { status?: Outcome; sessions?: { id: string; status: Outcome }[] },
): { id: string; outcome: Outcome }[] {
  return sessionIds.map((id) => ({
    id,
    outcome: answer.sessions?.find((session) => session.id === id)?.status ?? answer.status ?? 'sent',
  }));
}

/**
 * The server's cancel link, only when it is a web address (never `javascript:` or `data:`). A
 * relative link is relative to the endpoint, which may itself be relative to the page.
 */
export function webLink(value: unknown, endpoint: string | undefined, page: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value, new URL(endpoint ?? '', page));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar file (RFC 5545)

export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  location?: string;
  description?: string;
  /** Waiting-list places are tentative. */
  tentative?: boolean;
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
    lines.push(`STATUS:${event.tentative ? 'TENTATIVE' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Where a session takes place, in one line: "Bibliotheek, Stationsplein 1, Utrecht", or "online". */
export function placeOf(session: MeedenksessieSession, language: Language, online: string): string {
  const parts: string[] = [];
  if (session.location) {
    parts.push(localize(session.location.name, language));
    if (session.location.address) parts.push(localize(session.location.address, language));
  }
  if (session.online) parts.push(online);
  return parts.join(', ');
}

export interface CalendarWords {
  online: string;
  waitlisted: string;
  cancel: (url: string) => string;
}

/** Calendar events for the sessions the parent signed up for (a place or the waiting list). */
export function calendarEvents(
  definition: MeedenksessieDefinition,
  signedUp: readonly { id: string; outcome: Outcome }[],
  language: Language,
  words: CalendarWords,
  cancelUrl?: string,
): CalendarEvent[] {
  return signedUp.flatMap(({ id, outcome }) => {
    const session = definition.sessions.find((candidate) => candidate.id === id);
    if (!session) return [];
    const notes = [localize(definition.title, language)];
    if (outcome === 'waitlisted') notes.push(words.waitlisted);
    if (cancelUrl) notes.push(words.cancel(cancelUrl));
    return [
      {
        uid: `${definition.id}.${session.id}@ouderstem`,
        start: session.start,
        end: session.end,
        summary: localize(session.title, language),
        location: placeOf(session, language, words.online) || undefined,
        description: notes.join('\n\n'),
        tentative: outcome === 'waitlisted',
      },
    ];
  });
}
