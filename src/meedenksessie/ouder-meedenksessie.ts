import { html, nothing } from 'lit';
import { internalState, OuderElement } from '../core/element.js';
import * as ui from '../core/form.js';
import { FormController, type Problem } from '../core/form-controller.js';
import { format } from '../core/i18n/index.js';
import { OutcomeOptIn, outcomePlace } from '../core/outcome.js';
import { DefinitionController } from '../core/resource.js';
import type { MeedenksessieDefinition, Option } from '../core/schema-types.js';
import { SubmissionController, type SubmissionState } from '../core/submission.js';
import { CalendarLink, confirmation, keepConfirmation, keptConfirmation, type SentSignUp, sentSignUp } from './confirmation.js';
import { meedenksessieStrings, type MeedenksessieStrings } from './meedenksessie.i18n.js';
import {
  type Answers,
  emptyAnswers,
  type Field,
  type FieldProblem,
  fieldOf,
  fields,
  isSelectable,
  limits,
  parseDefinition,
  toData,
  validate,
} from './meedenksessie.js';
import { meedenksessieStyles } from './ouder-meedenksessie.styles.js';
import { type Offered, SessionTracker, sessionsField } from './sessions.js';

type Rejected = Extract<SubmissionState<'meedenksessie'>, { status: 'rejected' }>;

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
 * @slot - Fallback for the web editor: shown until the widget runs, and again when it cannot load or send.
 *
 * @csspart language-menu - The parent's choice of language (a select), when the definition is written in more than one.
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
 * @cssproperty --ouder-font-family - Font (fallback `--utrecht-document-font-family`, then the page's font).
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
  static override properties = internalState('answers', 'bait');

  private readonly loader = new DefinitionController(this, parseDefinition, (definition) => this.onReady(definition));
  private readonly submission = new SubmissionController(this, 'meedenksessie', (state) => this.onSubmissionChange(state));
  private readonly form = new FormController<Field | 'outcome'>(this, {
    fields: () => [...fields.slice(0, -1), 'outcome', 'consent'],
    validate: () => this.problems(),
  });
  private readonly outcome = new OutcomeOptIn(this);
  private readonly announcer = new ui.PoliteAnnouncer(this);
  private readonly calendar = new CalendarLink(this);
  private readonly sessions = new SessionTracker();

  private answers: Answers = emptyAnswers();
  private bait = '';
  /** The confirmation this tab showed before a reload, with its cancel link. */
  private kept?: SentSignUp;

  // --- lifecycle ---------------------------------------------------------------------------

  private onReady(definition: MeedenksessieDefinition): void {
    this.submission.resume(definition.id);
    const kept = this.submission.state.status === 'idle' && keptConfirmation(this.storageEnabled, definition.id, this.submitUrl ?? '');
    this.kept = kept ? { ...kept, later: false } : undefined;
    this.announceReady(definition);
  }

  private onSubmissionChange(submission: SubmissionState<'meedenksessie'>): void {
    if (submission.status === 'sent') {
      const { submissionId, formId, data } = submission.payload;
      keepConfirmation(this.storageEnabled, formId, {
        endpoint: this.submitUrl ?? '',
        submissionId,
        sessionIds: data.sessionIds,
        response: submission.response,
      });
      void this.focusAfterRender('.panel--success');
    } else if (submission.status === 'queued') void this.focusAfterRender('.panel--queued');
    else if (submission.status === 'rejected') this.showRejection(submission);
  }

  // --- derived -----------------------------------------------------------------------------

  private get strings(): MeedenksessieStrings {
    return meedenksessieStrings(this.language, this.dutchRegister);
  }

  private problems(): Problem<Field | 'outcome'>[] {
    const definition = this.loader.definition;
    const problems = validate(this.answers, this.sessions.selectable(definition));
    return [
      ...(Object.keys(problems) as Field[]).map((field) => ({ field, control: field, message: this.message(field, problems[field]!) })),
      ...(definition ? this.outcome.problems(definition) : []),
    ];
  }

  private message(field: Field, problem: FieldProblem): string {
    const { errors } = this.strings;
    const messages: Record<Field, string> = {
      sessionIds: errors.sessionIds,
      name: problem === 'too-long' ? errors.nameTooLong : errors.nameRequired,
      email: problem === 'invalid' ? errors.emailInvalid : errors.emailRequired,
      phone: errors.phoneInvalid,
      gemeente: errors.gemeenteTooLong,
      remarks: errors.remarksTooLong,
      consent: errors.consent,
    };
    return format(messages[field], { n: String(limits[field as keyof typeof limits]) }).join('');
  }

  // --- handlers ----------------------------------------------------------------------------

  private set(change: Partial<Answers>, typed?: Field): void {
    this.answers = { ...this.answers, ...change };
    if (typed) this.form.input(typed);
  }

  private chooseSession(id: string, checked: boolean): void {
    const current = this.answers.sessionIds;
    const multiple = this.loader.definition?.multiple === true;
    this.set({ sessionIds: !multiple ? [id] : checked ? [...current, id] : current.filter((value) => value !== id) });
    this.form.choose('sessionIds');
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.send();
  }

  /** Checks the form and sends it; a chosen session that is full means: the waiting list. */
  private async send(): Promise<void> {
    const definition = this.loader.definition;
    if (!definition || this.submission.busy || !this.form.submit()) return;
    this.sessions.conflict = undefined;
    const offered = this.sessions.offered(definition);
    const selectable = this.sessions.selectable(definition);
    const waitlist = offered.some(({ session, status }) => status === 'waitlist' && this.answers.sessionIds.includes(session.id));
    await this.submission.submit(definition.id, toData(this.answers, selectable, waitlist), this.bait, this.outcome.emailFor(definition));
  }

  private showRejection(rejected: Rejected): void {
    const definition = this.loader.definition;
    if (!definition) return;
    const conflicts = rejected.errors.filter((error) => error.code === 'session-full' || error.code === 'deadline-passed');
    if (rejected.httpStatus === 409 && conflicts.length > 0) {
      // A session filled up or closed meanwhile: say so, refresh the list, keep what was typed.
      const { unchoose, understood } = this.sessions.refused(definition, conflicts, rejected.payload.data.sessionIds);
      this.set({ sessionIds: this.answers.sessionIds.filter((chosen) => !unchoose.includes(chosen)) });
      this.form.refused(understood ? undefined : { httpStatus: rejected.httpStatus, errors: conflicts });
      this.loader.reload(true);
      if (understood) void this.focusAfterRender('.panel--conflict');
      return;
    }
    this.form.refused(rejected, (error) => {
      const field = fieldOf(error.field);
      return field ? { field, control: field } : outcomePlace(error);
    });
  }

  // --- rendering ---------------------------------------------------------------------------

  override render() {
    return this.renderFrame(this.loader, (definition) => this.renderSignUp(definition));
  }

  private renderSignUp(definition: MeedenksessieDefinition) {
    const submission = this.submission.state;
    const { strings } = this;
    let body: unknown;
    const sent = submission.status === 'sent' ? sentSignUp(submission) : submission.status === 'idle' ? this.kept : undefined;
    if (sent) {
      body = confirmation({
        definition,
        sent,
        strings,
        sentLater: strings.sentLater,
        language: this.language,
        submitUrl: this.submitUrl,
        calendar: this.calendar,
        heading: (content) => this.subheading(content),
        text: (value) => this.text(value),
      });
    } else if (submission.status === 'queued') {
      body = ui.queuedPanel(this.level + 1, this.t.queuedTitle, this.storageEnabled ? strings.queued : strings.queuedUnsaved);
    } else body = this.renderForm(definition);
    return html`${ui.header(this.level, this.text(definition.title), definition.intro && this.text(definition.intro))} ${body}`;
  }

  private renderForm(definition: MeedenksessieDefinition) {
    const { strings, t, form } = this;
    const offered = this.sessions.offered(definition);
    if (offered.length === 0) return html`<p class="status">${strings.noSessions}</p>`;
    const open = offered.some(({ status }) => isSelectable(status));
    return html`${ui.errorSummary(form.summary, t, this.renderRoot as ShadowRoot, this.level + 1)} ${ui.refusalPanel(form, t, this.level + 1)}
      ${this.renderConflict(offered)}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${sessionsField({
          definition,
          offered,
          chosen: this.answers.sessionIds,
          error: form.error('sessionIds'),
          strings,
          t,
          language: this.language,
          text: (value) => this.text(value),
          onChoose: (id, checked) => this.chooseSession(id, checked),
        })}
        ${open
          ? html`${this.renderDetails(definition)} ${ui.honeypot(this.bait, (value) => (this.bait = value))}
            ${ui.submitActions(strings.submit, this.submission.state, t)}`
          : html`<p class="status">${strings.noSessions}</p>`}
      </form>`;
  }

  private renderConflict(offered: readonly Offered[]) {
    const { conflict } = this.sessions;
    if (!conflict) return nothing;
    const { strings } = this;
    const values = { session: this.text(conflict.session.title) };
    const canWait =
      conflict.code === 'session-full' && offered.some(({ session, status }) => session.id === conflict.session.id && status === 'waitlist');
    const others = offered.some(({ session, status }) => session.id !== conflict.session.id && isSelectable(status));
    return html`<div class="panel panel--error panel--conflict" tabindex="-1" role="alert">
      ${this.subheading(format(conflict.code === 'session-full' ? strings.sessionFull : strings.deadlinePassed, values))}
      ${canWait
        ? html`<p>${this.loader.definition?.sendsMail ? strings.joinWaitlistOffer : strings.joinWaitlistOfferNoMail}</p>
            <div class="actions">
              <button type="button" part="button" @click=${() => this.send()}>${strings.joinWaitlist}</button>
            </div>`
        : nothing}
      ${others ? html`<p>${strings.chooseAnother}</p>` : nothing}
    </div>`;
  }

  private renderDetails(definition: MeedenksessieDefinition) {
    const { strings, answers, t, form } = this;
    const typed = (field: 'name' | 'email' | 'phone' | 'gemeente' | 'remarks', label: string, more: Partial<Parameters<typeof ui.textField>[0]> = {}) =>
      ui.textField({
        id: field,
        label,
        value: answers[field],
        error: form.error(field),
        required: false,
        t,
        onInput: (value) => this.set({ [field]: value }, field),
        onBlur: () => form.blur(field),
        ...more,
      });
    const options = (list: readonly Option[]) => list.map((option) => ({ value: option.value, label: this.text(option.label) }));
    return html`${typed('name', strings.name, { required: true, autocomplete: 'name' })}
      ${typed('email', strings.email, {
        // Only a server that sends e-mail is promised to send one.
        hint: definition.sendsMail ? strings.emailHint : strings.emailHintNoMail,
        required: true,
        type: 'email',
        autocomplete: 'email',
      })}
      ${typed('phone', strings.phone, { hint: strings.phoneHint, type: 'tel', autocomplete: 'tel' })}
      ${definition.roles?.length
        ? ui.choiceGroup({
            id: 'role',
            label: strings.role,
            choices: options(definition.roles),
            selected: answers.role ? [answers.role] : [],
            required: false,
            t,
            onChange: (role) => this.set({ role }),
          })
        : nothing}
      ${typed('gemeente', strings.gemeente, { autocomplete: 'address-level2' })}
      ${definition.needs?.length
        ? ui.choiceGroup({
            id: 'needs',
            label: strings.needs,
            hint: strings.needsHint,
            choices: options(definition.needs),
            selected: answers.needs,
            multiple: true,
            required: false,
            t,
            onChange: (value, checked) => this.set({ needs: checked ? [...answers.needs, value] : answers.needs.filter((need) => need !== value) }),
          })
        : nothing}
      ${typed('remarks', strings.remarks, {
        multiline: true,
        describedBy: 'remarks-count',
        after: ui.characterCount({ id: 'remarks', value: answers.remarks, max: limits.remarks, t, language: this.language, announcer: this.announcer }),
      })}
      ${this.outcome.render(definition, form)}
      ${ui.checkboxField({
        id: 'consent',
        label: strings.consent,
        checked: answers.consent,
        error: form.error('consent'),
        required: true,
        t,
        after: this.privacyHref ? html`<p class="hint" part="hint">${this.renderPrivacyLink()}</p>` : nothing,
        onChange: (consent) => {
          this.set({ consent });
          form.choose('consent');
        },
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ouder-meedenksessie': OuderMeedenksessie;
  }
}
