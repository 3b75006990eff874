import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { DefinitionController } from '../core/definition.js';
import { internalState, OuderElement } from '../core/element.js';
import {
  characterCount,
  characterLength,
  choiceGroup,
  errorSummary,
  honeypot,
  PoliteAnnouncer,
  textField,
} from '../core/form.js';
import { localize, plural } from '../core/i18n/index.js';
import type { FieldError, MeedenksessieData } from '../core/schema-types.js';
import { OutcomeOptIn, outcomeEmailId } from '../core/outcome.js';
import { SubmissionController, type SubmissionState } from '../core/submission.js';
import {
  type Answers,
  calendarEvents,
  calendarFile,
  emptyAnswers,
  type Field,
  fieldOf,
  formatSessionTime,
  isoMoment,
  isSelectable,
  limits,
  type MeedenksessieDefinition,
  type MeedenksessieSession,
  outcomes,
  parseDefinition,
  placeOf,
  type Problem,
  type SessionStatus,
  sessionStatus,
  toData,
  upcomingSessions,
  validate,
  webLink,
} from './meedenksessie.js';
import { meedenksessieStrings } from './meedenksessie.i18n.js';
import { keepConfirmation, keptConfirmation } from './confirmation.js';
import { meedenksessieStyles } from './ouder-meedenksessie.styles.js';

interface Offered {
  session: MeedenksessieSession;
  status: SessionStatus;
}

/** A session the server refused while the parent was filling in the form. */
interface Conflict {
  code: 'session-full' | 'deadline-passed';
  session: MeedenksessieSession;
}

type Rejected = Extract<SubmissionState, { status: 'rejected' }>;
type Sent = Extract<SubmissionState, { status: 'sent' }>;

/**
 * Sign-up for one or more meedenksessies (co-design sessions): the sessions with their date,
 * place and places left, the parent's details, and a confirmation per session (a place or the
 * waiting list) with an "add to calendar" file made in the browser. A session that fills up
 * while the parent types is reported, the list refreshed, and the waiting list offered.
 *
 * @summary Sign up for meedenksessies, with places left, a waiting list and a calendar entry.
 * @tag ouder-meedenksessie
 *
 * @event ouder-ready - The definition is loaded and rendered (again after a refresh). `detail: { definition }`
 * @event ouder-submit - About to POST; cancelable. `detail: { payload }`
 * @event ouder-submitted - The server accepted the sign-up. `detail: { payload, response }`
 * @event ouder-queued - No connection; kept in the outbox and sent later. `detail: { payload, attempt }`
 * @event ouder-error - The server refused the sign-up (4xx, or 409 session full). `detail: { payload, status, errors }`
 *
 * @csspart form - The form.
 * @csspart session - One session in the list.
 * @csspart field - A field or group of choices.
 * @csspart label - A field's label or legend.
 * @csspart hint - Hint text.
 * @csspart error - An error message.
 * @csspart error-summary - The summary of errors after a failed submit.
 * @csspart button - Buttons, and the "add to calendar" link.
 * @csspart confirmation - The confirmation after sending.
 *
 * @cssproperty --ouder-font-family - Font (fallback `--utrecht-document-font-family`).
 * @cssproperty --ouder-font-size - Base font size.
 * @cssproperty --ouder-color - Text colour.
 * @cssproperty --ouder-muted-color - Hints and session details.
 * @cssproperty --ouder-background - Background.
 * @cssproperty --ouder-surface - Background of a chosen session.
 * @cssproperty --ouder-primary - Buttons and the border of a chosen session.
 * @cssproperty --ouder-on-primary - Text on primary.
 * @cssproperty --ouder-error-color - Errors.
 * @cssproperty --ouder-success-color - Border of the confirmation.
 * @cssproperty --ouder-focus-color - Focus outline.
 * @cssproperty --ouder-max-width - Widest the widget grows (default 40rem).
 */
export class OuderMeedenksessie extends OuderElement {
  static override styles = [...OuderElement.styles, meedenksessieStyles];
  protected static override texts = [meedenksessieStrings];
  static override properties = internalState('answers', 'bait', 'errors', 'failure', 'conflict');

  private readonly loader = new DefinitionController(this, parseDefinition, (definition) => this.onReady(definition));
  private readonly submission = new SubmissionController(this, (state) => this.onSubmissionChange(state));
  private readonly outcome = new OutcomeOptIn(this);
  private readonly announcer = new PoliteAnnouncer(this);

  private answers: Answers = emptyAnswers();
  private bait = '';
  private errors = new Map<string, string>();
  /**
   * A refusal that no field explains: the server's messages, or none (a bare 4xx). Set when the
   * answer comes, so correcting a field afterwards raises no alarm.
   */
  private failure?: string[];
  private conflict?: Conflict;

  /** Sessions the server said are full or closed; they stay so until the page is reloaded. */
  private knownFull = new Set<string>();
  private knownClosed = new Set<string>();
  /** The list shown while a fresh one loads after a conflict, so the form stays in place. */
  private shown?: MeedenksessieDefinition;
  private refreshing = false;
  /** Fields changed since their last check: checked again when they lose focus. */
  private dirty = new Set<Field>();
  private calendar?: { key: string; href: string };
  /** The confirmation this tab showed before a reload, with its cancel link. */
  private kept?: Sent;

  // --- lifecycle ---------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.calendar) URL.revokeObjectURL(this.calendar.href);
    this.calendar = undefined;
  }

  private onReady(definition: MeedenksessieDefinition): void {
    this.shown = definition;
    this.refreshing = false;
    this.submission.resume(definition.id);
    this.kept = this.submission.state.status === 'idle' ? this.keptConfirmation(definition) : undefined;
    this.announceReady(definition);
  }

  private onSubmissionChange(submission: SubmissionState): void {
    if (submission.status === 'sent') {
      const { submissionId, formId, data } = submission.payload;
      keepConfirmation(this.storageEnabled, formId, {
        endpoint: this.submitUrl ?? '',
        submissionId,
        sessionIds: (data as unknown as MeedenksessieData).sessionIds,
        response: submission.response,
      });
      void this.focusAfterRender('.panel--success');
    }
    else if (submission.status === 'queued') void this.focusAfterRender('.panel--queued');
    else if (submission.status === 'rejected') this.showRejection(submission);
  }

  // --- handlers ----------------------------------------------------------------------------

  private set(change: Partial<Answers>, field?: Field): void {
    this.answers = { ...this.answers, ...change };
    if (field) this.dirty.add(field);
  }

  private chooseSession(id: string, checked: boolean, multiple: boolean): void {
    const current = this.answers.sessionIds;
    const sessionIds = !multiple ? [id] : checked ? [...current, id] : current.filter((value) => value !== id);
    this.set({ sessionIds });
    // A choice is a complete act: check it now, so a fixed error disappears at once.
    if (this.errors.has('sessionIds')) this.check('sessionIds');
  }

  /**
   * Checks a changed field when it loses focus, unless focus goes to a button: pressing
   * "Aanmelden" checks everything anyway, and a message appearing or going under the pointer
   * between mouse down and mouse up would move the button away and swallow the click.
   */
  private onBlur(field: Field, event?: FocusEvent): void {
    if ((event?.relatedTarget as Element | null)?.localName === 'button') return;
    if (this.dirty.has(field)) this.check(field);
  }

  private check(field: Field): void {
    this.dirty.delete(field);
    const problem = validate(this.answers, this.selectableIds())[field];
    const errors = new Map(this.errors);
    if (problem) errors.set(field, this.message(field, problem));
    else errors.delete(field);
    this.errors = errors;
  }

  private message(field: Field, problem: Problem): string {
    const { errors } = meedenksessieStrings(this.language);
    switch (field) {
      case 'name':
        return problem === 'too-long' ? errors.nameTooLong : errors.nameRequired;
      case 'email':
        return problem === 'invalid' ? errors.emailInvalid : errors.emailRequired;
      case 'phone':
        return errors.phoneInvalid;
      case 'gemeente':
        return errors.gemeenteTooLong;
      case 'remarks':
        return errors.remarksTooLong;
      default:
        return errors[field];
    }
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.send();
  }

  /** Checks the form and sends it; a chosen session that is full means: the waiting list. */
  private async send(): Promise<void> {
    const definition = this.current;
    if (!definition || this.submission.busy) return;
    const offered = this.offered(definition);
    const selectable = this.selectableIds(offered);
    const problems = validate(this.answers, selectable);
    this.errors = new Map(
      Object.entries(problems).map(([field, problem]) => [field, this.message(field as Field, problem)]),
    );
    const outcome = this.outcome.problem(definition, this.language);
    if (outcome) this.errors.set(outcomeEmailId, outcome);
    this.failure = undefined;
    if (this.errors.size > 0) {
      void this.focusAfterRender('.error-summary');
      return;
    }
    this.conflict = undefined;
    const waitlist = offered.some(({ session, status }) => status === 'waitlist' && this.answers.sessionIds.includes(session.id));
    const data = toData(this.answers, selectable, waitlist);
    await this.submission.submit('meedenksessie', definition.id, data, this.bait, this.outcome.emailFor(definition));
  }

  private showRejection(rejected: Rejected): void {
    const definition = this.current;
    if (!definition) return;
    const conflicts = rejected.errors.filter((error) => error.code === 'session-full' || error.code === 'deadline-passed');
    if (rejected.httpStatus === 409 && conflicts.length > 0) {
      this.showConflicts(definition, rejected, conflicts);
      return;
    }
    const errors = new Map<string, string>();
    const other: string[] = [];
    for (const error of rejected.errors) {
      const field = fieldOf(error.field);
      if (field && !errors.has(field)) errors.set(field, error.message);
      else if (!field) other.push(error.message);
    }
    this.errors = errors;
    this.failure = other.length > 0 || errors.size === 0 ? other : undefined;
    void this.focusAfterRender(errors.size > 0 ? '.error-summary' : '.panel--failed');
  }

  /** A session filled up or closed meanwhile: say so, refresh the list, keep what was typed. */
  private showConflicts(definition: MeedenksessieDefinition, rejected: Rejected, conflicts: FieldError[]): void {
    const sent = (rejected.payload.data as unknown as MeedenksessieData).sessionIds;
    let first: Conflict | undefined;
    for (const error of conflicts) {
      const id = (error as FieldError & { session?: string }).session ?? (sent.length === 1 ? sent[0] : undefined);
      const session = definition.sessions.find((candidate) => candidate.id === id);
      if (!session) continue;
      const code = error.code as Conflict['code'];
      (code === 'session-full' ? this.knownFull : this.knownClosed).add(session.id);
      if (code === 'deadline-passed' || !session.waitlist) {
        this.set({ sessionIds: this.answers.sessionIds.filter((chosen) => chosen !== session.id) });
      }
      first ??= { code, session };
    }
    this.conflict = first;
    this.errors = new Map();
    this.failure = first ? undefined : conflicts.map((error) => error.message);
    this.refreshing = true;
    this.loader.reload();
    void this.focusAfterRender(first ? '.panel--conflict' : '.panel--failed');
  }

  // --- helpers -----------------------------------------------------------------------------

  /** The definition on screen: the loaded one, or the previous one while a refresh loads. */
  private get current(): MeedenksessieDefinition | undefined {
    return this.loader.definition ?? (this.refreshing ? this.shown : undefined);
  }

  /** Sessions still worth showing, with what the server told us since the list was loaded. */
  private offered(definition: MeedenksessieDefinition): Offered[] {
    return upcomingSessions(definition.sessions).map((session) => {
      let status = sessionStatus(session);
      if (isSelectable(status) && this.knownClosed.has(session.id)) status = 'closed';
      else if (isSelectable(status) && this.knownFull.has(session.id)) status = session.waitlist ? 'waitlist' : 'full';
      return { session, status };
    });
  }

  private selectableIds(offered = this.current ? this.offered(this.current) : []): Set<string> {
    return new Set(offered.filter(({ status }) => isSelectable(status)).map(({ session }) => session.id));
  }

  private keptConfirmation(definition: MeedenksessieDefinition): Sent | undefined {
    const kept = keptConfirmation(this.storageEnabled, definition.id, this.submitUrl ?? '');
    if (!kept) return undefined;
    const payload = {
      type: 'meedenksessie' as const,
      formId: definition.id,
      submissionId: kept.submissionId,
      submittedAt: '',
      lang: this.language,
      data: { sessionIds: kept.sessionIds },
      meta: {},
    };
    return { status: 'sent', payload, response: kept.response, later: false };
  }

  /** A Blob URL for the calendar file, made once per confirmation and language. */
  private calendarHref(key: string, content: () => string): string {
    if (this.calendar?.key !== key) {
      if (this.calendar) URL.revokeObjectURL(this.calendar.href);
      const blob = new Blob([content()], { type: 'text/calendar;charset=utf-8' });
      this.calendar = { key, href: URL.createObjectURL(blob) };
    }
    return this.calendar.href;
  }

  // --- rendering ---------------------------------------------------------------------------

  override render() {
    // While a fresh list loads after a conflict, the previous one stays on screen (same
    // template, so the DOM and the focus stay where they are).
    const source =
      this.refreshing && this.shown && this.loader.state.status !== 'ready'
        ? { state: { status: 'ready' as const, definition: this.shown }, reload: () => this.loader.reload() }
        : this.loader;
    return this.renderFrame(source, (definition) => this.renderSignUp(definition));
  }

  private renderSignUp(definition: MeedenksessieDefinition) {
    const submission = this.submission.state;
    let body: unknown;
    if (submission.status === 'sent') body = this.renderConfirmation(definition, submission);
    else if (submission.status === 'idle' && this.kept) body = this.renderConfirmation(definition, this.kept);
    else if (submission.status === 'queued') body = this.renderQueued();
    else body = this.renderForm(definition);
    // dir="auto": definition text may fall back to Dutch inside an Arabic page.
    return html`<h2 dir="auto">${localize(definition.title, this.language)}</h2>
      ${definition.intro ? html`<p dir="auto">${localize(definition.intro, this.language)}</p>` : nothing} ${body}`;
  }

  private renderForm(definition: MeedenksessieDefinition) {
    const strings = meedenksessieStrings(this.language);
    const offered = this.offered(definition);
    if (offered.length === 0) return html`<p class="status">${strings.noSessions}</p>`;
    const open = offered.some(({ status }) => isSelectable(status));
    const submission = this.submission.state;
    const sending = submission.status === 'sending';
    const firstChoice = offered.findIndex(({ status }) => isSelectable(status));
    // The summary's link for the session list goes to the first session that can be chosen.
    const summary = [...this.errors].map(([id, message]) => ({
      id: id === 'sessionIds' ? `session-${firstChoice}` : id,
      message,
    }));
    return html`${errorSummary(summary, this.t, this.renderRoot as ShadowRoot)}
      ${this.failure
        ? html`<div class="panel panel--error panel--failed" tabindex="-1" role="alert">
            <h3>${this.t.failedTitle}</h3>
            ${this.failure.length > 0
              ? this.failure.map((message) => html`<p>${message}</p>`)
              : html`<p>${this.t.failedBody}</p>`}
          </div>`
        : nothing}
      ${this.renderConflict(offered)}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${this.renderSessions(definition, offered)}
        ${open ? this.renderDetails(definition) : html`<p class="status">${strings.noSessions}</p>`}
        ${open
          ? html`${honeypot(this.bait, (value) => (this.bait = value))}
              <div class="actions">
                <button type="submit" part="button" aria-disabled=${sending ? 'true' : 'false'}>${strings.submit}</button>
              </div>
              <p class="status-line" role="status">
                ${sending ? (submission.attempt > 1 ? this.t.retrying : this.t.sending) : ''}
              </p>`
          : nothing}
      </form>`;
  }

  private renderConflict(offered: readonly Offered[]) {
    const conflict = this.conflict;
    if (!conflict) return nothing;
    const strings = meedenksessieStrings(this.language);
    const title = localize(conflict.session.title, this.language);
    const canWait =
      conflict.code === 'session-full' &&
      offered.some(({ session, status }) => session.id === conflict.session.id && status === 'waitlist');
    const others = offered.some(({ session, status }) => session.id !== conflict.session.id && isSelectable(status));
    return html`<div class="panel panel--error panel--conflict" tabindex="-1" role="alert">
      <h3>${conflict.code === 'session-full' ? strings.sessionFull(title) : strings.deadlinePassed(title)}</h3>
      ${canWait
        ? html`<p>${this.current?.sendsMail ? strings.joinWaitlistOffer : strings.joinWaitlistOfferNoMail}</p>
            <div class="actions">
              <button type="button" part="button" @click=${() => this.send()}>${strings.joinWaitlist}</button>
            </div>`
        : nothing}
      ${others ? html`<p>${strings.chooseAnother}</p>` : nothing}
    </div>`;
  }

  private renderSessions(definition: MeedenksessieDefinition, offered: readonly Offered[]) {
    const strings = meedenksessieStrings(this.language);
    const multiple = definition.multiple === true;
    const error = this.errors.get('sessionIds');
    const described = [multiple ? 'sessionIds-hint' : '', error ? 'sessionIds-error' : ''].filter(Boolean).join(' ');
    return html`<fieldset
      id="sessionIds"
      tabindex="-1"
      class="field ${error ? 'field--invalid' : ''}"
      part="field"
      aria-describedby=${ifDefined(described || undefined)}
    >
      <legend part="label">${multiple ? strings.chooseMore : strings.chooseOne}</legend>
      ${multiple ? html`<p id="sessionIds-hint" class="hint" part="hint">${strings.chooseMoreHint}</p>` : nothing}
      ${error
        ? html`<p id="sessionIds-error" class="error-message" part="error">
            <span class="visually-hidden">${this.t.errorPrefix}</span> ${error}
          </p>`
        : nothing}
      <div class="sessions">${offered.map((item, index) => this.renderSession(item, index, multiple))}</div>
    </fieldset>`;
  }

  private renderSession({ session, status }: Offered, index: number, multiple: boolean) {
    const strings = meedenksessieStrings(this.language);
    const id = `session-${index}`;
    const selectable = isSelectable(status);
    const checked = selectable && this.answers.sessionIds.includes(session.id);
    const place = placeOf(session, this.language, strings.online);
    let label = '';
    if (status === 'open' || status === 'few') {
      label = session.remaining === undefined ? '' : plural(strings.placesLeft, session.remaining, this.language);
    } else if (status !== 'past') {
      label = strings[status];
    }
    return html`<div class="session session--${status} ${checked ? 'session--chosen' : ''}" part="session">
      <input
        id=${id}
        type=${multiple ? 'checkbox' : 'radio'}
        name="sessionIds"
        .value=${session.id}
        .checked=${live(checked)}
        ?disabled=${!selectable}
        aria-describedby="${id}-details"
        @change=${(event: Event) => this.chooseSession(session.id, (event.target as HTMLInputElement).checked, multiple)}
      />
      <div class="session-text">
        <label for=${id} class="session-title" dir="auto">${localize(session.title, this.language)}</label>
        <p id="${id}-details" class="session-details">
          <time datetime=${isoMoment(session.start)}>${formatSessionTime(session.start, session.end, this.language)}</time>
          ${place ? html`<span dir="auto">${place}</span>` : nothing}
          ${label ? html`<strong class="session-status">${label}</strong>` : nothing}
        </p>
      </div>
    </div>`;
  }

  private renderDetails(definition: MeedenksessieDefinition) {
    const strings = meedenksessieStrings(this.language);
    const { answers, t } = this;
    const option = ({ value, label }: { value: string; label: Parameters<typeof localize>[0] }) => ({
      value,
      label: localize(label, this.language),
    });
    return html`${textField({
        id: 'name',
        label: strings.name,
        value: answers.name,
        error: this.errors.get('name'),
        required: true,
        autocomplete: 'name',
        t,
        onInput: (name) => this.set({ name }, 'name'),
        onBlur: (event?: FocusEvent) => this.onBlur('name', event),
      })}
      ${textField({
        id: 'email',
        label: strings.email,
        // Only a server that sends e-mail is promised to send one.
        hint: definition.sendsMail ? strings.emailHint : strings.emailHintNoMail,
        value: answers.email,
        error: this.errors.get('email'),
        required: true,
        type: 'email',
        autocomplete: 'email',
        t,
        onInput: (email) => this.set({ email }, 'email'),
        onBlur: (event?: FocusEvent) => this.onBlur('email', event),
      })}
      ${textField({
        id: 'phone',
        label: strings.phone,
        hint: strings.phoneHint,
        value: answers.phone,
        error: this.errors.get('phone'),
        required: false,
        type: 'tel',
        autocomplete: 'tel',
        t,
        onInput: (phone) => this.set({ phone }, 'phone'),
        onBlur: (event?: FocusEvent) => this.onBlur('phone', event),
      })}
      ${definition.roles && definition.roles.length > 0
        ? choiceGroup({
            id: 'role',
            legend: strings.role,
            choices: definition.roles.map(option),
            selected: answers.role ? [answers.role] : [],
            required: false,
            t,
            onChange: (role) => this.set({ role }),
          })
        : nothing}
      ${textField({
        id: 'gemeente',
        label: strings.gemeente,
        value: answers.gemeente,
        error: this.errors.get('gemeente'),
        required: false,
        autocomplete: 'address-level2',
        t,
        onInput: (gemeente) => this.set({ gemeente }, 'gemeente'),
        onBlur: (event?: FocusEvent) => this.onBlur('gemeente', event),
      })}
      ${definition.needs && definition.needs.length > 0
        ? choiceGroup({
            id: 'needs',
            legend: strings.needs,
            hint: strings.needsHint,
            choices: definition.needs.map(option),
            selected: answers.needs,
            multiple: true,
            required: false,
            t,
            onChange: (value, checked) =>
              this.set({ needs: checked ? [...answers.needs, value] : answers.needs.filter((need) => need !== value) }),
          })
        : nothing}
      ${textField({
        id: 'remarks',
        label: strings.remarks,
        value: answers.remarks,
        error: this.errors.get('remarks'),
        required: false,
        multiline: true,
        describedBy: 'remarks-count',
        t,
        after: characterCount({
          id: 'remarks',
          length: characterLength(answers.remarks.trim()),
          max: limits.remarks,
          t,
          language: this.language,
          announcer: this.announcer,
        }),
        onInput: (remarks) => this.set({ remarks }, 'remarks'),
        onBlur: (event?: FocusEvent) => this.onBlur('remarks', event),
      })}
      ${this.outcome.render(definition, this.t, this.language, this.errors.get(outcomeEmailId))} ${this.renderConsent()}`;
  }

  private renderConsent() {
    const strings = meedenksessieStrings(this.language);
    const error = this.errors.get('consent');
    return html`<div class="field ${error ? 'field--invalid' : ''}" part="field">
      ${error
        ? html`<p id="consent-error" class="error-message" part="error">
            <span class="visually-hidden">${this.t.errorPrefix}</span> ${error}
          </p>`
        : nothing}
      <div class="choice">
        <input
          id="consent"
          type="checkbox"
          .checked=${live(this.answers.consent)}
          aria-describedby=${ifDefined(error ? 'consent-error' : undefined)}
          aria-invalid=${error ? 'true' : 'false'}
          @change=${(event: Event) => {
            this.set({ consent: (event.target as HTMLInputElement).checked });
            if (this.errors.has('consent')) this.check('consent');
          }}
        />
        <label for="consent">${strings.consent}</label>
      </div>
      ${this.privacyHref ? html`<p class="hint" part="hint">${this.renderPrivacyLink()}</p>` : nothing}
    </div>`;
  }

  private renderQueued() {
    return html`<div class="panel panel--queued" tabindex="-1" role="status">
      <h3>${this.t.queuedTitle}</h3>
      <p>${this.queuedBody}</p>
    </div>`;
  }

  private renderConfirmation(definition: MeedenksessieDefinition, sent: Sent) {
    const strings = meedenksessieStrings(this.language);
    const data = sent.payload.data as unknown as MeedenksessieData;
    const results = outcomes(data.sessionIds, sent.response);
    const kinds = new Set(results.map(({ outcome }) => outcome));
    const title =
      kinds.size > 1
        ? strings.mixedTitle
        : kinds.has('confirmed')
          ? strings.confirmedTitle
          : kinds.has('waitlisted')
            ? strings.waitlistedTitle
            : strings.sentTitle;
    const cancelUrl = webLink(sent.response.cancelUrl, this.submitUrl, document.baseURI);
    const waitlisted = definition.sendsMail ? strings.waitlisted : strings.waitlistedNoMail;
    const events = calendarEvents(
      definition,
      results,
      this.language,
      { online: strings.online, waitlisted, cancel: (url) => `${strings.cancel}: ${url}` },
      cancelUrl,
    );
    const href =
      events.length > 0
        ? this.calendarHref(`${sent.payload.submissionId}:${this.language}`, () => calendarFile(events))
        : undefined;
    return html`<div class="panel panel--success" tabindex="-1" role="status" part="confirmation">
      <h3>${title}</h3>
      ${sent.later ? html`<p>${this.t.sentLater}</p>` : nothing}
      <ul class="outcomes">
        ${results.map(({ id, outcome }) => {
          const session = definition.sessions.find((candidate) => candidate.id === id);
          if (!session) return nothing;
          return html`<li>
            <strong dir="auto">${localize(session.title, this.language)}</strong><br />
            <time datetime=${isoMoment(session.start)}>${formatSessionTime(session.start, session.end, this.language)}</time><br />
            ${outcome === 'waitlisted' ? waitlisted : strings[outcome]}
          </li>`;
        })}
      </ul>
      ${definition.sendsMail ? html`<p>${strings.mailFollows}</p>` : nothing}
      <div class="actions">
        ${href
          ? html`<a class="button-link" part="button" href=${href} download="${definition.id}.ics">${strings.addToCalendar}</a>`
          : nothing}
      </div>
      ${cancelUrl ? html`<p><a href=${cancelUrl}>${strings.cancel}</a></p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ouder-meedenksessie': OuderMeedenksessie;
  }
}
