import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { type Language, plural, type Translation } from './i18n/index.js';
import type { SubmissionState } from './submission.js';
import { characterLength } from './validators.js';

/**
 * Template helpers for the pieces of a form. They render into the widget's own shadow root, so
 * `for`, `aria-describedby` and the error summary's links all resolve (ids never cross shadow
 * roots). Order inside a field, as GOV.UK does it: label → hint → error → control.
 */

/** Anything Lit renders: text, a template (a definition's text marked with its language), a list of them. */
export type Content = unknown;

/** One line of the error summary: a link to the control that must change, or text when there is none. */
export interface SummaryItem {
  id?: string;
  message: string;
}

/** Attributes of a heading; `focusable` lets a script move focus to it (a list item shown on request). */
export interface HeadingAttributes {
  class?: string;
  id?: string;
  focusable?: boolean;
}

/**
 * A heading at the level the page needs (`heading-level`): a widget's title is an `<h2>` by
 * default, its sections one level below. Levels past 6 stay 6.
 */
export function heading(level: number, content: Content, a: HeadingAttributes = {}): TemplateResult {
  const tabindex = a.focusable ? '-1' : undefined;
  switch (Math.min(Math.max(Math.round(level) || 2, 1), 6)) {
    case 1:
      return html`<h1 class=${ifDefined(a.class)} id=${ifDefined(a.id)} tabindex=${ifDefined(tabindex)}>${content}</h1>`;
    case 2:
      return html`<h2 class=${ifDefined(a.class)} id=${ifDefined(a.id)} tabindex=${ifDefined(tabindex)}>${content}</h2>`;
    case 3:
      return html`<h3 class=${ifDefined(a.class)} id=${ifDefined(a.id)} tabindex=${ifDefined(tabindex)}>${content}</h3>`;
    case 4:
      return html`<h4 class=${ifDefined(a.class)} id=${ifDefined(a.id)} tabindex=${ifDefined(tabindex)}>${content}</h4>`;
    case 5:
      return html`<h5 class=${ifDefined(a.class)} id=${ifDefined(a.id)} tabindex=${ifDefined(tabindex)}>${content}</h5>`;
    default:
      return html`<h6 class=${ifDefined(a.class)} id=${ifDefined(a.id)} tabindex=${ifDefined(tabindex)}>${content}</h6>`;
  }
}

/** The widget's title and introduction. */
export function header(level: number, title: Content, intro?: Content) {
  return html`${heading(level, title, { class: 'title' })}${intro ? html`<p>${intro}</p>` : nothing}`;
}

function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function hintAndError(id: string, hint: Content | undefined, error: string | undefined, t: Translation) {
  return html`${hint ? html`<p id="${id}-hint" class="hint" part="hint">${hint}</p>` : nothing}${error
    ? html`<p id="${id}-error" class="error-message" part="error">
        <span class="visually-hidden">${t.errorPrefix}</span> ${error}
      </p>`
    : nothing}`;
}

/**
 * A label, with "(niet verplicht)" when `required` is false. The space before it is part of the
 * text: the minifier trims white space at the edges of a template, which made the accessible
 * name "Je telefoonnummer(niet verplicht)".
 */
function labelText(label: Content, required: boolean | undefined, t: Translation) {
  return html`${label}${required === false ? html`<span class="muted">${` (${t.optional})`}</span>` : nothing}`;
}

/** What every field helper takes. */
interface FieldOptions {
  id: string;
  label: Content;
  t: Translation;
  hint?: Content;
  error?: string;
  /** False adds "(niet verplicht)" to the label; true marks the control required. */
  required?: boolean;
}

export interface TextFieldOptions extends FieldOptions {
  value: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  multiline?: boolean;
  /** Extra id for `aria-describedby`, for example a character count. */
  describedBy?: string;
  /** Rendered after the control (a character count). */
  after?: Content;
  onInput: (value: string) => void;
  onBlur?: () => void;
}

export function textField(o: TextFieldOptions): TemplateResult {
  const described = describedBy(o.id, o.hint, o.error, o.describedBy);
  const input = (event: Event) => o.onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  const control = o.multiline
    ? html`<textarea
        id=${o.id}
        name=${o.id}
        rows="6"
        .value=${live(o.value)}
        aria-describedby=${ifDefined(described)}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-required=${o.required ? 'true' : 'false'}
        autocomplete=${ifDefined(o.autocomplete)}
        @input=${input}
        @blur=${o.onBlur}
      ></textarea>`
    : html`<input
        id=${o.id}
        name=${o.id}
        type=${o.type ?? 'text'}
        .value=${live(o.value)}
        aria-describedby=${ifDefined(described)}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-required=${o.required ? 'true' : 'false'}
        autocomplete=${ifDefined(o.autocomplete)}
        inputmode=${ifDefined(o.inputmode)}
        spellcheck=${o.type === 'email' ? 'false' : 'true'}
        @input=${input}
        @blur=${o.onBlur}
      />`;
  return html`<div class="field ${o.error ? 'field--invalid' : ''}" part="field">
    <label class="label" for=${o.id} part="label">${labelText(o.label, o.required, o.t)}</label>
    ${hintAndError(o.id, o.hint, o.error, o.t)} ${control} ${o.after ?? nothing}
  </div>`;
}

export interface SelectFieldOptions extends FieldOptions {
  value: string;
  /** The first, empty choice ("Kies een regio"). */
  placeholder: string;
  /** `lang` marks a label in another language than the widget's (an option holds text only). */
  options: readonly { value: string; text: string; lang?: string }[];
  onChange: (value: string) => void;
}

/** A native select: a long list stays easy on a phone, and "no answer" stays possible. */
export function selectField(o: SelectFieldOptions): TemplateResult {
  return html`<div class="field ${o.error ? 'field--invalid' : ''}" part="field">
    <label class="label" for=${o.id} part="label">${labelText(o.label, o.required, o.t)}</label>
    ${hintAndError(o.id, o.hint, o.error, o.t)}
    <select
      id=${o.id}
      name=${o.id}
      aria-describedby=${ifDefined(describedBy(o.id, o.hint, o.error))}
      aria-invalid=${o.error ? 'true' : 'false'}
      @change=${(event: Event) => o.onChange((event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${live(o.value === '')}>${o.placeholder}</option>
      ${o.options.map(
        (option) =>
          html`<option value=${option.value} lang=${ifDefined(option.lang)} ?selected=${live(o.value === option.value)}>${option.text}</option>`,
      )}
    </select>
  </div>`;
}

export interface CheckboxFieldOptions extends FieldOptions {
  checked: boolean;
  /** Rendered under the box (a privacy link). */
  after?: Content;
  onChange: (checked: boolean) => void;
}

/** One checkbox that stands alone (a consent), with its error above it. */
export function checkboxField(o: CheckboxFieldOptions): TemplateResult {
  return html`<div class="field ${o.error ? 'field--invalid' : ''}" part="field">
    ${hintAndError(o.id, o.hint, o.error, o.t)}
    <div class="choice">
      <input
        id=${o.id}
        type="checkbox"
        .checked=${live(o.checked)}
        aria-required=${o.required ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(o.id, o.hint, o.error))}
        aria-invalid=${o.error ? 'true' : 'false'}
        @change=${(event: Event) => o.onChange((event.target as HTMLInputElement).checked)}
      />
      <label for=${o.id}>${o.label}</label>
    </div>
    ${o.after ?? nothing}
  </div>`;
}

export interface Choice {
  value: string;
  label: Content;
  /** Under the label, outside it (so it is not read twice), and linked with `aria-describedby`. */
  hint?: Content;
  disabled?: boolean;
  /** A class for the choice's row (a session's state). */
  className?: string;
}

export interface ChoiceGroupOptions extends FieldOptions {
  choices: readonly Choice[];
  /** Selected values. */
  selected: readonly string[];
  multiple?: boolean;
  /** Shown right under a selected choice, e.g. the "anders, namelijk" text field. */
  reveal?: (choice: Choice) => Content;
  /** Class for the group, e.g. a horizontal scale. */
  layout?: string;
  /** Id prefix of the choices (`<id>-<index>`), when it differs from the group's. */
  choiceId?: string;
  /** CSS part name of each choice's row. */
  choicePart?: string;
  onChange: (value: string, checked: boolean) => void;
}

/**
 * Radio buttons or checkboxes in a fieldset with a legend; an error marks the group invalid. A
 * required group of radio buttons is a radiogroup that says it is required (native `required`
 * would make every unanswered question "invalid" to a screen reader before anything was sent).
 */
export function choiceGroup(o: ChoiceGroupOptions): TemplateResult {
  const prefix = o.choiceId ?? o.id;
  const radioRequired = o.required && !o.multiple;
  return html`<fieldset
    id=${o.id}
    tabindex="-1"
    class="field ${o.error ? 'field--invalid' : ''}"
    part="field"
    role=${ifDefined(radioRequired ? 'radiogroup' : undefined)}
    aria-required=${ifDefined(radioRequired ? 'true' : undefined)}
    aria-describedby=${ifDefined(describedBy(o.id, o.hint, o.error))}
    aria-invalid=${ifDefined(o.error ? 'true' : undefined)}
  >
    <legend part="label">${labelText(o.label, o.required, o.t)}</legend>
    ${hintAndError(o.id, o.hint, o.error, o.t)}
    <div class="choices ${o.layout ?? ''}">
      ${o.choices.map((choice, index) => {
        const id = `${prefix}-${index}`;
        const checked = !choice.disabled && o.selected.includes(choice.value);
        return html`<div class="choice ${choice.className ?? ''}" part=${ifDefined(o.choicePart)}>
            <input
              id=${id}
              type=${o.multiple ? 'checkbox' : 'radio'}
              name=${o.id}
              .value=${choice.value}
              .checked=${live(checked)}
              ?disabled=${choice.disabled}
              aria-describedby=${ifDefined(choice.hint ? `${id}-hint` : undefined)}
              @change=${(event: Event) => o.onChange(choice.value, (event.target as HTMLInputElement).checked)}
            />
            <span class="choice-text"
              ><label for=${id}>${choice.label}</label>${choice.hint
                ? html`<span id="${id}-hint" class="hint" part="hint">${choice.hint}</span>`
                : nothing}</span
            >
          </div>
          ${checked && o.reveal ? o.reveal(choice) : nothing}`;
      })}
    </div>
  </fieldset>`;
}

/**
 * The GOV.UK error summary: a heading and a link per problem. It takes focus after a failed
 * submit; a link moves focus to the control that must change.
 */
export function errorSummary(errors: readonly SummaryItem[], t: Translation, root: ShadowRoot | HTMLElement, level: number) {
  if (errors.length === 0) return nothing;
  const focusField = (event: Event, id: string) => {
    event.preventDefault();
    const target = (root as ShadowRoot).getElementById?.(id) ?? root.querySelector(`#${CSS.escape(id)}`);
    const control = target instanceof HTMLFieldSetElement ? target.querySelector('input:not(:disabled)') : target;
    (control as HTMLElement | null)?.focus();
    (target as HTMLElement | null)?.scrollIntoView?.({ block: 'center' });
  };
  return html`<div class="panel panel--error error-summary" tabindex="-1" part="error-summary">
    <div role="alert">
      ${heading(level, t.errorSummaryTitle)}
      <ul>
        ${errors.map(({ id, message }) =>
          id ? html`<li><a href="#${id}" @click=${(event: Event) => focusField(event, id)}>${message}</a></li>` : html`<li>${message}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/** A field nobody sees or reaches; bots that fill it are discarded by the server. */
export function honeypot(value: string, onInput: (value: string) => void) {
  return html`<div class="honeypot" aria-hidden="true">
    <label for="ouder-website">Website</label>
    <input
      id="ouder-website"
      name="website"
      type="text"
      tabindex="-1"
      autocomplete="off"
      .value=${live(value)}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

/**
 * The submit button and, under it, the polite status line that says it is sending (and, after a
 * failed try, that it tries again). `before` goes in front of the button ("Vorige vraag").
 */
export function submitActions(label: Content, submission: SubmissionState, t: Translation, before: Content = nothing) {
  const sending = submission.status === 'sending';
  return html`<div class="actions">
      ${before}<button type="submit" part="button" aria-disabled=${sending ? 'true' : 'false'}>${label}</button>
    </div>
    <p class="status-line" role="status">${sending ? (submission.attempt > 1 ? t.retrying : t.sending) : ''}</p>`;
}

/** "Nog niet verstuurd": no connection; the submission waits in the outbox. Takes focus. */
export function queuedPanel(level: number, title: Content, body: Content) {
  return html`<div class="panel panel--queued" tabindex="-1" role="status">
    ${heading(level, title)}
    <p>${body}</p>
  </div>`;
}

/**
 * "Versturen is niet gelukt": the server's messages that belong to no field, or, when the parent
 * cannot fix it (the site is not allowed, the form is gone), one plain sentence with the web
 * editor's fallback (their other ways to reach them) under it.
 */
export function refusalPanel(refusal: { broken: boolean; unplaced: readonly string[] }, t: Translation, level: number) {
  if (!refusal.broken && refusal.unplaced.length === 0) return nothing;
  return html`<div class="panel panel--error panel--failed" tabindex="-1" role="alert">
    ${heading(level, t.failedTitle)}
    ${refusal.broken ? html`<p>${t.brokenBody}</p><slot></slot>` : refusal.unplaced.map((message) => html`<p>${message}</p>`)}
  </div>`;
}

/**
 * Says something in a polite live region once the user pauses (GOV.UK's character count waits
 * too), so a screen reader is not interrupted on every keystroke. Works from the rendered value,
 * so a value set by script is announced as well.
 */
export class PoliteAnnouncer implements ReactiveController {
  private spoken = new Map<string, string>();
  private latest = new Map<string, string>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly delay = 750,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  /** Returns what the live region for `key` says now, and schedules `text` if it changed. */
  say(key: string, text: string): string {
    if (!this.latest.has(key)) {
      this.latest.set(key, text);
      this.spoken.set(key, '');
    } else if (this.latest.get(key) !== text) {
      this.latest.set(key, text);
      clearTimeout(this.timers.get(key));
      this.timers.set(
        key,
        setTimeout(() => {
          this.spoken.set(key, text);
          this.host.requestUpdate();
        }, this.delay),
      );
    }
    return this.spoken.get(key) ?? '';
  }
}

export interface CharacterCountOptions {
  id: string;
  /** The text as typed; counted as the validators count it (trimmed, an emoji is one). */
  value: string;
  max: number;
  /** Below this, the count says how many more are needed. */
  min?: number;
  t: Translation;
  language: Language;
  announcer: PoliteAnnouncer;
}

/**
 * "Je kunt nog 12 tekens typen", or below a minimum "Nog 31 tekens nodig": visible text, plus a
 * polite live region for screen readers.
 */
export function characterCount(o: CharacterCountOptions) {
  const length = characterLength(o.value);
  const left = o.max - length;
  const needed = (o.min ?? 0) - length;
  const text =
    needed > 0
      ? plural(o.t.charactersNeeded, needed, o.language)
      : left >= 0
        ? plural(o.t.charactersLeft, left, o.language)
        : plural(o.t.charactersTooMany, -left, o.language);
  return html`<p id="${o.id}-count" class="count ${left < 0 ? 'count--over' : ''}" aria-hidden="true">${text}</p>
    <p class="visually-hidden" aria-live="polite">${o.announcer.say(o.id, text)}</p>`;
}
