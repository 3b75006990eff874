import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Content } from '../core/form.js';
import type { Language } from '../core/i18n/index.js';
import type { LocalizedText, MeedenksessieDefinition, SubmissionAnswer } from '../core/schema-types.js';
import { Store } from '../core/storage.js';
import type { SubmissionState } from '../core/submission.js';
import { calendarEvents, calendarFile } from './calendar.js';
import type { MeedenksessieStrings } from './meedenksessie.i18n.js';
import { formatSessionTime, isoMoment, outcomes, webLink } from './meedenksessie.js';

/**
 * What a reload must not lose: the confirmation and its cancel link. Kept per form in this tab's
 * sessionStorage (`ouderstem:signup:<formId>`, gone when the tab closes), and only what the
 * confirmation shows: the chosen sessions and the server's answer; no name, e-mail or other answer.
 */
export interface KeptConfirmation {
  endpoint: string;
  submissionId: string;
  sessionIds: string[];
  response: Pick<SubmissionAnswer, 'status' | 'sessions' | 'cancelUrl'>;
}

const keyOf = (formId: string) => `signup:${formId}`;

export function keepConfirmation(enabled: boolean, formId: string, kept: KeptConfirmation): void {
  const { status, sessions, cancelUrl } = kept.response;
  new Store('session', enabled).write(keyOf(formId), { ...kept, response: { status, sessions, cancelUrl } });
}

/** The confirmation this tab showed for the form at this endpoint, if it holds together. */
export function keptConfirmation(enabled: boolean, formId: string, endpoint: string | undefined): KeptConfirmation | undefined {
  const kept = new Store('session', enabled).read<Partial<KeptConfirmation>>(keyOf(formId));
  if (!kept || kept.endpoint !== endpoint || typeof kept.submissionId !== 'string') return undefined;
  if (!Array.isArray(kept.sessionIds) || !kept.sessionIds.every((id) => typeof id === 'string')) return undefined;
  if (typeof kept.response !== 'object' || kept.response === null) return undefined;
  return kept as KeptConfirmation;
}

/**
 * The "add to calendar" link: a Blob URL made in the browser, once per confirmation and language,
 * and given back when a new one is made or the widget leaves the page.
 */
export class CalendarLink implements ReactiveController {
  private current?: { key: string; href: string };

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.release();
  }

  href(key: string, content: () => string): string {
    if (this.current?.key !== key) {
      this.release();
      const blob = new Blob([content()], { type: 'text/calendar;charset=utf-8' });
      this.current = { key, href: URL.createObjectURL(blob) };
    }
    return this.current.href;
  }

  private release(): void {
    if (this.current) URL.revokeObjectURL(this.current.href);
    this.current = undefined;
  }
}

/** What a confirmation shows of a sign-up: sent just now, or kept from before a reload. */
export interface SentSignUp {
  submissionId: string;
  sessionIds: readonly string[];
  response: SubmissionAnswer;
  /** Sent by the outbox after the parent left it waiting. */
  later: boolean;
}

/** The sign-up in a `sent` state. */
export function sentSignUp({ payload, response, later }: Extract<SubmissionState<'meedenksessie'>, { status: 'sent' }>): SentSignUp {
  return { submissionId: payload.submissionId, sessionIds: payload.data.sessionIds, response, later };
}

export interface ConfirmationView {
  definition: MeedenksessieDefinition;
  sent: SentSignUp;
  strings: MeedenksessieStrings;
  /** "alsnog verstuurd", for a sign-up the outbox sent later. */
  sentLater: string;
  language: Language;
  submitUrl?: string;
  calendar: CalendarLink;
  heading: (content: Content) => Content;
  text: (value: LocalizedText | undefined) => Content;
}

/**
 * What the server answered, per session: a place or the waiting list; an "add to calendar"
 * file for the sessions with a place, and the link to cancel. Also shown again after a reload,
 * from what `keepConfirmation` kept.
 */
export function confirmation(v: ConfirmationView) {
  const { definition, sent, strings } = v;
  // Only a server that sends e-mail is promised to send one.
  const waitlisted = definition.sendsMail ? strings.waitlisted : strings.waitlistedNoMail;
  const results = outcomes(sent.sessionIds, sent.response);
  const kinds = new Set(results.map(({ outcome }) => outcome));
  const title =
    kinds.size > 1 ? strings.mixedTitle : kinds.has('confirmed') ? strings.confirmedTitle : kinds.has('waitlisted') ? strings.waitlistedTitle : strings.sentTitle;
  const cancelUrl = webLink(sent.response.cancelUrl, v.submitUrl, document.baseURI);
  const events = calendarEvents(definition, results, v.language, { online: strings.online, cancel: (url) => `${strings.cancel}: ${url}` }, cancelUrl);
  const href = events.length > 0 ? v.calendar.href(`${sent.submissionId}:${v.language}`, () => calendarFile(events)) : undefined;
  return html`<div class="panel panel--success" tabindex="-1" role="status" part="confirmation">
    ${v.heading(title)} ${sent.later ? html`<p>${v.sentLater}</p>` : nothing}
    <ul class="outcomes">
      ${results.map(({ id, outcome }) => {
        const session = definition.sessions.find((candidate) => candidate.id === id);
        if (!session) return nothing;
        return html`<li>
          <strong>${v.text(session.title)}</strong><br />
          <time datetime=${isoMoment(session.start)}>${formatSessionTime(session.start, session.end, v.language)}</time><br />
          ${outcome === 'waitlisted' ? waitlisted : strings[outcome]}
        </li>`;
      })}
    </ul>
    ${definition.sendsMail ? html`<p>${strings.mailFollows}</p>` : nothing}
    ${href
      ? html`<div class="actions">
          <a class="button-link" part="button" href=${href} download="${definition.id}.ics">${strings.addToCalendar}</a>
        </div>`
      : nothing}
    ${cancelUrl ? html`<p><a href=${cancelUrl}>${strings.cancel}</a></p>` : nothing}
  </div>`;
}
