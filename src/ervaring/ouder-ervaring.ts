import { html, nothing } from 'lit';
import { internalState, OuderElement } from '../core/element.js';
import * as ui from '../core/form.js';
import { FormController, type Problem } from '../core/form-controller.js';
import { formatDuration } from '../core/i18n/dates.js';
import { format, plural } from '../core/i18n/index.js';
import { OutcomeOptIn, outcomePlace } from '../core/outcome.js';
import { DefinitionController } from '../core/resource.js';
import type { ErvaringDefinition, Option } from '../core/schema-types.js';
import { SubmissionController, type SubmissionState } from '../core/submission.js';
import { DraftController } from './draft.js';
import {
  consentNeedsName,
  defaultConsentValues,
  draftStorageKind,
  emptyAnswers,
  type ErvaringAnswers,
  type ErvaringField,
  type ErvaringProblem,
  fieldOfServerError,
  isEmpty,
  parseErvaringDefinition,
  readDraft,
  storyLimits,
  toErvaringData,
  validateErvaring,
} from './ervaring.js';
import { ervaringStrings, type ErvaringStrings } from './ervaring.i18n.js';
import { ervaringStyles } from './ouder-ervaring.styles.js';

type Field = ErvaringField | 'outcome';

/** The fields in the order the form shows them (and the error summary lists them). */
const fieldOrder: readonly Field[] = ['story', 'themes', 'region', 'level', 'contact', 'name', 'email', 'outcome', 'consent'];

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
 * @slot - Fallback for the web editor: shown until the widget runs, and again when it cannot load or send.
 *
 * @csspart language-menu - The parent's choice of language (a select), when the definition is written in more than one.
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
 * @cssproperty --ouder-font-family - Font (fallback `--utrecht-document-font-family`, then the page's font).
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
  static override properties = internalState('answers', 'bait', 'restored', 'notice', 'copyStatus');

  private readonly loader = new DefinitionController(this, parseErvaringDefinition, (definition) => this.onReady(definition));
  private readonly submission = new SubmissionController(this, 'ervaring', (state) => this.onSubmissionChange(state));
  private readonly form = new FormController<Field>(this, { fields: () => fieldOrder, validate: () => this.problems() });
  private readonly outcome = new OutcomeOptIn(this);
  private readonly announcer = new ui.PoliteAnnouncer(this);
  private readonly draft = new DraftController<ErvaringAnswers>(this);

  private answers: ErvaringAnswers = emptyAnswers();
  private bait = '';
  /** A draft from an earlier visit was put back: say so, with a way to discard it. */
  private restored = false;
  /** What the polite status line near the top says (draft discarded). */
  private notice = '';
  /** What the status line of the withdrawal code says (copied or not). */
  private copyStatus = '';

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

  private onSubmissionChange(submission: SubmissionState<'ervaring'>): void {
    if (!this.loader.definition) return;
    if (submission.status === 'sent') {
      this.draft.clear();
      this.answers = emptyAnswers();
      this.restored = false;
      this.copyStatus = '';
      void this.focusAfterRender('.panel--success');
    } else if (submission.status === 'queued') {
      void this.focusAfterRender('.panel--queued');
    } else if (submission.status === 'rejected') {
      this.form.refused(submission, (error) => {
        let field = fieldOfServerError(error);
        // Name and e-mail are asked only after "Ja, dat mag": until then the contact question must change.
        if ((field === 'name' || field === 'email') && !this.answers.contactMe) field = 'contact';
        return field ? { field, control: field } : outcomePlace(error);
      });
    }
  }

  // --- derived -----------------------------------------------------------------------------

  private get strings(): ErvaringStrings {
    return ervaringStrings(this.language, this.dutchRegister);
  }

  /** Problems with the answers, each at the control that must change. */
  private problems(): Problem<Field>[] {
    const definition = this.loader.definition;
    if (!definition) return [];
    const problems = validateErvaring(this.answers, definition);
    return [
      ...(Object.keys(problems) as ErvaringField[]).map((field) => ({ field, control: field, message: this.message(problems[field]!) })),
      ...this.outcome.problems(definition),
    ];
  }

  private message(problem: ErvaringProblem): string {
    const { min, max } = storyLimits(this.loader.definition!);
    const { problems, contactYes, contactLabel, consentLabel } = this.strings;
    if (problem === 'story-too-short') return plural(problems[problem], min, this.language);
    if (problem === 'story-too-long') return plural(problems[problem], max, this.language);
    return format(problems[problem], { yes: contactYes, contact: contactLabel, consent: consentLabel }).join('');
  }

  /** The chosen consent shares the first name: the name field asks for it, and it is required. */
  private get nameNeeded(): boolean {
    const definition = this.loader.definition;
    return !!definition && !!this.answers.consent && consentNeedsName(definition, this.answers.consent);
  }

  // --- handlers ----------------------------------------------------------------------------

  private change(patch: Partial<ErvaringAnswers>): void {
    this.answers = { ...this.answers, ...patch };
    if (isEmpty(this.answers)) this.draft.clear();
    else this.draft.save(this.answers);
  }

  private type(field: 'story' | 'name' | 'email', value: string): void {
    this.form.input(field);
    this.change({ [field]: value });
  }

  private choose(field: ErvaringField, patch: Partial<ErvaringAnswers>): void {
    this.change(patch);
    this.form.choose(field);
  }

  private toggleTheme(value: string, checked: boolean): void {
    const chosen = new Set(this.answers.themes);
    if (checked) chosen.add(value);
    else chosen.delete(value);
    const themes = this.loader.definition!.themes.map((theme) => theme.value).filter((v) => chosen.has(v));
    this.choose('themes', { themes });
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
    this.form.clear();
    this.restored = false;
    this.notice = this.strings.draftDiscarded;
    void this.focusAfterRender('#story');
  }

  private async onSubmit(event: Event, definition: ErvaringDefinition): Promise<void> {
    event.preventDefault();
    if (this.submission.busy) return;
    this.syncStory();
    if (!this.form.submit()) return;
    this.draft.flush();
    // The code by e-mail only from a server that sends e-mail (a draft may remember the wish).
    const answers = { ...this.answers, sendCode: this.answers.sendCode && definition.sendsMail === true };
    await this.submission.submit(definition.id, toErvaringData(answers), this.bait, this.outcome.emailFor(definition));
  }

  private async copyCode(code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      this.copyStatus = this.strings.copied;
    } catch {
      this.copyStatus = this.strings.copyFailed;
    }
  }

  private startAgain(): void {
    this.submission.reset();
    this.outcome.reset();
    this.form.clear();
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
    const { strings } = this;
    let body: unknown;
    if (status === 'sent') body = this.renderThanks();
    else if (status === 'queued') body = ui.queuedPanel(this.level + 1, this.t.queuedTitle, this.storageEnabled ? strings.queued : strings.queuedUnsaved);
    else body = this.renderForm(definition);
    return html`${ui.header(this.level, this.text(definition.title), definition.intro && this.text(definition.intro))} ${this.renderHelp()}
    ${body}`;
  }

  private renderHelp() {
    const { strings } = this;
    const site = (href: string, label: string) =>
      html`<a href=${href} target="_blank" rel="noopener noreferrer"
        >${label} <span class="visually-hidden">${this.t.opensInNewWindow}</span></a
      >`;
    return html`<section class="help" part="help" aria-labelledby="help-title">
      ${this.subheading(strings.helpTitle, 1, 'help-title')}
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

  private renderThanks() {
    const { strings } = this;
    const submission = this.submission.state;
    if (submission.status !== 'sent') return nothing;
    const { withdrawCode, withdrawUrl } = submission.response;
    const safeUrl = withdrawUrl && /^https?:\/\//i.test(withdrawUrl) ? withdrawUrl : undefined;
    return html`<div class="panel panel--success" tabindex="-1" role="status">
      ${this.subheading(strings.thanksTitle)}
      <p>${submission.later ? strings.sentLaterNoCode : strings.thanksBody}</p>
      ${submission.payload.data.contact?.sendCode ? html`<p>${strings.codeMailed}</p>` : nothing}
      <p>${strings.nextSteps}</p>
      ${withdrawCode || safeUrl
        ? html`<div class="withdraw">
            ${this.subheading(strings.withdrawTitle, 2)}
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
    const { strings, t, form } = this;
    return html`
      ${this.restored
        ? html`<div class="panel draft-notice">
            <p>${strings.draftRestored}</p>
            <div class="actions">
              <button type="button" class="secondary" part="button" @click=${() => this.discardDraft()}>${strings.discardDraft}</button>
            </div>
          </div>`
        : nothing}
      <p class="notice" role="status">${this.notice}</p>
      ${ui.errorSummary(form.summary, t, this.renderRoot as ShadowRoot, this.level + 1)} ${ui.refusalPanel(form, t, this.level + 1)}
      <form
        part="form"
        novalidate
        @submit=${(event: Event) => this.onSubmit(event, definition)}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
      >
        ${this.renderStory(definition)}
        ${ui.choiceGroup({
          id: 'themes',
          label: strings.themesLabel,
          hint: strings.themesHint,
          error: form.error('themes'),
          multiple: true,
          t,
          choices: this.choices(definition.themes),
          selected: this.answers.themes,
          onChange: (value, checked) => this.toggleTheme(value, checked),
        })}
        ${definition.regions?.length ? this.renderSelect('region', strings.regionLabel, strings.regionPlaceholder, definition.regions) : nothing}
        ${definition.levels?.length ? this.renderSelect('level', strings.levelLabel, strings.levelPlaceholder, definition.levels) : nothing}
        ${this.renderContact(definition)} ${this.outcome.render(definition, form)} ${this.renderConsent(definition)} ${ui.honeypot(this.bait, (value) => (this.bait = value))}
        ${ui.submitActions(strings.send, this.submission.state, t)}
      </form>
    `;
  }

  private renderStory(definition: ErvaringDefinition) {
    const { strings, t } = this;
    const { min, max } = storyLimits(definition);
    const prompts = definition.prompts ?? [];
    const hint = [strings.namesWarning, min > 0 ? plural(strings.minLength, min, this.language) : ''].filter(Boolean).join(' ');
    return html`${prompts.length > 0
        ? html`<div id="story-prompts" class="prompts">
            <p>${strings.promptsIntro}</p>
            <ul>
              ${prompts.map((prompt) => html`<li>${this.text(prompt)}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${ui.textField({
        id: 'story',
        label: strings.storyLabel,
        hint,
        error: this.form.error('story'),
        value: this.answers.story,
        required: true,
        multiline: true,
        describedBy: prompts.length > 0 ? 'story-prompts story-count' : 'story-count',
        t,
        after: ui.characterCount({ id: 'story', value: this.answers.story, min, max, t, language: this.language, announcer: this.announcer }),
        onInput: (value) => this.type('story', value),
        onBlur: () => this.form.blur('story'),
      })}`;
  }

  private renderSelect(field: 'region' | 'level', label: string, placeholder: string, options: readonly Option[]) {
    return ui.selectField({
      id: field,
      label,
      placeholder,
      required: false,
      value: this.answers[field],
      error: this.form.error(field),
      t: this.t,
      options: options.map((option) => ({ value: option.value, ...this.localized(option.label) })),
      onChange: (value) => this.choose(field, { [field]: value }),
    });
  }

  private renderContact(definition: ErvaringDefinition) {
    const { strings, t, form } = this;
    const nameNeeded = this.nameNeeded;
    return ui.choiceGroup({
      id: 'contact',
      label: strings.contactLabel,
      hint: strings.contactHint,
      error: form.error('contact'),
      t,
      choices: [
        { value: 'no', label: strings.contactNo },
        { value: 'yes', label: strings.contactYes },
      ],
      selected: [this.answers.contactMe ? 'yes' : 'no'],
      onChange: (value) => this.choose('contact', { contactMe: value === 'yes' }),
      reveal: (choice) =>
        choice.value === 'yes'
          ? html`<div class="conditional">
              ${ui.textField({
                id: 'name',
                label: nameNeeded ? strings.firstNameLabel : strings.nameLabel,
                hint: nameNeeded ? strings.firstNameFieldHint : undefined,
                value: this.answers.name,
                error: form.error('name'),
                required: nameNeeded,
                autocomplete: nameNeeded ? 'given-name' : 'name',
                t,
                onInput: (value) => this.type('name', value),
                onBlur: () => form.blur('name'),
              })}
              ${ui.textField({
                id: 'email',
                label: strings.emailLabel,
                hint: strings.emailHint,
                value: this.answers.email,
                error: form.error('email'),
                required: true,
                type: 'email',
                autocomplete: 'email',
                t,
                onInput: (value) => this.type('email', value),
                onBlur: () => form.blur('email'),
              })}
              ${definition.sendsMail
                ? ui.checkboxField({
                    id: 'send-code',
                    label: strings.sendCode,
                    checked: this.answers.sendCode,
                    t,
                    onChange: (sendCode) => this.change({ sendCode }),
                  })
                : nothing}
            </div>`
          : nothing,
    });
  }

  private renderConsent(definition: ErvaringDefinition) {
    const { strings } = this;
    const retention = definition.retentionDays
      ? format(strings.retention, { duration: formatDuration(definition.retentionDays, this.language) }).join('')
      : strings.retentionUnknown;
    return html`${ui.choiceGroup({
        id: 'consent',
        label: strings.consentLabel,
        hint: `${strings.whoReads} ${retention} ${strings.withdrawLater}`,
        error: this.form.error('consent'),
        required: true,
        t: this.t,
        choices: this.consentChoices(definition),
        selected: this.answers.consent ? [this.answers.consent] : [],
        onChange: (value) => this.choose('consent', { consent: value }),
      })}
      ${this.privacyHref ? html`<p class="privacy">${this.renderPrivacyLink()}</p>` : nothing}`;
  }

  private choices(options: readonly Option[]): ui.Choice[] {
    return options.map((option) => ({ value: option.value, label: this.text(option.label) }));
  }

  /** The definition's consent options, else the three default levels; one that needs a name says so. */
  private consentChoices(definition: ErvaringDefinition): ui.Choice[] {
    const { strings } = this;
    const options = definition.consentOptions
      ? this.choices(definition.consentOptions)
      : defaultConsentValues.map((value) => ({ value, label: strings.consentOptions[value] }));
    const hint = format(strings.firstNameHint, { contact: strings.contactLabel, yes: strings.contactYes }).join('');
    return options.map((option) => ({ ...option, hint: consentNeedsName(definition, option.value) ? hint : undefined }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ouder-ervaring': OuderErvaring;
  }
}
