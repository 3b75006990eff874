import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { type Language, plural, type Translation } from './i18n/index.js';

/**
 * Template helpers for the pieces of a form. They render into the widget's own shadow root, so
 * `for`, `aria-describedby` and the error summary's links all resolve (ids never cross shadow
 * roots). Order inside a field, as GOV.UK does it: label → hint → error → control.
 */

export interface FieldError {
  /** Id of the control (or fieldset) the error belongs to; none for an error about the whole form (no link then). */
  id?: string;
  message: string;
}

export type Errors = ReadonlyMap<string, string>;

function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function hintAndError(id: string, hint: string | undefined, error: string | undefined, t: Translation) {
  return html`${hint ? html`<p id="${id}-hint" class="hint" part="hint">${hint}</p>` : nothing}${error
    ? html`<p id="${id}-error" class="error-message" part="error">
        <span class="visually-hidden">${t.errorPrefix}</span> ${error}
      </p>`
    : nothing}`;
}

/** Labels often come from a definition that may fall back to Dutch on an Arabic page: dir="auto". */
function labelText(label: string, required: boolean | undefined, t: Translation) {
  return html`<span dir="auto">${label}</span>${required === false ? html` <span class="muted">(${t.optional})</span>` : nothing}`;
}

export interface TextFieldOptions {
  id: string;
  label: string;
  value: string;
  t: Translation;
  hint?: string;
  error?: string;
  /** False adds "(niet verplicht)" to the label; true sets `aria-required`. */
  required?: boolean;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  multiline?: boolean;
  /** Extra id for `aria-describedby`, for example a character count. */
  describedBy?: string;
  /** Rendered after the control (a character count). */
  after?: TemplateResult | typeof nothing;
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

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export interface ChoiceGroupOptions {
  id: string;
  legend: string;
  choices: readonly Choice[];
  /** Selected values. */
  selected: readonly string[];
  t: Translation;
  multiple?: boolean;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Shown right under a selected choice, e.g. the "anders, namelijk" text field. */
  reveal?: (choice: Choice) => TemplateResult | typeof nothing;
  /** Class for the group, e.g. a horizontal scale. */
  layout?: string;
  /** A legend that is the question itself renders as a heading-sized label. */
  onChange: (value: string, checked: boolean) => void;
}

/** Radio buttons or checkboxes in a fieldset with a legend. */
export function choiceGroup(o: ChoiceGroupOptions): TemplateResult {
  const described = describedBy(o.id, o.hint, o.error);
  return html`<fieldset
    id=${o.id}
    tabindex="-1"
    class="field ${o.error ? 'field--invalid' : ''}"
    part="field"
    aria-describedby=${ifDefined(described)}
    aria-invalid=${ifDefined(o.error ? 'true' : undefined)}
  >
    <legend part="label">${labelText(o.legend, o.required, o.t)}</legend>
    ${hintAndError(o.id, o.hint, o.error, o.t)}
    <div class="choices ${o.layout ?? ''}">
      ${o.choices.map((choice, index) => {
        const id = `${o.id}-${index}`;
        const checked = o.selected.includes(choice.value);
        return html`<label class="choice" for=${id}>
            <input
              id=${id}
              type=${o.multiple ? 'checkbox' : 'radio'}
              name=${o.id}
              .value=${choice.value}
              .checked=${live(checked)}
              aria-describedby=${ifDefined(choice.hint ? `${id}-hint` : undefined)}
              @change=${(event: Event) => o.onChange(choice.value, (event.target as HTMLInputElement).checked)}
            />
            <span><span dir="auto">${choice.label}</span>${choice.hint
                ? html`<span id="${id}-hint" class="hint" part="hint"><br />${choice.hint}</span>`
                : nothing}</span>
          </label>
          ${checked && o.reveal ? o.reveal(choice) : nothing}`;
      })}
    </div>
  </fieldset>`;
}

/**
 * The GOV.UK error summary: a heading and a link per problem. It takes focus after a failed
 * submit (see `OuderElement.focusAfterRender`); a link moves focus to its field.
 */
export function errorSummary(errors: readonly FieldError[], t: Translation, root: ShadowRoot | HTMLElement) {
  if (errors.length === 0) return nothing;
  const focusField = (event: Event, id: string) => {
    event.preventDefault();
    const target = (root as ShadowRoot).getElementById?.(id) ?? root.querySelector(`#${CSS.escape(id)}`);
    const control = target instanceof HTMLFieldSetElement ? target.querySelector('input') : target;
    (control as HTMLElement | null)?.focus();
    (target as HTMLElement | null)?.scrollIntoView?.({ block: 'center' });
  };
  return html`<div class="panel panel--error error-summary" tabindex="-1" part="error-summary">
    <div role="alert">
      <h3 id="error-summary-title">${t.errorSummaryTitle}</h3>
      <ul>
        ${errors.map(
          ({ id, message }) =>
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
  length: number;
  max: number;
  t: Translation;
  language: Language;
  announcer: PoliteAnnouncer;
}

/** "Je kunt nog 12 tekens typen": visible text, plus a polite live region for screen readers. */
export function characterCount(o: CharacterCountOptions) {
  const left = o.max - o.length;
  const text = left >= 0 ? plural(o.t.charactersLeft, left, o.language) : plural(o.t.charactersTooMany, -left, o.language);
  return html`<p id="${o.id}-count" class="count ${left < 0 ? 'count--over' : ''}" aria-hidden="true">${text}</p>
    <p class="visually-hidden" aria-live="polite">${o.announcer.say(o.id, text)}</p>`;
}

/** Counts characters as people see them (an emoji is one), as the server's limit does. */
export function characterLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}
