import { html, nothing } from 'lit';
import { type Choice, choiceGroup, type Content } from '../core/form.js';
import { type Language, plural, type Translation } from '../core/i18n/index.js';
import type { FieldError, LocalizedText, MeedenksessieDefinition, MeedenksessieSession } from '../core/schema-types.js';
import type { MeedenksessieStrings } from './meedenksessie.i18n.js';
import { formatSessionTime, isoMoment, isSelectable, type SessionStatus, sessionStatus, upcomingSessions } from './meedenksessie.js';

/** A session on offer, with its state as far as this page knows it. */
export interface Offered {
  session: MeedenksessieSession;
  status: SessionStatus;
}

/** A session the server refused while the parent was filling in the form. */
export interface Conflict {
  code: 'session-full' | 'deadline-passed';
  session: MeedenksessieSession;
}

/**
 * What the server said about sessions since the list was loaded: full (409 session-full) or
 * closed (409 deadline-passed). They stay so until the page is reloaded, also when a fresh list
 * still says otherwise for a moment.
 */
export class SessionTracker {
  private readonly full = new Set<string>();
  private readonly closed = new Set<string>();
  /** The first refused session, for the panel that says so. */
  conflict?: Conflict;

  /** Sessions still worth showing, soonest first, with what the server told us. */
  offered(definition: MeedenksessieDefinition): Offered[] {
    return upcomingSessions(definition.sessions).map((session) => {
      let status = sessionStatus(session);
      if (isSelectable(status) && this.closed.has(session.id)) status = 'closed';
      else if (isSelectable(status) && this.full.has(session.id)) status = session.waitlist ? 'waitlist' : 'full';
      return { session, status };
    });
  }

  /** The ids a parent can choose now. */
  selectable(definition: MeedenksessieDefinition | undefined): Set<string> {
    const offered = definition ? this.offered(definition) : [];
    return new Set(offered.filter(({ status }) => isSelectable(status)).map(({ session }) => session.id));
  }

  /**
   * Takes in a 409's conflicts; returns the sessions that can no longer be chosen at all (to be
   * unchosen), and keeps the first conflict to show. `sent` names the session when the server did
   * not (a sign-up for one session).
   */
  refused(definition: MeedenksessieDefinition, errors: readonly FieldError[], sent: readonly string[]): { unchoose: string[]; understood: boolean } {
    const unchoose: string[] = [];
    this.conflict = undefined;
    for (const error of errors) {
      const id = error.session ?? (sent.length === 1 ? sent[0] : undefined);
      const session = definition.sessions.find((candidate) => candidate.id === id);
      if (!session) continue;
      const code = error.code as Conflict['code'];
      (code === 'session-full' ? this.full : this.closed).add(session.id);
      if (code === 'deadline-passed' || !session.waitlist) unchoose.push(session.id);
      this.conflict ??= { code, session };
    }
    return { unchoose, understood: !!this.conflict };
  }
}

/** What the session list needs from its widget. */
export interface SessionsView {
  definition: MeedenksessieDefinition;
  offered: readonly Offered[];
  chosen: readonly string[];
  error?: string;
  strings: MeedenksessieStrings;
  t: Translation;
  language: Language;
  /** A definition's text, marked with its language where it falls back. */
  text: (value: LocalizedText | undefined) => Content;
  onChoose: (id: string, checked: boolean) => void;
}

/** Where a session takes place: its location and address (each in its own language), or "online". */
function place(session: MeedenksessieSession, v: SessionsView): Content[] {
  const parts: Content[] = [];
  if (session.location) {
    parts.push(v.text(session.location.name));
    if (session.location.address) parts.push(v.text(session.location.address));
  }
  if (session.online) parts.push(v.strings.online);
  const comma = v.language === 'ar' ? '، ' : ', ';
  return parts.flatMap((part, index) => (index > 0 ? [comma, part] : [part]));
}

/** The state of a session in words ("Nog 3 plaatsen", "Vol"). */
function statusLabel({ session, status }: Offered, v: SessionsView): string {
  if (status === 'open' || status === 'few') return session.remaining === undefined ? '' : plural(v.strings.placesLeft, session.remaining, v.language);
  return status === 'past' ? '' : v.strings[status];
}

/**
 * The sessions as one group of choices: radio buttons, or checkboxes when more than one may be
 * chosen. Each names its date, time, place and places left; a full or closed session is shown
 * but cannot be chosen.
 */
export function sessionsField(v: SessionsView) {
  const multiple = v.definition.multiple === true;
  const choices = v.offered.map((offered): Choice => {
    const { session, status } = offered;
    const chosen = isSelectable(status) && v.chosen.includes(session.id);
    const where = place(session, v);
    const label = statusLabel(offered, v);
    return {
      value: session.id,
      label: v.text(session.title),
      disabled: !isSelectable(status),
      className: `session session--${status} ${chosen ? 'session--chosen' : ''}`,
      hint: html`<time datetime=${isoMoment(session.start)}>${formatSessionTime(session.start, session.end, v.language)}</time>
        ${where.length > 0 ? html`<span>${where}</span>` : nothing}
        ${label ? html`<strong class="session-status">${label}</strong>` : nothing}`,
    };
  });
  return choiceGroup({
    id: 'sessionIds',
    choiceId: 'session',
    choicePart: 'session',
    label: multiple ? v.strings.chooseMore : v.strings.chooseOne,
    hint: multiple ? v.strings.chooseMoreHint : undefined,
    error: v.error,
    required: true,
    multiple,
    layout: 'sessions',
    t: v.t,
    choices,
    selected: v.chosen,
    onChange: v.onChoose,
  });
}
