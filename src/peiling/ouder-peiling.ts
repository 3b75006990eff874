import { html, nothing, type TemplateResult } from 'lit';
import { internalState, OuderElement } from '../core/element.js';
import * as ui from '../core/form.js';
import { FormController, type Problem } from '../core/form-controller.js';
import { formatDeadline } from '../core/i18n/dates.js';
import { format, localeOf, plural } from '../core/i18n/index.js';
import { OutcomeOptIn, outcomePlace } from '../core/outcome.js';
import { DefinitionController } from '../core/resource.js';
import type { FieldError, PeilingTally } from '../core/schema-types.js';
import { Store } from '../core/storage.js';
import { SubmissionController, type SubmissionState, uuidV4 } from '../core/submission.js';
import { noticeStrings, noticeStyles, resultBarStyles, type OutcomeNotice, renderNotice as renderOutcomeNotice } from '../core/terugkoppeling.js';
import { peilingStrings, type PeilingStrings } from './peiling.i18n.js';
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

/** What this device remembers of a poll, under `ouderstem:peiling:<formId>`. */
interface VoterRecord {
  voterToken: string;
  voted?: boolean;
  tally?: PeilingTally;
}

/** A field of the poll: the participation code, or a question by its id. */
type Field = string;

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
 * @slot - Fallback for the web editor: shown until the widget runs, and again when it cannot load or send.
 *
 * @csspart language-menu - The parent's choice of language (a select), when the definition is written in more than one.
 * @csspart form - The form.
 * @csspart field - A question or field.
 * @csspart label - A question's label or legend.
 * @csspart hint - Hint text.
 * @csspart error - An error message.
 * @csspart error-summary - The summary of errors after a failed submit.
 * @csspart button - Buttons.
 * @csspart results - The results.
 *
 * @cssproperty --ouder-font-family - Font (fallback `--utrecht-document-font-family`, then the page's font).
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
  static override styles = [...OuderElement.styles, noticeStyles, resultBarStyles, peilingStyles];
  protected static override texts = [peilingStrings, noticeStrings];
  static override properties = internalState('entries', 'code', 'bait', 'step', 'record', 'tally');

  private readonly loader = new DefinitionController(this, parsePeiling, (definition) => this.onReady(definition));
  private readonly submission = new SubmissionController(this, 'peiling', (state) => this.onSubmissionChange(state));
  private readonly form = new FormController<Field>(this, {
    fields: () => ['code', ...(this.loader.definition?.questions.map((question) => question.id) ?? []), 'outcome'],
    validate: () => this.problems(),
  });
  private readonly outcome = new OutcomeOptIn(this);
  private readonly announcer = new ui.PoliteAnnouncer(this);

  private entries: Record<string, Entry> = {};
  private code = '';
  private bait = '';
  private step = 0;
  private record?: VoterRecord;
  private tally?: PeilingTally;

  // --- lifecycle ---------------------------------------------------------------------------

  private onReady(definition: Peiling): void {
    this.record = this.voterStore.read<VoterRecord>(this.recordKey(definition));
    this.tally = definition.tally ?? this.record?.tally;
    this.submission.resume(definition.id);
    this.announceReady(definition);
  }

  private onSubmissionChange(submission: SubmissionState<'peiling'>): void {
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

  // --- derived -----------------------------------------------------------------------------

  private get strings(): PeilingStrings {
    return peilingStrings(this.language, this.dutchRegister);
  }

  private stepped(peiling: Peiling): boolean {
    return peiling.questions.length > onePageLimit;
  }

  /** The last (or only) page of the poll: the one with "Versturen" and the outcome opt-in. */
  private lastStep(peiling: Peiling): boolean {
    return !this.stepped(peiling) || this.step === peiling.questions.length - 1;
  }

  /** The questions on screen: all of them, or the current step's. */
  private shownQuestions(peiling: Peiling): readonly Question[] {
    return this.stepped(peiling) ? [peiling.questions[this.step]] : peiling.questions;
  }

  /** Problems with the fields on screen, each at the control that must change. */
  private problems(): Problem<Field>[] {
    const peiling = this.loader.definition;
    if (!peiling) return [];
    const { errors } = this.strings;
    const problems: Problem<Field>[] = [];
    if (peiling.integrity === 'code' && this.step === 0 && this.code.trim() === '') {
      problems.push({ field: 'code', control: 'code', message: errors.codeRequired });
    }
    for (const question of this.shownQuestions(peiling)) {
      const id = fieldId(question);
      const at = (control: string, message: string) => problems.push({ field: question.id, control, message });
      const tooLong = plural(errors.tooLong, question.maxLength, this.language);
      switch (checkEntry(question, this.entry(question))) {
        case 'required':
          at(id, errors.required[question.type]);
          break;
        case 'too-long':
          at(id, tooLong);
          break;
        case 'other-empty':
          at(`${id}-other`, errors.otherEmpty);
          break;
        case 'other-too-long':
          at(`${id}-other`, tooLong);
          break;
      }
    }
    if (this.lastStep(peiling)) problems.push(...this.outcome.problems(peiling));
    return problems;
  }

  private entry(question: Question): Entry {
    return this.entries[question.id] ?? emptyEntry();
  }

  // --- handlers ----------------------------------------------------------------------------

  private setEntry(question: Question, change: Partial<Entry>): void {
    this.entries = { ...this.entries, [question.id]: { ...this.entry(question), ...change } };
  }

  private typeEntry(question: Question, change: Partial<Entry>): void {
    this.setEntry(question, change);
    this.form.input(question.id);
  }

  private choose(question: Question, value: string, checked: boolean): void {
    const current = this.entry(question).selected;
    const selected = question.type !== 'multiple' ? [value] : checked ? [...current, value] : current.filter((v) => v !== value);
    this.setEntry(question, { selected });
    this.form.choose(question.id);
  }

  private goTo(step: number): void {
    this.step = step;
    this.form.clear();
    void this.focusAfterRender('.progress');
  }

  private async onSubmit(event: Event, peiling: Peiling): Promise<void> {
    event.preventDefault();
    if (this.submission.busy || !this.form.submit()) return;
    if (!this.lastStep(peiling)) {
      this.goTo(this.step + 1);
      return;
    }
    const answers: Record<string, AnswerValue> = {};
    for (const question of peiling.questions) {
      const answer = toAnswer(question, this.entry(question));
      if (answer !== undefined) answers[question.id] = answer;
    }
    const record = this.ensureRecord(peiling);
    const data = {
      answers,
      voterToken: record.voterToken,
      ...(peiling.integrity === 'code' ? { code: this.code.trim() } : {}),
    };
    await this.submission.submit(peiling.id, data, this.bait, this.outcome.emailFor(peiling));
  }

  private showRejection(peiling: Peiling, rejected: Extract<SubmissionState, { status: 'rejected' }>): void {
    if (rejected.errors.some((error) => error.code === 'already-voted')) {
      this.saveRecord(peiling, { ...this.ensureRecord(peiling), voted: true });
      return;
    }
    if (rejected.errors.some((error) => error.code === 'poll-closed')) {
      this.loader.reload();
      return;
    }
    // In step mode, go back to the first question with a problem (or to the code).
    const first = peiling.questions.findIndex((question) => rejected.errors.some((error) => placeOf(question, error)));
    if (this.stepped(peiling)) {
      if (first >= 0) this.step = first;
      else if (rejected.errors.some((error) => error.field === 'code')) this.step = 0;
    }
    this.form.refused(rejected, (error) => {
      if (error.field === 'code') return { field: 'code', control: 'code' };
      // Only what is on screen can be linked to.
      const question = this.shownQuestions(peiling).find((candidate) => placeOf(candidate, error));
      return question ? { field: question.id, control: placeOf(question, error)! } : outcomePlace(error);
    });
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

  // --- rendering ---------------------------------------------------------------------------

  override render() {
    return this.renderFrame(this.loader, (peiling) => this.renderPeiling(peiling));
  }

  private renderPeiling(peiling: Peiling) {
    const { status } = this.submission.state;
    const { strings } = this;
    let body: unknown;
    if (status === 'sent') body = this.renderThanks(peiling);
    else if (status === 'queued') body = ui.queuedPanel(this.level + 1, this.t.queuedTitle, this.storageEnabled ? strings.queued : strings.queuedUnsaved);
    else if (this.record?.voted) body = this.renderNotice(peiling, strings.votedTitle, strings.votedBody);
    else if (isClosed(peiling)) body = this.renderNotice(peiling, strings.closedTitle, strings.closedBody, peiling.outcome);
    else body = this.renderForm(peiling);
    return html`${ui.header(this.level, this.text(peiling.title), peiling.intro && this.text(peiling.intro))} ${body}`;
  }

  private renderThanks(peiling: Peiling) {
    const { strings } = this;
    const later = this.submission.state.status === 'sent' && this.submission.state.later;
    return html`<div class="panel panel--success" tabindex="-1" role="status">
        ${this.subheading(strings.thanksTitle)}
        <p>${later ? strings.sentLater : strings.thanksBody}</p>
      </div>
      ${this.renderResults(peiling)}`;
  }

  /** Already voted, or closed; a closed poll shows what was done with the answers once published, as <ouder-terugkoppeling> does. */
  private renderNotice(peiling: Peiling, title: string, body: string, outcome?: OutcomeNotice) {
    return html`<div class="panel" role="status">
        ${this.subheading(title)}
        <p>${body}</p>
      </div>
      ${outcome
        ? html`<section class="outcome" aria-labelledby="outcome-title">
            ${this.subheading(noticeStrings(this.language).title, 1, 'outcome-title')} ${renderOutcomeNotice(outcome, this.language)}
          </section>`
        : nothing}
      ${this.renderResults(peiling)}`;
  }

  private renderForm(peiling: Peiling) {
    const { strings, t } = this;
    const stepped = this.stepped(peiling);
    const last = this.lastStep(peiling);
    const closes = peiling.closesAt && formatDeadline(peiling.closesAt, this.language);
    return html`
      ${ui.errorSummary(this.form.summary, t, this.renderRoot as ShadowRoot, this.level + 1)}
      ${ui.refusalPanel(this.form, t, this.level + 1)}
      ${closes ? html`<p class="muted">${format(closes.wholeDay ? strings.closesAfter : strings.closesAt, { date: closes.text }).join('')}</p>` : nothing}
      <form part="form" novalidate @submit=${(event: Event) => this.onSubmit(event, peiling)}>
        ${stepped ? html`<p class="progress" tabindex="-1">${strings.questionOf(this.step + 1, peiling.questions.length)}</p>` : nothing}
        ${peiling.integrity === 'code' && this.step === 0
          ? ui.textField({
              id: 'code',
              label: strings.codeLabel,
              hint: strings.codeHint,
              value: this.code,
              error: this.form.error('code'),
              required: true,
              autocomplete: 'off',
              t,
              onInput: (value) => {
                this.code = value;
                this.form.input('code');
              },
              onBlur: () => this.form.blur('code'),
            })
          : nothing}
        ${this.shownQuestions(peiling).map((question) => this.renderQuestion(question))}
        ${last ? this.outcome.render(peiling, this.form) : nothing} ${ui.honeypot(this.bait, (value) => (this.bait = value))}
        ${ui.submitActions(
          last ? strings.send : strings.next,
          this.submission.state,
          t,
          stepped && this.step > 0
            ? html`<button type="button" class="secondary" part="button" @click=${() => this.goTo(this.step - 1)}>${strings.previous}</button>`
            : nothing,
        )}
      </form>
    `;
  }

  private renderQuestion(question: Question): TemplateResult {
    const { strings, t } = this;
    const entry = this.entry(question);
    const id = fieldId(question);
    const label = this.text(question.label);
    const hint = question.hint && this.text(question.hint);
    const error = this.form.error(id);
    if (question.type === 'open') {
      return ui.textField({
        id,
        label,
        hint,
        error,
        value: entry.text,
        required: question.required,
        multiline: true,
        describedBy: `${id}-count`,
        t,
        after: ui.characterCount({ id, value: entry.text, max: question.maxLength, t, language: this.language, announcer: this.announcer }),
        onInput: (text) => this.typeEntry(question, { text }),
        onBlur: () => this.form.blur(question.id),
      });
    }
    if (question.type === 'scale') {
      const end = (value: number, label: Question['minLabel']) => (label ? [String(value), ' (', this.text(label), ')'] : String(value));
      const scaleHint =
        question.minLabel || question.maxLabel
          ? format(strings.scaleHint, { min: end(question.min, question.minLabel), max: end(question.max, question.maxLabel) })
          : undefined;
      return ui.choiceGroup({
        id,
        label,
        hint: hint || scaleHint ? [hint, hint && scaleHint ? ' ' : '', scaleHint] : undefined,
        error,
        required: question.required,
        layout: 'scale',
        t,
        choices: scaleValues(question).map((value) => ({ value: String(value), label: String(value) })),
        selected: entry.selected,
        onChange: (value) => this.choose(question, value, true),
      });
    }
    const choices = question.options.map((option) => ({ value: option.value, label: this.text(option.label) }));
    if (question.other) choices.push({ value: otherValue, label: strings.other });
    return ui.choiceGroup({
      id,
      label,
      hint,
      error,
      required: question.required,
      multiple: question.type === 'multiple',
      t,
      choices,
      selected: entry.selected,
      onChange: (value, checked) => this.choose(question, value, checked),
      reveal: (choice) =>
        choice.value === otherValue
          ? html`<div class="conditional">
              ${ui.textField({
                id: `${id}-other`,
                label: strings.otherLabel,
                value: entry.other,
                error: this.form.error(`${id}-other`),
                required: true,
                t,
                onInput: (other) => this.typeEntry(question, { other }),
                onBlur: () => this.form.blur(question.id),
              })}
            </div>`
          : nothing,
    });
  }

  private renderResults(peiling: Peiling) {
    const { strings } = this;
    const view = resultsView(peiling, this.tally, { closed: isClosed(peiling) });
    if (view === 'none') return nothing;
    if (view !== 'show') return html`<p class="status">${view === 'later' ? strings.resultsAfterClose : strings.resultsTooFew}</p>`;
    const tally = this.tally!;
    const hasOpen = peiling.questions.some((q) => q.type === 'open');
    return html`<section class="results" part="results" aria-labelledby="results-title">
      ${this.subheading(strings.resultsTitle, 1, 'results-title')}
      <p>${plural(strings.participants, tally.total, this.language)}</p>
      ${peiling.questions.filter((q) => q.type !== 'open').map((question) => this.renderQuestionResult(question, tally))}
      ${hasOpen ? html`<p class="muted">${strings.openNotShown}</p>` : nothing}
    </section>`;
  }

  private renderQuestionResult(question: Question, tally: PeilingTally) {
    const { strings } = this;
    const result = tally.questions[question.id];
    const headingId = `result-${question.id}`;
    // A question fewer parents answered than the poll's minimum is not published (the server leaves it out).
    if (!result) {
      return html`<div>
        ${ui.heading(this.level + 2, this.text(question.label), { class: 'minor', id: headingId })}
        <p class="muted">${strings.resultsTooFew}</p>
      </div>`;
    }
    const rows: { value: string; label: unknown }[] =
      question.type === 'scale'
        ? scaleValues(question).map((value) => ({ value: String(value), label: String(value) }))
        : question.options.map((option) => ({ value: option.value, label: this.text(option.label) }));
    if (question.other) rows.push({ value: otherValue, label: strings.other });
    const counts = rows.map((row) => result.counts[row.value] ?? 0);
    const shares = percentages(counts, result.total, question.type !== 'multiple');
    const percent = new Intl.NumberFormat(localeOf(this.language), { style: 'percent' });
    return html`<div>
      ${ui.heading(this.level + 2, this.text(question.label), { class: 'minor', id: headingId })}
      <ul class="bars" aria-labelledby=${headingId}>
        ${rows.map(
          (row, index) => html`<li>
            <span class="bar-text">
              <span>${row.label}</span>
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
}

/** The id of a question's control in the shadow root (fieldset or textarea). */
function fieldId(question: Question): string {
  return `q-${question.id}`;
}

/** The control a server error about this question belongs to: its "anders" text, or the question itself. */
function placeOf(question: Question, error: FieldError): string | undefined {
  const path = error.field ?? '';
  const own = `answers.${question.id}`;
  if (path !== own && !path.startsWith(`${own}.`)) return undefined;
  return path.endsWith('.other') && question.other ? `${fieldId(question)}-other` : fieldId(question);
}

declare global {
  interface HTMLElementTagNameMap {
    'ouder-peiling': OuderPeiling;
  }
}
