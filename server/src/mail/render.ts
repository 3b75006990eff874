import type { Queryable } from '../db.js';
import type { Form, LocalizedText, MeedenksessieDefinition, MeedenksessieSession } from '../content.js';
import { formatCode } from '../codes.js';
import { formatDay, formatWhen, localized, textsFor, type Texts } from '../i18n/index.js';
import { calendarFile, type CalendarEvent, type CalendarMethod } from './calendar.js';
import type { OutboxRow } from './outbox.js';
import { addressOf, nameOf } from './settings.js';

/** A message ready for nodemailer: plain text and HTML from the same blocks, and a calendar file. */
export interface RenderedMail {
  to: string;
  subject: string;
  lang: string;
  text: string;
  html: string;
  calendar?: { text: string; method: CalendarMethod };
}

export type Rendering = { mail: RenderedMail } | { skip: string };

/** The pieces a message is made of; each becomes plain text and simple HTML. */
type Block =
  | { p: string }
  | { strong: string }
  | { session: { title: string; when: string; where: string; status?: string } }
  | { link: { label: string; url: string } }
  | { code: string };

/** A form by id, with the organisation it belongs to (whose relay sends its messages). */
export type FormLookup = (formId: string) => LookedUpForm | undefined | Promise<LookedUpForm | undefined>;
export type LookedUpForm = Form & { organisationId: string };

interface SignupRow {
  name: string;
  email: string;
  cancel_token: string;
}

interface SessionRow {
  session_id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
}

/** The calendar state of a form's sessions: how often each changed, and whether it was called off. */
interface SessionState {
  sequence: number;
  cancelled: boolean;
}

async function sessionStates(db: Queryable, formId: string): Promise<Map<string, SessionState>> {
  const { rows } = await db.query<{ session_id: string; sequence: number; cancelled_at: Date | null }>(
    'SELECT session_id, sequence, cancelled_at FROM sessions WHERE form_id = $1',
    [formId],
  );
  return new Map(rows.map((row) => [row.session_id, { sequence: row.sequence, cancelled: row.cancelled_at !== null }]));
}

/**
 * Builds one outbox message from what the database holds now; a message no longer wanted is
 * skipped. `from` is the sender it goes out as: the calendar entries name it as their organiser.
 */
export async function renderMail(db: Queryable, row: OutboxRow, form: Form, from: string): Promise<Rendering> {
  const texts = textsFor(row.lang);
  switch (row.kind) {
    case 'signup':
    case 'promoted':
    case 'reminder':
    case 'cancelled':
    case 'session-changed':
    case 'session-cancelled':
      return renderSignupMail(db, row, form, texts, from);
    case 'story':
      return renderStoryMail(db, row, form, texts);
    case 'outcome':
      return renderOutcomeMail(db, row, form, texts);
  }
}

async function renderSignupMail(db: Queryable, row: OutboxRow, form: Form, texts: Texts, from: string): Promise<Rendering> {
  const definition = form.definition as MeedenksessieDefinition;
  const signup = (
    await db.query<SignupRow>('SELECT name, email, cancel_token FROM signups WHERE submission_id = $1', [row.submission_id])
  ).rows[0];
  if (!signup) return { skip: 'the sign-up no longer exists' };
  const statuses = (
    await db.query<SessionRow>('SELECT session_id, status FROM signup_sessions WHERE submission_id = $1 ORDER BY seq', [row.submission_id])
  ).rows;
  const sessionOf = (id: string) => definition.sessions.find((session) => session.id === id);
  const states = await sessionStates(db, definition.id);
  const organizer = addressOf(from);
  const m = texts.mail;
  const formTitle = localized(definition.title, texts);
  const cancelUrl = `${row.base_url}/api/cancel/${signup.cancel_token}`;
  const cancel: Block[] = [{ p: m.cancelLink }, { link: { label: texts.pages.cancel.title, url: cancelUrl } }];
  const describe = (session: MeedenksessieSession, status?: string): Block => ({
    session: { title: localized(session.title, texts), when: formatWhen(texts, session.start, session.end), where: placeOf(session, form, texts), status },
  });
  const event = (session: MeedenksessieSession): CalendarEvent => ({
    uid: `${definition.id}.${session.id}@ouderstem`,
    sequence: states.get(session.id)?.sequence ?? 0,
    ...(organizer ? { organizer: { email: organizer, name: nameOf(from) } } : {}),
    start: session.start,
    end: session.end,
    summary: localized(session.title, texts),
    location: calendarPlace(session, form, texts),
    description: [formTitle, `${m.cancelLink}\n${cancelUrl}`].join('\n\n'),
    url: form.pageUrl ?? `${row.base_url}/f/${encodeURIComponent(definition.id)}`,
  });
  const greeting: Block = { p: m.greeting(signup.name) };
  const footer: Block = { p: m.footer(formTitle) };

  if (row.kind === 'signup') {
    const active = statuses.filter((status) => status.status !== 'cancelled' && sessionOf(status.session_id));
    if (active.length === 0) return { skip: 'every session of the sign-up was cancelled' };
    const confirmed = active.filter((status) => status.status === 'confirmed');
    const only = active.length === 1 ? localized(sessionOf(active[0]!.session_id)!.title, texts) : undefined;
    const [subject, intro] =
      confirmed.length === active.length
        ? [only ? m.signUp.confirmedSubject(only) : m.signUp.mixedSubject(formTitle), m.signUp.confirmedIntro]
        : confirmed.length === 0
          ? [only ? m.signUp.waitlistedSubject(only) : m.signUp.mixedSubject(formTitle), m.signUp.waitlistedIntro]
          : [m.signUp.mixedSubject(formTitle), m.signUp.mixedIntro];
    const blocks: Block[] = [
      greeting,
      { p: intro },
      ...active.map((status) => describe(sessionOf(status.session_id)!, status.status === 'confirmed' ? m.confirmed : m.waitlisted)),
      ...(confirmed.length > 0 ? [{ p: m.calendarAttached }] : []),
      ...cancel,
      footer,
    ];
    const calendar = confirmed.length > 0 ? publish(confirmed.map((status) => event(sessionOf(status.session_id)!))) : undefined;
    return { mail: compose(signup.email, subject, texts, blocks, calendar) };
  }

  const session = row.session_id === null ? undefined : sessionOf(row.session_id);
  if (row.kind === 'cancelled') {
    const cancelled = ((row.detail.sessionIds as string[] | undefined) ?? []).map(sessionOf).filter((item) => item !== undefined);
    if (cancelled.length === 0) return { skip: 'no session to name' };
    const subject = m.cancelled.subject(cancelled.length === 1 ? localized(cancelled[0]!.title, texts) : formTitle);
    const blocks: Block[] = [greeting, { p: m.cancelled.intro }, ...cancelled.map((item) => describe(item)), { p: m.cancelled.again }, footer];
    return { mail: compose(signup.email, subject, texts, blocks) };
  }

  if (!session) return { skip: `session ${row.session_id} no longer exists` };
  const status = statuses.find((item) => item.session_id === session.id)?.status;
  const title = localized(session.title, texts);

  if (row.kind === 'session-cancelled') {
    // Called off by the organiser: written to everyone who had a place or waited for one.
    const hadPlace = row.detail.hadPlace === true;
    const message = typeof row.detail.message === 'string' && row.detail.message ? row.detail.message : undefined;
    const c = m.sessionCancelled;
    const blocks: Block[] = [
      greeting,
      { p: c.intro },
      describe(session),
      ...(message ? [{ p: c.message }, { strong: message }] : []),
      { p: c.nothingToDo },
      ...(hadPlace ? [{ p: c.calendar }] : []),
      footer,
    ];
    const calendar = hadPlace ? { text: calendarFile([{ ...event(session), cancelled: true }], 'CANCEL'), method: 'CANCEL' as const } : undefined;
    return { mail: compose(signup.email, c.subject(title), texts, blocks, calendar) };
  }
  if (states.get(session.id)?.cancelled) return { skip: `session ${session.id} was called off` };

  if (row.kind === 'session-changed') {
    if (status !== 'confirmed' && status !== 'waitlisted') return { skip: `the place for ${session.id} is ${status ?? 'gone'}` };
    const before = row.detail.before as MeedenksessieSession | undefined;
    const c = m.sessionChanged;
    const blocks: Block[] = [
      greeting,
      { p: c.intro },
      describe(session, status === 'confirmed' ? m.confirmed : m.waitlisted),
      ...(before ? [{ p: c.before }, { p: [formatWhen(texts, before.start, before.end), placeOf({ ...before, online: false }, form, texts) || (before.online ? texts.mail.online : '')].filter(Boolean).join(', ') }] : []),
      ...(status === 'confirmed' ? [{ p: c.calendar }] : []),
      ...cancel,
      footer,
    ];
    return { mail: compose(signup.email, c.subject(title), texts, blocks, status === 'confirmed' ? publish([event(session)]) : undefined) };
  }

  if (status !== 'confirmed') return { skip: `the place for ${session.id} is ${status ?? 'gone'}` };

  if (row.kind === 'promoted') {
    const blocks: Block[] = [greeting, { p: m.promoted.intro }, describe(session, m.confirmed), { p: m.calendarAttached }, ...cancel, footer];
    return { mail: compose(signup.email, m.promoted.subject(title), texts, blocks, publish([event(session)])) };
  }

  if (Date.parse(session.start) <= Date.now()) return { skip: 'the session has started' };
  const today = row.detail.today === true;
  const subject = today ? m.reminder.todaySubject(title) : m.reminder.subject(title, formatDay(texts, new Date(session.start)));
  const blocks: Block[] = [greeting, { p: today ? m.reminder.todayIntro : m.reminder.intro }, describe(session), ...cancel, footer];
  return { mail: compose(signup.email, subject, texts, blocks) };
}

async function renderStoryMail(db: Queryable, row: OutboxRow, form: Form, texts: Texts): Promise<Rendering> {
  const story = (
    await db.query<{ contact_name: string | null; contact_email: string | null; withdraw_code: string }>(
      'SELECT contact_name, contact_email, withdraw_code FROM stories WHERE submission_id = $1',
      [row.submission_id],
    )
  ).rows[0];
  if (!story) return { skip: 'the story was withdrawn' };
  if (!story.contact_email) return { skip: 'the story has no e-mail address' };
  const m = texts.mail.story;
  const code = formatCode(story.withdraw_code, 4);
  const blocks: Block[] = [
    { p: texts.mail.greeting(story.contact_name ?? undefined) },
    { p: m.intro(localized(form.definition.title, texts)) },
    { p: m.code },
    { code },
    { p: m.howTo },
    { link: { label: texts.pages.withdraw.title, url: `${row.base_url}/intrekken?lang=${texts.lang}` } },
    { p: m.link },
    { link: { label: texts.pages.withdraw.confirmTitle, url: `${row.base_url}/api/withdraw/${code}` } },
    { p: m.keep },
    { p: texts.mail.footer(localized(form.definition.title, texts)) },
  ];
  return { mail: compose(story.contact_email, m.subject, texts, blocks) };
}

async function renderOutcomeMail(db: Queryable, row: OutboxRow, form: Form, texts: Texts): Promise<Rendering> {
  const subscriber = (await db.query<{ email: string }>('SELECT email FROM outcome_subscribers WHERE id = $1', [row.subscriber_id])).rows[0];
  if (!subscriber) return { skip: 'the address is gone' };
  const m = texts.mail.outcome;
  const formTitle = localized(form.definition.title, texts);
  const url = typeof row.detail.url === 'string' ? row.detail.url : undefined;
  const blocks: Block[] = [
    { p: texts.mail.greeting() },
    { p: m.intro(formTitle) },
    { strong: localized(row.detail.text as LocalizedText, texts) },
    ...(url ? [{ p: m.more }, { link: { label: formTitle, url } }] : []),
    { p: m.erased },
  ];
  return { mail: compose(subscriber.email, m.subject(formTitle), texts, blocks) };
}

/** The console's test message, in Dutch (to the beheerder who asked for it): it says where it came from and that all is well. */
export function renderTestMail(to: string, name: string, organisation: string, from: string): RenderedMail {
  const texts = textsFor('nl');
  const blocks: Block[] = [
    { p: texts.mail.greeting(name) },
    { p: `Dit is een testbericht uit de beheeromgeving van Ouderstem, voor ${organisation}.` },
    { p: `Komt dit bericht aan? Dan kan Ouderstem e-mail versturen als ${from}. Je hoeft verder niets te doen.` },
    { p: 'Je krijgt dit bericht omdat je zelf op "Stuur een testbericht" klikte.' },
  ];
  return compose(to, 'Testbericht van Ouderstem', texts, blocks);
}

function publish(events: CalendarEvent[]): RenderedMail['calendar'] {
  return { text: calendarFile(events, 'PUBLISH'), method: 'PUBLISH' };
}

/** "Wijkcentrum De Kronkel, Zuiderparklaan 200, Den Haag", or online with its link. */
function placeOf(session: MeedenksessieSession, form: Form, texts: Texts): string {
  const parts: string[] = [];
  if (session.location) {
    parts.push(localized(session.location.name, texts));
    if (session.location.address) parts.push(localized(session.location.address, texts));
  }
  if (session.online) {
    const link = form.onlineUrls[session.id];
    parts.push(link ? `${texts.mail.online}: ${link}` : texts.mail.onlineLater);
  }
  return parts.join(', ');
}

/** LOCATION of the calendar entry: the address, or the meeting link for an online session. */
function calendarPlace(session: MeedenksessieSession, form: Form, texts: Texts): string | undefined {
  if (session.location) return placeOf({ ...session, online: false }, form, texts);
  if (session.online) return form.onlineUrls[session.id] ?? texts.mail.online;
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function toText(block: Block, texts: Texts): string {
  if ('p' in block) return block.p;
  if ('strong' in block) return block.strong;
  if ('code' in block) return `    ${block.code}`;
  if ('link' in block) return block.link.url;
  const { title, when, where, status } = block.session;
  // A Dutch address inside an Arabic line keeps its own direction (first-strong isolate).
  const place = texts.dir === 'rtl' ? `\u2068${where}\u2069` : where;
  return [title, `${texts.mail.when}: ${when}`, where ? `${texts.mail.where}: ${place}` : '', status ?? ''].filter(Boolean).join('\n');
}

/** Links as full visible addresses (a parent sees where a link goes); plain elements, no images. */
function toHtml(block: Block, texts: Texts): string {
  if ('p' in block) return `<p>${escapeHtml(block.p)}</p>`;
  if ('strong' in block) return `<p><strong>${escapeHtml(block.strong)}</strong></p>`;
  if ('code' in block) return `<p class="code" dir="ltr"><strong>${escapeHtml(block.code)}</strong></p>`;
  if ('link' in block) return `<p><a href="${escapeHtml(block.link.url)}" dir="ltr">${escapeHtml(block.link.url)}</a></p>`;
  const { title, when, where, status } = block.session;
  return [
    `<h2 dir="auto">${escapeHtml(title)}</h2>`,
    '<p>',
    `${escapeHtml(texts.mail.when)}: ${escapeHtml(when)}`,
    where ? `<br>${escapeHtml(texts.mail.where)}: <bdi>${escapeHtml(where)}</bdi>` : '',
    status ? `<br><strong>${escapeHtml(status)}</strong>` : '',
    '</p>',
  ].join('');
}

function compose(to: string, subject: string, texts: Texts, blocks: Block[], calendar?: RenderedMail['calendar']): RenderedMail {
  const text = blocks.map((block) => toText(block, texts)).join('\n\n') + '\n';
  const html = `<!doctype html>
<html lang="${texts.lang}" dir="${texts.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title>
<style>body{font-family:system-ui,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1a1a1a;background:#fff;margin:0;padding:1rem}main{max-width:36rem}h1{font-size:1.375rem}h2{font-size:1.125rem;margin-bottom:0}a{color:#0b4f8a;word-break:break-all}.code{font-size:1.375rem;letter-spacing:.05em}</style>
</head>
<body><main><h1>${escapeHtml(subject)}</h1>
${blocks.map((block) => toHtml(block, texts)).join('\n')}
</main></body>
</html>
`;
  return { to, subject, lang: texts.lang, text, html, calendar };
}
