import { html, nothing, type TemplateResult } from 'lit';
import { DefinitionController } from '../core/definition.js';
import { internalState, OuderElement } from '../core/element.js';
import {
  characterCount,
  characterLength,
  choiceGroup,
  errorSummary,
  type FieldError,
  honeypot,
  PoliteAnnouncer,
  textField,
} from '../core/form.js';
import { localize, plural } from '../core/i18n/index.js';
import type { PeilingTally } from '../core/schema-types.js';
import { Store } from '../core/storage.js';
import { OutcomeOptIn, outcomeEmailId } from '../core/outcome.js';
import { SubmissionController, type SubmissionState, uuidV4 } from '../core/submission.js';
import { peilingStyles } from './ouder-peiling.styles.js';
import {
  type AnswerValue,
  checkEntry,
  emptyEntry,
  type Entry,
  isClosed,
  onePageLimit,
  otherValue,
  parsePeiling,
  parseTally,
  type Peiling,
  percentages,
  type Question,
  resultsView,
  scaleValues,
  toAnswer,
} from './peiling.js';
import { peilingStrings } from './peiling.i18n.js';

/** What this device remembers of a poll, under `ouderstem:peiling:<formId>`. */
interface VoterRecord {
  voterToken: string;
  voted?: boolean;
  tally?: PeilingTally;
}

/** Key prefix in `errors` for a server error about no field of this form. */
const generalError = 'general:';

/**
 * A participation poll or short survey. Up to three questions are shown on one page; longer
 * polls ask one question at a time ("vraag 2 van 4") with a way back, which is easier on a phone.
 *
 * @summary Participation poll / short survey, with results when the definition allows.
 * @tag ouder-peiling
 *
 * @event ouder-ready - The definition is loaded and rendered. `detail: { definition }`
 * @event ouder-submit - About to POST; cancelable. `detail: { payload }`
 * @event ouder-submitted - The server accepted the answers. `detail: { payload, response }`
 * @event ouder-queued - No connection; kept in the outbox and sent later. `detail: { payload, attempt }`
 * @event ouder-error - The server refused the answers (4xx). `detail: { payload, status, errors }`
 *
 * @csspart form - The form.
 * @csspart field - A question or field.
 * @csspart label - A question's label or legend.
 * @csspart hint - Hint text.
 * @csspart error - An error message.
 * @csspart error-summary - The summary of errors after a failed submit.
 * @csspart button - Buttons.
 * @csspart results - The results.
 *
 * @cssproperty --ouder-font-family - Font (fallback `--utrecht-document-font-family`).
 * @cssproperty --ouder-font-size - Base font size.
 * @cssproperty --ouder-color - Text colour.
 * @cssproperty --ouder-background - Background.
 * @cssproperty --ouder-primary - Buttons and result bars (fallback `--utrecht-button-primary-action-background-color`).
 * @cssproperty --ouder-on-primary - Text on primary.
 * @cssproperty --ouder-error-color - Errors.
 * @cssproperty --ouder-focus-color - Focus outline.
 * @cssproperty --ouder-max-width - Widest the widget grows (default 40rem).
 */
export class OuderPeiling extends OuderElement {
  static override styles = [...OuderElement.styles, peilingStyles];
  protected static override texts = [peilingStrings];
  static override properties = internalState('entries', 'code', 'bait', 'step', 'errors', 'record', 'tally');

  private readonly loader = new DefinitionController(this, parsePeiling, (definition) => this.onReady(definition));
  private readonly submission = new SubmissionController(this, (state) => this.onSubmissionChange(state));
  private readonly outcome = new OutcomeOptIn(this);
  private readonly announcer = new PoliteAnnouncer(this);

  private entries: Record<string, Entry> = {};
  private code = '';
  private bait = '';
  private step = 0;
  private errors = new Map<string, string>();
  private record?: VoterRecord;
  private tally?: PeilingTally;

  /** Fields changed since their last check: checked again when they lose focus. */
  private dirty = new Set<string>();

  // --- lifecycle ---------------------------------------------------------------------------

  private onReady(definition: Peiling): void {
    this.record = this.voterStore.read<VoterRecord>(this.recordKey(definition));
    this.tally = definition.tally ?? this.record?.tally;
    this.submission.resume(definition.id);
    this.announceReady(definition);
  }

  private onSubmissionChange(submission: SubmissionState): void {
    const peiling = this.loader.definition;
    if (!peiling) return;
    if (submission.status === 'sent') {
      const tally = this.tallyFrom(submission.response.tally) ?? this.tally;
      this.tally = tally;
      this.saveRecord(peiling, { ...this.ensureRecord(peiling), voted: true, tally });
      void this.focusAfterRender('.panel--success');
    } else if (submission.status === 'queued') {
      void this.focusAfterRender('.panel--queued');
    } else if (submission.status === 'rejected') {
      this.showRejection(peiling, submission);
    }
  }

  // --- handlers ----------------------------------------------------------------------------

  private setEntry(question: Question, change: Partial<Entry>): void {
    const entry = { ...(this.entries[question.id] ?? emptyEntry()), ...change };
    this.entries = { ...this.entries, [question.id]: entry };
    this.dirty.add(question.id);
    // A choice is a complete act: check it now, so a fixed error disappears at once.
    if (this.errors.has(fieldId(question)) && change.selected) this.checkQuestion(question);
  }

  private choose(question: Question, value: string, checked: boolean): void {
    const current = this.entries[question.id]?.selected ?? [];
    const selected =
      question.type === 'multiple'
        ? checked
          ? [...current, value]
          : current.filter((v) => v !== value)
        : [value];
    this.setEntry(question, { selected });
  }

  private onBlur(question: Question): void {
    if (this.dirty.has(question.id)) this.checkQuestion(question);
  }

  private checkQuestion(question: Question): boolean {
    this.dirty.delete(question.id);
    const message = this.problemMessage(question);
    const errors = new Map(this.errors);
    if (message) errors.set(fieldId(question), message);
    else errors.delete(fieldId(question));
    this.errors = errors;
    return !message;
  }

  private problemMessage(question: Question): string | undefined {
    const strings = peilingStrings(this.language);
    switch (checkEntry(question, this.entries[question.id] ?? emptyEntry())) {
      case 'required':
        return strings.errors.required[question.type];
      case 'other-empty':
        return strings.errors.otherEmpty;
      case 'too-long':
        return plural(strings.errors.tooLong, question.maxLength, this.language);
      default:
        return undefined;
    }
  }

  private validate(peiling: Peiling, questions: readonly Question[]): boolean {
    const errors = new Map<string, string>();
    if (peiling.integrity === 'code' && this.code.trim() === '') {
      errors.set('code', peilingStrings(this.language).errors.codeRequired);
    }
    for (const question of questions) {
      const message = this.problemMessage(question);
      if (message) errors.set(fieldId(question), message);
    }
    const outcome = this.outcome.problem(peiling, this.language);
    if (outcome) errors.set(outcomeEmailId, outcome);
    this.errors = errors;
    if (errors.size > 0) void this.focusAfterRender('.error-summary');
    return errors.size === 0;
  }

  private goTo(step: number): void {
    this.step = step;
    this.errors = new Map();
    void this.focusAfterRender('.progress');
  }

  private onNext(peiling: Peiling): void {
    const question = peiling.questions[this.step];
    const errors = new Map<string, string>();
    const message = this.problemMessage(question);
    if (message) errors.set(fieldId(question), message);
    if (this.step === 0 && peiling.integrity === 'code' && this.code.trim() === '') {
      errors.set('code', peilingStrings(this.language).errors.codeRequired);
    }
    this.errors = errors;
    if (errors.size > 0) void this.focusAfterRender('.error-summary');
    else this.goTo(this.step + 1);
  }

  private async onSubmit(event: Event, peiling: Peiling): Promise<void> {
    event.preventDefault();
    if (this.submission.busy) return;
    if (this.stepped(peiling) && this.step < peiling.questions.length - 1) {
      this.onNext(peiling);
      return;
    }
    if (!this.validate(peiling, peiling.questions)) return;
    const answers: Record<string, AnswerValue> = {};
    for (const question of peiling.questions) {
      const answer = toAnswer(question, this.entries[question.id] ?? emptyEntry());
      if (answer !== undefined) answers[question.id] = answer;
    }
    const record = this.ensureRecord(peiling);
    const data = {
      answers,
      voterToken: record.voterToken,
      ...(peiling.integrity === 'code' ? { code: this.code.trim() } : {}),
    };
    await this.submission.submit('peiling', peiling.id, data, this.bait, this.outcome.emailFor(peiling));
  }

  private showRejection(peiling: Peiling, rejected: Extract<SubmissionState, { status: 'rejected' }>): void {
    const conflict = rejected.errors.find((error) => error.code === 'already-voted');
    if (conflict) {
      this.saveRecord(peiling, { ...this.ensureRecord(peiling), voted: true });
      return;
    }
    if (rejected.errors.some((error) => error.code === 'poll-closed')) {
      this.loader.reload();
      return;
    }
    const errors = new Map<string, string>();
    for (const error of rejected.errors) {
      const question = peiling.questions.find((q) => error.field === `answers.${q.id}`);
      // An error about no field in this form is listed in the summary without a link.
      const id = question ? fieldId(question) : error.field === 'code' ? 'code' : `${generalError}${errors.size}`;
      if (!errors.has(id)) errors.set(id, error.message);
    }
    this.errors = errors;
    // In step mode, go back to the first question with a problem.
    const first = peiling.questions.findIndex((q) => errors.has(fieldId(q)));
    if (this.stepped(peiling) && first >= 0) this.step = first;
    else if (this.stepped(peiling) && errors.has('code')) this.step = 0;
    if (errors.size > 0) void this.focusAfterRender('.error-summary');
  }

  // --- storage of the voter record ------------------------------------------------------------

  private get voterStore(): Store {
    return new Store('local', this.storageEnabled);
  }

  private recordKey(peiling: Peiling): string {
    return `peiling:${peiling.id}`;
  }

  private ensureRecord(peiling: Peiling): VoterRecord {
    if (!this.record) this.saveRecord(peiling, { voterToken: uuidV4() });
    return this.record!;
  }

  private saveRecord(peiling: Peiling, record: VoterRecord): void {
    this.record = record;
    this.voterStore.write(this.recordKey(peiling), record);
  }

  private tallyFrom(raw: unknown): PeilingTally | undefined {
    try {
      return raw === undefined ? undefined : parseTally(raw);
    } catch {
      return undefined;
    }
  }

  private stepped(peiling: Peiling): boolean {
    return peiling.questions.length > onePageLimit;
  }

  // --- rendering ---------------------------------------------------------------------------

  override render() {
    return this.renderFrame(this.loader, (peiling) => this.renderPeiling(peiling));
  }

  private renderPeiling(peiling: Peiling) {
    const closed = isClosed(peiling);
    const { status } = this.submission.state;
    let body: unknown;
    if (status === 'sent') body = this.renderThanks(peiling);
    else if (status === 'queued') body = this.renderQueued();
    else if (this.record?.voted) body = this.renderNotice(peiling, 'voted');
    else if (closed) body = this.renderNotice(peiling, 'closed');
    else body = this.renderForm(peiling);
    // dir="auto": definition text may fall back to Dutch inside an Arabic page.
    return html`<h2 dir="auto">${localize(peiling.title, this.language)}</h2>
      ${peiling.intro ? html`<p dir="auto">${localize(peiling.intro, this.language)}</p>` : nothing} ${body}`;
  }

  private renderThanks(peiling: Peiling) {
    const strings = peilingStrings(this.language);
    const later = this.submission.state.status === 'sent' && this.submission.state.later;
    return html`<div class="panel panel--success" tabindex="-1" role="status">
        <h3>${strings.thanksTitle}</h3>
        <p>${later ? this.t.sentLater : strings.thanksBody}</p>
      </div>
      ${this.renderResults(peiling)}`;
  }

  private renderQueued() {
    return html`<div class="panel panel--queued" tabindex="-1" role="status">
      <h3>${this.t.queuedTitle}</h3>
      <p>${this.queuedBody}</p>
    </div>`;
  }

  private renderNotice(peiling: Peiling, kind: 'voted' | 'closed') {
    const strings = peilingStrings(this.language);
    const [title, body] = kind === 'voted' ? [strings.votedTitle, strings.votedBody] : [strings.closedTitle, strings.closedBody];
    return html`<div class="panel" role="status">
        <h3>${title}</h3>
        <p>${body}</p>
      </div>
      ${this.renderResults(peiling)}`;
  }

  private renderForm(peiling: Peiling) {
    const strings = peilingStrings(this.language);
    const stepped = this.stepped(peiling);
    const questions = stepped ? [peiling.questions[this.step]] : peiling.questions;
    const last = !stepped || this.step === peiling.questions.length - 1;
    const submission = this.submission.state;
    const sending = submission.status === 'sending';
    const rejectedWithoutDetails = submission.status === 'rejected' && submission.errors.length === 0;
    const summary: FieldError[] = [...this.errors].map(([id, message]) => ({ id: id.startsWith(generalError) ? undefined : id, message }));
    return html`
      ${errorSummary(summary, this.t, this.renderRoot as ShadowRoot)}
      ${rejectedWithoutDetails
        ? html`<div class="panel panel--error" role="alert">
            <h3>${this.t.failedTitle}</h3>
            <p>${this.t.failedBody}</p>
          </div>`
        : nothing}
      ${peiling.closesAt ? html`<p class="muted">${strings.closesAt(this.formatDate(peiling.closesAt))}</p>` : nothing}
      <form part="form" novalidate @submit=${(event: Event) => this.onSubmit(event, peiling)}>
        ${stepped
          ? html`<p class="progress" tabindex="-1">${strings.questionOf(this.step + 1, peiling.questions.length)}</p>`
          : nothing}
        ${peiling.integrity === 'code' && this.step === 0
          ? textField({
              id: 'code',
              label: strings.codeLabel,
              hint: strings.codeHint,
              value: this.code,
              error: this.errors.get('code'),
              required: true,
              autocomplete: 'off',
              t: this.t,
              onInput: (value) => (this.code = value),
            })
          : nothing}
        ${questions.map((question) => this.renderQuestion(question))}
        ${last ? this.outcome.render(peiling, this.t, this.language, this.errors.get(outcomeEmailId)) : nothing}
        ${honeypot(this.bait, (value) => (this.bait = value))}
        <div class="actions">
          ${stepped && this.step > 0
            ? html`<button type="button" class="secondary" part="button" @click=${() => this.goTo(this.step - 1)}>
                ${strings.previous}
              </button>`
            : nothing}
          <button type="submit" part="button" aria-disabled=${sending ? 'true' : 'false'}>
            ${last ? this.t.send : strings.next}
          </button>
        </div>
        <p class="status-line" role="status">
          ${sending ? (submission.attempt > 1 ? this.t.retrying : this.t.sending) : ''}
        </p>
      </form>
    `;
  }

  private renderQuestion(question: Question): TemplateResult {
    const strings = peilingStrings(this.language);
    const entry = this.entries[question.id] ?? emptyEntry();
    const id = fieldId(question);
    const label = localize(question.label, this.language);
    const hint = question.hint ? localize(question.hint, this.language) : undefined;
    const error = this.errors.get(id);
    if (question.type === 'open') {
      return textField({
        id,
        label,
        hint,
        error,
        value: entry.text,
        required: question.required,
        multiline: true,
        describedBy: `${id}-count`,
        t: this.t,
        after: this.renderCount(id, entry.text, question.maxLength),
        onInput: (text) => this.setEntry(question, { text }),
        onBlur: () => this.onBlur(question),
      });
    }
    if (question.type === 'scale') {
      const values = scaleValues(question);
      const minLabel = question.minLabel ? localize(question.minLabel, this.language) : '';
      const maxLabel = question.maxLabel ? localize(question.maxLabel, this.language) : '';
      const scaleHint =
        minLabel || maxLabel
          ? strings.scaleHint(`${question.min}${minLabel ? ` (${minLabel})` : ''}`, `${question.max}${maxLabel ? ` (${maxLabel})` : ''}`)
          : undefined;
      return choiceGroup({
        id,
        legend: label,
        hint: [hint, scaleHint].filter(Boolean).join(' ') || undefined,
        error,
        required: question.required,
        layout: 'scale',
        t: this.t,
        choices: values.map((value) => ({ value: String(value), label: String(value) })),
        selected: entry.selected,
        onChange: (value) => this.choose(question, value, true),
      });
    }
    const choices = question.options.map((option) => ({ value: option.value, label: localize(option.label, this.language) }));
    if (question.other) choices.push({ value: otherValue, label: strings.other });
    return choiceGroup({
      id,
      legend: label,
      hint,
      error,
      required: question.required,
      multiple: question.type === 'multiple',
      t: this.t,
      choices,
      selected: entry.selected,
      onChange: (value, checked) => this.choose(question, value, checked),
      reveal: (choice) =>
        choice.value === otherValue
          ? html`<div class="conditional">
              ${textField({
                id: `${id}-other`,
                label: strings.otherLabel,
                value: entry.other,
                t: this.t,
                onInput: (other) => this.setEntry(question, { other }),
                onBlur: () => this.onBlur(question),
              })}
            </div>`
          : nothing,
    });
  }

  private renderCount(id: string, text: string, max: number) {
    return characterCount({
      id,
      length: characterLength(text),
      max,
      t: this.t,
      language: this.language,
      announcer: this.announcer,
    });
  }

  private renderResults(peiling: Peiling) {
    const strings = peilingStrings(this.language);
    const view = resultsView(peiling, this.tally, { closed: isClosed(peiling) });
    if (view === 'none') return nothing;
    if (view !== 'show') {
      return html`<p class="status">${view === 'later' ? strings.resultsAfterClose : strings.resultsTooFew}</p>`;
    }
    const tally = this.tally!;
    const hasOpen = peiling.questions.some((q) => q.type === 'open');
    return html`<section class="results" part="results" aria-labelledby="results-title">
      <h3 id="results-title">${strings.resultsTitle}</h3>
      <p>${plural(strings.participants, tally.total, this.language)}</p>
      ${peiling.questions.filter((q) => q.type !== 'open').map((question) => this.renderQuestionResult(question, tally))}
      ${hasOpen ? html`<p class="muted">${strings.openNotShown}</p>` : nothing}
    </section>`;
  }

  private renderQuestionResult(question: Question, tally: PeilingTally) {
    const strings = peilingStrings(this.language);
    const result = tally.questions[question.id] ?? { counts: {}, total: 0 };
    const rows =
      question.type === 'scale'
        ? scaleValues(question).map((value) => ({ value: String(value), label: String(value) }))
        : question.options.map((option) => ({ value: option.value, label: localize(option.label, this.language) }));
    if (question.other) rows.push({ value: otherValue, label: strings.other });
    const counts = rows.map((row) => result.counts[row.value] ?? 0);
    const shares = percentages(counts, result.total, question.type !== 'multiple');
    const percent = new Intl.NumberFormat(this.language, { style: 'percent' });
    const headingId = `result-${question.id}`;
    return html`<div>
      <h4 id=${headingId} dir="auto">${localize(question.label, this.language)}</h4>
      <ul class="bars" aria-labelledby=${headingId}>
        ${rows.map(
          (row, index) => html`<li>
            <span class="bar-text">
              <span dir="auto">${row.label}</span>
              <span>${plural(strings.votes, counts[index], this.language)} (${percent.format(shares[index] / 100)})</span>
            </span>
            <svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect width=${shares[index]} height="1"></rect>
            </svg>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private formatDate(iso: string): string {
    return new Intl.DateTimeFormat(this.language, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(iso));
  }
}

/** The id of a question's control in the shadow root (fieldset or textarea). */
function fieldId(question: Question): string {
  return `q-${question.id}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'ouder-peiling': OuderPeiling;
  }
}
