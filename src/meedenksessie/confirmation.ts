import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Content } from '../core/form.js';
import type { Language } from '../core/i18n/index.js';
import type { LocalizedText, MeedenksessieDefinition } from '../core/schema-types.js';
import type { SubmissionState } from '../core/submission.js';
import { calendarEvents, calendarFile } from './calendar.js';
import type { MeedenksessieStrings } from './i18n/index.js';
import { formatSessionTime, isoMoment, outcomes, webLink } from './meedenksessie.js';

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

export interface ConfirmationView {
  definition: MeedenksessieDefinition;
  sent: Extract<SubmissionState<'meedenksessie'>, { status: 'sent' }>;
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
 * file for the sessions with a place, and the link to cancel.
 */
export function confirmation(v: ConfirmationView) {
  const { definition, sent, strings } = v;
  const results = outcomes(sent.payload.data.sessionIds, sent.response);
  const kinds = new Set(results.map(({ outcome }) => outcome));
  const title =
    kinds.size > 1 ? strings.mixedTitle : kinds.has('confirmed') ? strings.confirmedTitle : kinds.has('waitlisted') ? strings.waitlistedTitle : strings.sentTitle;
  const cancelUrl = webLink(sent.response.cancelUrl, v.submitUrl, document.baseURI);
  const events = calendarEvents(definition, results, v.language, { online: strings.online, cancel: (url) => `${strings.cancel}: ${url}` }, cancelUrl);
  const href = events.length > 0 ? v.calendar.href(`${sent.payload.submissionId}:${v.language}`, () => calendarFile(events)) : undefined;
  return html`<div class="panel panel--success" tabindex="-1" role="status" part="confirmation">
    ${v.heading(title)} ${sent.later ? html`<p>${v.sentLater}</p>` : nothing}
    <ul class="outcomes">
      ${results.map(({ id, outcome }) => {
        const session = definition.sessions.find((candidate) => candidate.id === id);
        if (!session) return nothing;
        return html`<li>
          <strong>${v.text(session.title)}</strong><br />
          <time datetime=${isoMoment(session.start)}>${formatSessionTime(session.start, session.end, v.language)}</time><br />
          ${strings[outcome]}
        </li>`;
      })}
    </ul>
    ${href
      ? html`<div class="actions">
          <a class="button-link" part="button" href=${href} download="${definition.id}.ics">${strings.addToCalendar}</a>
        </div>`
      : nothing}
    ${cancelUrl ? html`<p><a href=${cancelUrl}>${strings.cancel}</a></p>` : nothing}
  </div>`;
}
