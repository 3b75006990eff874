import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { DefinitionController } from '../core/definition.js';
import { internalState, OuderElement } from '../core/element.js';
import {
  characterCount,
  type Choice,
  choiceGroup,
  errorSummary,
  type FieldError,
  honeypot,
  PoliteAnnouncer,
  textField,
} from '../core/form.js';
import { localize, plural } from '../core/i18n/index.js';
import type { ErvaringDefinition, Option } from '../core/schema-types.js';
import { OutcomeOptIn, outcomeEmailId } from '../core/outcome.js';
import { SubmissionController, type SubmissionState } from '../core/submission.js';
import { DraftController } from './draft.js';
import {
  defaultConsentValues,
  draftStorageKind,
  emptyAnswers,
  type ErvaringAnswers,
  type ErvaringField,
  type ErvaringProblem,
  fieldOfServerError,
  consentNeedsName,
  isEmpty,
  parseErvaringDefinition,
  readDraft,
  storyLength,
  storyLimits,
  toErvaringData,
  validateErvaring,
} from './ervaring.js';
import { ervaringStrings } from './ervaring.i18n.js';
import { ervaringStyles } from './ouder-ervaring.styles.js';

/** The fields in the order the form shows them (and the error summary lists them). */
const fieldOrder: readonly ErvaringField[] = ['story', 'themes', 'region', 'level', 'contact', 'name', 'email', 'consent'];

/** How often the story is compared with what the text area holds while it has focus (speech input, scripts). */
const syncInterval = 1000;

/**
 * "Deel je ervaring": a parent writes a story about education, youth care or care. Anonymous by
 * default, with graded consent; a draft is kept on the device while typing, and after sending
 * the parent gets a code to withdraw the story.
 *
 * @summary A parent's story, with drafts, anonymity and graded consent.
 * @tag ouder-ervaring
 *
 * @event ouder-ready - The definition is loaded and rendered. `detail: { definition }`
 * @event ouder-submit - About to POST; cancelable. `detail: { payload }`
 * @event ouder-submitted - The server accepted the story. `detail: { payload, response }` (`response.withdrawCode`, `response.withdrawUrl`)
 * @event ouder-queued - No connection; kept in the outbox and sent later. `detail: { payload, attempt }`
 * @event ouder-error - The server refused the story (4xx). `detail: { payload, status, errors }`
 *
 * @csspart form - The form.
 * @csspart field - A field or group of choices.
 * @csspart label - A label or legend.
 * @csspart hint - Hint text.
 * @csspart error - An error message.
 * @csspart error-summary - The summary of errors after a failed submit.
 * @csspart button - Buttons.
 * @csspart help - The box with where to find help right now.
 * @csspart withdraw-code - The withdrawal code after sending.
 *
 * @cssproperty --ouder-font-family - Font (fallback `--utrecht-document-font-family`).
 * @cssproperty --ouder-font-size - Base font size.
 * @cssproperty --ouder-color - Text colour.
 * @cssproperty --ouder-background - Background.
 * @cssproperty --ouder-surface - Background of the help box and notices.
 * @cssproperty --ouder-primary - Buttons (fallback `--utrecht-button-primary-action-background-color`).
 * @cssproperty --ouder-on-primary - Text on primary.
 * @cssproperty --ouder-error-color - Errors.
 * @cssproperty --ouder-success-color - The border of the thank-you panel.
 * @cssproperty --ouder-focus-color - Focus outline.
 * @cssproperty --ouder-max-width - Widest the widget grows (default 40rem).
 */
export class OuderErvaring extends OuderElement {
  static override styles = [...OuderElement.styles, ervaringStyles];
  protected static override texts = [ervaringStrings];
  static override properties = internalState('answers', 'bait', 'errors', 'restored', 'notice', 'copyStatus');

  private readonly loader = new DefinitionController(this, parseErvaringDefinition, (definition) => this.onReady(definition));
  private readonly submission = new SubmissionController(this, (state) => this.onSubmissionChange(state));
  private readonly outcome = new OutcomeOptIn(this);
  private readonly announcer = new PoliteAnnouncer(this);
  private readonly draft = new DraftController<ErvaringAnswers>(this);

  private answers: ErvaringAnswers = emptyAnswers();
  private bait = '';
  private errors = new Map<ErvaringField | typeof outcomeEmailId, string>();
  /** A draft from an earlier visit was put back: say so, with a way to discard it. */
  private restored = false;
  /** What the polite status line near the top says (draft discarded). */
  private notice = '';
  /** What the status line of the withdrawal code says (copied or not). */
  private copyStatus = '';

  /** Fields changed since their last check: checked again when they lose focus. */
  private dirty = new Set<ErvaringField>();
  private syncTimer?: ReturnType<typeof setInterval>;
  /** The story as last rendered into the text area, to tell a change from outside from our own. */
  private renderedStory = '';

  // --- lifecycle ---------------------------------------------------------------------------

  /**
   * Text put into the text area from outside (a tool, speech input) without an input event, while
   * it had no focus: taken into the story before rendering, so the render does not wipe it and the
   * count follows. A story we reset ourselves (discarded, sent) left the box as it was rendered.
   */
  override willUpdate(): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#story');
    if (area && area.value !== this.renderedStory && area.value !== this.answers.story) this.type('story', area.value);
  }

  override updated(): void {
    this.renderedStory = this.answers.story;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.syncTimer);
  }


  private onReady(definition: ErvaringDefinition): void {
    this.draft.use(definition.id, draftStorageKind(definition, this.storageEnabled));
    const draft = readDraft(this.draft.load(), definition, this.consentChoices(definition).map((c) => c.value));
    if (draft) {
      this.answers = draft;
      this.restored = true;
    }
    this.submission.resume(definition.id);
    this.announceReady(definition);
  }

  private onSubmissionChange(submission: SubmissionState): void {
    const definition = this.loader.definition;
    if (!definition) return;
    if (submission.status === 'sent') {
      this.draft.clear();
      this.answers = emptyAnswers();
      this.restored = false;
      this.copyStatus = '';
      void this.focusAfterRender('.panel--success');
    } else if (submission.status === 'queued') {
      void this.focusAfterRender('.panel--queued');
    } else if (submission.status === 'rejected') {
      this.showRejection(submission);
    }
  }

  // --- handlers ----------------------------------------------------------------------------

  private change(patch: Partial<ErvaringAnswers>): void {
    this.answers = { ...this.answers, ...patch };
    if (isEmpty(this.answers)) this.draft.clear();
    else this.draft.save(this.answers);
  }

  private type(field: 'story' | 'name' | 'email', value: string): void {
    this.dirty.add(field);
    this.change({ [field]: value });
  }

  private choose(field: ErvaringField, patch: Partial<ErvaringAnswers>): void {
    this.change(patch);
    // A choice is a complete act: check it now, so a fixed error disappears at once.
    this.recheck(field);
  }

  private toggleTheme(value: string, checked: boolean): void {
    const chosen = new Set(this.answers.themes);
    if (checked) chosen.add(value);
    else chosen.delete(value);
    const themes = this.loader.definition!.themes.map((theme) => theme.value).filter((v) => chosen.has(v));
    this.choose('themes', { themes });
  }

  private onBlur(field: ErvaringField): void {
    if (this.dirty.has(field)) this.recheck(field);
  }

  /** Checks `field` again, and every field that shows an error (fixed ones lose it). */
  private recheck(field: ErvaringField): void {
    this.dirty.delete(field);
    const problems = validateErvaring(this.answers, this.loader.definition!);
    const errors = new Map<ErvaringField, string>();
    for (const f of fieldOrder) {
      const problem = problems[f];
      if (f === field || this.errors.has(f)) {
        if (problem) errors.set(f, this.message(problem));
      }
    }
    this.errors = errors;
  }

  private message(problem: ErvaringProblem): string {
    const { min, max } = storyLimits(this.loader.definition!);
    const messages = ervaringStrings(this.language).problems;
    if (problem === 'story-too-short') return plural(messages[problem], min, this.language);
    if (problem === 'story-too-long') return plural(messages[problem], max, this.language);
    return messages[problem];
  }

  /**
   * Speech input and some assistive tools change a text area without an input event (GOV.UK's
   * character count polls for the same reason): while it has focus, keep the story in step.
   */
  private syncStory = (): void => {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#story');
    if (area && area.value !== this.answers.story) this.type('story', area.value);
  };

  private onFocusIn(event: FocusEvent): void {
    if ((event.target as Element).id !== 'story') return;
    clearInterval(this.syncTimer);
    this.syncTimer = setInterval(this.syncStory, syncInterval);
  }

  private onFocusOut(event: FocusEvent): void {
    if ((event.target as Element).id !== 'story') return;
    clearInterval(this.syncTimer);
    this.syncStory();
  }

  private discardDraft(): void {
    this.draft.clear();
    this.answers = emptyAnswers();
    this.errors = new Map();
    this.dirty.clear();
    this.restored = false;
    this.notice = ervaringStrings(this.language).draftDiscarded;
    void this.focusAfterRender('#story');
  }

  private async onSubmit(event: Event, definition: ErvaringDefinition): Promise<void> {
    event.preventDefault();
    if (this.submission.busy) return;
    this.syncStory();
    const problems = validateErvaring(this.answers, definition);
    const errors = new Map<ErvaringField | typeof outcomeEmailId, string>();
    const outcome = this.outcome.problem(definition, this.language);
    for (const field of fieldOrder) {
      // In the order of the form: the outcome field stands just above the consent.
      if (field === 'consent' && outcome) errors.set(outcomeEmailId, outcome);
      const problem = problems[field];
      if (problem) errors.set(field, this.message(problem));
    }
    this.errors = errors;
    if (errors.size > 0) {
      void this.focusAfterRender('.error-summary');
      return;
    }
    this.draft.flush();
    // The code by e-mail only from a server that sends e-mail (a draft may remember the wish).
    const answers = { ...this.answers, sendCode: this.answers.sendCode && definition.sendsMail === true };
    await this.submission.submit('ervaring', definition.id, toErvaringData(answers), this.bait, this.outcome.emailFor(definition));
  }

  private showRejection(rejected: Extract<SubmissionState, { status: 'rejected' }>): void {
    const errors = new Map<ErvaringField, string>();
    for (const error of rejected.errors) {
      const field = fieldOfServerError(error);
      if (field && !errors.has(field)) errors.set(field, error.message);
    }
    this.errors = new Map(fieldOrder.filter((f) => errors.has(f)).map((f) => [f, errors.get(f)!]));
    if (this.errors.size > 0) void this.focusAfterRender('.error-summary');
    else void this.focusAfterRender('.panel--failed');
  }

  private async copyCode(code: string): Promise<void> {
    const strings = ervaringStrings(this.language);
    try {
      await navigator.clipboard.writeText(code);
      this.copyStatus = strings.copied;
    } catch {
      this.copyStatus = strings.copyFailed;
    }
  }

  private startAgain(): void {
    this.submission.reset();
    this.outcome.reset();
    this.errors = new Map();
    this.notice = '';
    void this.focusAfterRender('#story');
  }

  // --- rendering ---------------------------------------------------------------------------

  override render() {
    // Where to find help right now shows in every state, also when the form cannot load.
    return this.renderFrame(this.loader, (definition) => this.renderErvaring(definition), () => this.renderHelp());
  }

  private renderErvaring(definition: ErvaringDefinition) {
    const { status } = this.submission.state;
    let body: unknown;
    if (status === 'sent') body = this.renderThanks();
    else if (status === 'queued') body = this.renderQueued();
    else body = this.renderForm(definition);
    // dir="auto": definition text may fall back to Dutch inside an Arabic page.
    return html`<h2 dir="auto">${localize(definition.title, this.language)}</h2>
      ${definition.intro ? html`<p dir="auto">${localize(definition.intro, this.language)}</p>` : nothing} ${this.renderHelp()} ${body}`;
  }

  private renderHelp() {
    const strings = ervaringStrings(this.language);
    const site = (href: string, label: string) =>
      html`<a href=${href} target="_blank" rel="noopener noreferrer"
        >${label} <span class="visually-hidden">${this.t.opensInNewWindow}</span></a
      >`;
    return html`<section class="help" part="help" aria-labelledby="help-title">
      <h3 id="help-title">${strings.helpTitle}</h3>
      <p>${strings.helpIntro}</p>
      <ul>
        <li>
          ${strings.kindertelefoon} <a href="tel:08000432"><span dir="ltr">0800-0432</span></a>,
          ${site('https://www.kindertelefoon.nl', 'kindertelefoon.nl')}
        </li>
        <li>
          ${strings.veiligThuis} <a href="tel:08002000"><span dir="ltr">0800-2000</span></a>,
          ${site('https://veiligthuis.nl', 'veiligthuis.nl')}
        </li>
      </ul>
      <p><strong>${strings.notForEmergencies}</strong></p>
    </section>`;
  }

  private renderQueued() {
    return html`<div class="panel panel--queued" tabindex="-1" role="status">
      <h3>${this.t.queuedTitle}</h3>
      <p>${this.queuedBody}</p>
    </div>`;
  }

  private renderThanks() {
    const strings = ervaringStrings(this.language);
    const submission = this.submission.state;
    if (submission.status !== 'sent') return nothing;
    const { withdrawCode, withdrawUrl } = submission.response;
    const safeUrl = withdrawUrl && /^https?:\/\//i.test(withdrawUrl) ? withdrawUrl : undefined;
    return html`<div class="panel panel--success" tabindex="-1" role="status">
      <h3>${strings.thanksTitle}</h3>
      <p>${submission.later ? strings.sentLaterNoCode : strings.thanksBody}</p>
      ${(submission.payload.data as { contact?: { sendCode?: boolean } }).contact?.sendCode ? html`<p>${strings.codeMailed}</p>` : nothing}
      <p>${strings.nextSteps}</p>
      ${withdrawCode || safeUrl
        ? html`<div class="withdraw">
            <h4>${strings.withdrawTitle}</h4>
            ${withdrawCode
              ? html`<p>
                    ${strings.withdrawCodeLabel}
                    <strong class="code" part="withdraw-code" dir="ltr">${withdrawCode}</strong>
                  </p>
                  <div class="actions">
                    <button type="button" class="secondary" part="button" @click=${() => this.copyCode(withdrawCode)}>
                      ${strings.copy}
                    </button>
                  </div>`
              : nothing}
            <p class="copy-status" role="status">${this.copyStatus}</p>
            <p>${strings.withdrawKeep}</p>
            ${safeUrl ? html`<p><a href=${safeUrl}>${strings.withdrawLink}</a></p>` : nothing}
          </div>`
        : nothing}
      <div class="actions">
        <button type="button" class="link-button" part="button" @click=${() => this.startAgain()}>${strings.shareAnother}</button>
      </div>
    </div>`;
  }

  private renderForm(definition: ErvaringDefinition) {
    const strings = ervaringStrings(this.language);
    const submission = this.submission.state;
    const sending = submission.status === 'sending';
    // Server errors that belong to no field of the form go in a panel of their own.
    // Decided from the server's answer itself, not from the errors still shown: a parent who
    // corrects a refused field must not see a "sending failed" alarm appear.
    const rejected = submission.status === 'rejected';
    const unplaced = rejected ? submission.errors.filter((error) => !fieldOfServerError(error)).map((e) => e.message) : [];
    const placed = rejected && submission.errors.some((error) => fieldOfServerError(error));
    const failed = rejected && (!placed || unplaced.length > 0);
    const summary: FieldError[] = [...this.errors].map(([id, message]) => ({ id, message }));
    return html`
      ${this.restored
        ? html`<div class="panel draft-notice">
            <p>${strings.draftRestored}</p>
            <div class="actions">
              <button type="button" class="secondary" part="button" @click=${() => this.discardDraft()}>
                ${strings.discardDraft}
              </button>
            </div>
          </div>`
        : nothing}
      <p class="notice" role="status">${this.notice}</p>
      ${errorSummary(summary, this.t, this.renderRoot as ShadowRoot)}
      ${failed
        ? html`<div class="panel panel--error panel--failed" tabindex="-1" role="alert">
            <h3>${this.t.failedTitle}</h3>
            ${unplaced.length > 0 ? unplaced.map((message) => html`<p>${message}</p>`) : html`<p>${this.t.failedBody}</p>`}
          </div>`
        : nothing}
      <form
        part="form"
        novalidate
        @submit=${(event: Event) => this.onSubmit(event, definition)}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
      >
        ${this.renderStory(definition)}
        ${choiceGroup({
          id: 'themes',
          legend: strings.themesLabel,
          hint: strings.themesHint,
          error: this.errors.get('themes'),
          multiple: true,
          t: this.t,
          choices: this.choices(definition.themes),
          selected: this.answers.themes,
          onChange: (value, checked) => this.toggleTheme(value, checked),
        })}
        ${definition.regions?.length ? this.renderSelect('region', strings.regionLabel, definition.regions) : nothing}
        ${definition.levels?.length ? this.renderSelect('level', strings.levelLabel, definition.levels) : nothing}
        ${this.renderContact(definition)} ${this.outcome.render(definition, this.t, this.language, this.errors.get(outcomeEmailId))}
        ${this.renderConsent(definition)} ${honeypot(this.bait, (value) => (this.bait = value))}
        <div class="actions">
          <button type="submit" part="button" aria-disabled=${sending ? 'true' : 'false'}>${strings.send}</button>
        </div>
        <p class="status-line" role="status">${sending ? (submission.attempt > 1 ? this.t.retrying : this.t.sending) : ''}</p>
      </form>
    `;
  }

  private renderStory(definition: ErvaringDefinition) {
    const strings = ervaringStrings(this.language);
    const { min, max } = storyLimits(definition);
    const prompts = definition.prompts ?? [];
    const hint = [strings.namesWarning, min > 0 ? plural(strings.minLength, min, this.language) : ''].filter(Boolean).join(' ');
    return html`${prompts.length > 0
        ? html`<div id="story-prompts" class="prompts">
            <p>${strings.promptsIntro}</p>
            <ul>
              ${prompts.map((prompt) => html`<li><span dir="auto">${localize(prompt, this.language)}</span></li>`)}
            </ul>
          </div>`
        : nothing}
      ${textField({
        id: 'story',
        label: strings.storyLabel,
        hint,
        error: this.errors.get('story'),
        value: this.answers.story,
        required: true,
        multiline: true,
        describedBy: prompts.length > 0 ? 'story-prompts story-count' : 'story-count',
        t: this.t,
        after: characterCount({
          id: 'story',
          length: storyLength(this.answers),
          max,
          t: this.t,
          language: this.language,
          announcer: this.announcer,
        }),
        onInput: (value) => this.type('story', value),
        onBlur: () => this.onBlur('story'),
      })}`;
  }

  /** A native select: a list of gemeenten can be long, and "no answer" stays possible. */
  private renderSelect(field: 'region' | 'level', label: string, options: readonly Option[]) {
    const error = this.errors.get(field);
    const strings = ervaringStrings(this.language);
    return html`<div class="field ${error ? 'field--invalid' : ''}" part="field">
      <label class="label" for=${field} part="label">${label} <span class="muted">(${this.t.optional})</span></label>
      ${error
        ? html`<p id="${field}-error" class="error-message" part="error">
            <span class="visually-hidden">${this.t.errorPrefix}</span> ${error}
          </p>`
        : nothing}
      <select
        id=${field}
        name=${field}
        aria-describedby=${ifDefined(error ? `${field}-error` : undefined)}
        aria-invalid=${error ? 'true' : 'false'}
        @change=${(event: Event) => this.choose(field, { [field]: (event.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${live(this.answers[field] === '')}>${field === 'region' ? strings.regionPlaceholder : '—'}</option>
        ${options.map(
          (option) =>
            html`<option value=${option.value} ?selected=${live(this.answers[field] === option.value)}>
              ${localize(option.label, this.language)}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private renderContact(definition: ErvaringDefinition) {
    const strings = ervaringStrings(this.language);
    return choiceGroup({
      id: 'contact',
      legend: strings.contactLabel,
      hint: strings.contactHint,
      error: this.errors.get('contact'),
      t: this.t,
      choices: [
        { value: 'no', label: strings.contactNo },
        { value: 'yes', label: strings.contactYes },
      ],
      selected: [this.answers.contactMe ? 'yes' : 'no'],
      onChange: (value) => this.choose('contact', { contactMe: value === 'yes' }),
      reveal: (choice) =>
        choice.value === 'yes'
          ? html`<div class="conditional">
              ${textField({
                id: 'name',
                label: strings.nameLabel,
                value: this.answers.name,
                error: this.errors.get('name'),
                required: false,
                autocomplete: 'name',
                t: this.t,
                onInput: (value) => this.type('name', value),
                onBlur: () => this.onBlur('name'),
              })}
              ${textField({
                id: 'email',
                label: strings.emailLabel,
                hint: strings.emailHint,
                value: this.answers.email,
                error: this.errors.get('email'),
                required: true,
                type: 'email',
                autocomplete: 'email',
                t: this.t,
                onInput: (value) => this.type('email', value),
                onBlur: () => this.onBlur('email'),
              })}
              ${definition.sendsMail
                ? html`<div class="choice">
                    <input
                      id="send-code"
                      type="checkbox"
                      .checked=${live(this.answers.sendCode)}
                      @change=${(event: Event) => this.change({ sendCode: (event.target as HTMLInputElement).checked })}
                    />
                    <label for="send-code">${strings.sendCode}</label>
                  </div>`
                : nothing}
            </div>`
          : nothing,
    });
  }

  private renderConsent(definition: ErvaringDefinition) {
    const strings = ervaringStrings(this.language);
    const retention = definition.retentionDays
      ? plural(strings.retention, definition.retentionDays, this.language)
      : strings.retentionUnknown;
    return html`${choiceGroup({
        id: 'consent',
        legend: strings.consentLabel,
        hint: `${strings.whoReads} ${retention} ${strings.withdrawLater}`,
        error: this.errors.get('consent'),
        required: true,
        t: this.t,
        choices: this.consentChoices(definition),
        selected: this.answers.consent ? [this.answers.consent] : [],
        onChange: (value) => this.choose('consent', { consent: value }),
      })}
      ${this.privacyHref ? html`<p class="privacy">${this.renderPrivacyLink()}</p>` : nothing}`;
  }

  private choices(options: readonly Option[]): Choice[] {
    return options.map((option) => ({ value: option.value, label: localize(option.label, this.language) }));
  }

  /** The definition's consent options, else the three default levels; one that needs a name says so. */
  private consentChoices(definition: ErvaringDefinition): Choice[] {
    const strings = ervaringStrings(this.language);
    const options = definition.consentOptions ?? defaultConsentValues.map((value) => ({ value, label: strings.consentOptions[value] }));
    return options.map(({ value, label }) => ({
      value,
      label: localize(label, this.language),
      hint: consentNeedsName(definition, value) ? strings.firstNameHint : undefined,
    }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ouder-ervaring': OuderErvaring;
  }
}
