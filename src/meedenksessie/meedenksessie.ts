import * as read from '../core/definition.js';
import { dayTimeSeparator, formatClock, formatDay, hourSuffix } from '../core/i18n/dates.js';
import { directionOf, type Language } from '../core/i18n/index.js';
import {
  type MeedenksessieData,
  meedenksessieDataLimits,
  type MeedenksessieDefinition,
  type MeedenksessieSession,
} from '../core/schema-types.js';
import { checkLength, clean, parseEmail, parsePhone } from '../core/validators.js';

/**
 * The pure part of `<ouder-meedenksessie>`: reading the definition, the state of each session,
 * dates in words, checking what the parent typed, the payload, and the outcome per session.
 * The calendar file is in calendar.ts.
 */

export type { MeedenksessieDefinition, MeedenksessieSession };

// ---------------------------------------------------------------------------------------------
// Definition

function readSession(value: unknown, path: string): MeedenksessieSession {
  const fields = read.readObject(value, path);
  const start = read.readOptionalDate(fields.start, `${path}.start`);
  const end = read.readOptionalDate(fields.end, `${path}.end`);
  if (start === undefined) throw new read.DefinitionError(`${path}.start`, 'missing');
  if (end === undefined) throw new read.DefinitionError(`${path}.end`, 'missing');
  // A session that ends before it starts would make an invalid calendar entry.
  if (Date.parse(end) <= Date.parse(start)) throw new read.DefinitionError(`${path}.end`, 'notDate');
  const session: MeedenksessieSession = {
    id: read.readId(fields.id, `${path}.id`),
    title: read.readText(fields.title, `${path}.title`),
    start,
    end,
  };
  if (fields.location !== undefined) {
    const location = read.readObject(fields.location, `${path}.location`);
    session.location = {
      name: read.readText(location.name, `${path}.location.name`),
      address: read.readOptionalText(location.address, `${path}.location.address`),
    };
  }
  session.online = read.readOptionalBoolean(fields.online, `${path}.online`);
  session.capacity = read.readOptionalInteger(fields.capacity, `${path}.capacity`);
  session.remaining = read.readOptionalInteger(fields.remaining, `${path}.remaining`);
  session.waitlist = read.readOptionalBoolean(fields.waitlist, `${path}.waitlist`);
  session.deadline = read.readOptionalDate(fields.deadline, `${path}.deadline`);
  return session;
}

/** Checks a raw definition against schemas/meedenksessie.definition.schema.json; names the field that is wrong. */
export function parseDefinition(raw: unknown): MeedenksessieDefinition {
  const [head, fields] = read.readFormHead(raw, 'meedenksessie');
  return {
    ...head,
    multiple: read.readOptionalBoolean(fields.multiple, 'multiple'),
    sessions: read.readItems(fields.sessions, 'sessions', readSession),
    roles: read.readOptions(fields.roles, 'roles', { optional: true }),
    needs: read.readOptions(fields.needs, 'needs', { optional: true }),
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

/**
 * "dinsdag 12 januari 2027, 19.30–21.30 uur"; a session over two days names both days. In a
 * right-to-left language the times are isolated left to right (U+2066 … U+2069), or the Arabic line
 * would show 21:30–19:30.
 */
export function formatSessionTime(start: string, end: string, language: Language): string {
  const from = new Date(start);
  const to = new Date(end);
  const suffix = hourSuffix[language] ?? '';
  const and = dayTimeSeparator[language] ?? ', ';
  const fromDay = formatDay(from, language, true);
  const toDay = formatDay(to, language, true);
  const [open, close] = directionOf(language) === 'rtl' ? ['\u2066', '\u2069'] : ['', ''];
  const clock = (date: Date) => formatClock(date, language);
  // A word joiner after the dash: a narrow screen never breaks 19:30–21:30 after its dash.
  return fromDay === toDay
    ? `${fromDay}${and}${open}${clock(from)}–\u2060${clock(to)}${close}${suffix}`
    : `${fromDay}${and}${open}${clock(from)}${close}${suffix} – ${toDay}${and}${open}${clock(to)}${close}${suffix}`;
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
export const limits = meedenksessieDataLimits;

export type Field = 'sessionIds' | 'name' | 'email' | 'phone' | 'gemeente' | 'remarks' | 'consent';
export type FieldProblem = 'required' | 'invalid' | 'too-long';
export type Problems = Partial<Record<Field, FieldProblem>>;

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

/** The fields in the order the form shows them. */
export const fields: readonly Field[] = ['sessionIds', 'name', 'email', 'phone', 'gemeente', 'remarks', 'consent'];

/** Maps a server error's `field` (a path into `data`) to a field of the form. */
export function fieldOf(path: string | undefined): Field | undefined {
  const head = path?.split(/[.[]/)[0];
  return fields.find((field) => field === head);
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
