/**
 * The console's form fields, as template functions rendered into the one document (the console
 * uses no shadow DOM, so `for`, `aria-describedby` and the error summary's links reach every
 * field). Label → hint → error → control, `aria-describedby` on the hint and the error,
 * `aria-invalid`, a visually hidden "Fout:" before each message (the GOV.UK pattern).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { fieldId, segments } from './model/pointer.js';

export interface FieldBase {
  id: string;
  label: string | TemplateResult;
  hint?: string | TemplateResult;
  error?: string;
  disabled?: boolean;
}

export interface InputField extends FieldBase {
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'time' | 'search';
  multiline?: boolean;
  required?: boolean;
  autocomplete?: string;
  lang?: string;
  dir?: string;
  inputmode?: string;
  min?: number;
  max?: number;
  /** A narrow field (numbers, codes). */
  short?: boolean;
  list?: string;
}

function describedBy(field: FieldBase): string | undefined {
  const ids = [field.hint ? `${field.id}-hint` : '', field.error ? `${field.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function hintAndError(field: FieldBase) {
  return html`${field.hint ? html`<p class="hint" id="${field.id}-hint">${field.hint}</p>` : nothing}
  ${field.error ? html`<p class="error-message" id="${field.id}-error"><span class="visually-hidden">Fout: </span>${field.error}</p>` : nothing}`;
}

export function input(field: InputField) {
  const common = {
    describedBy: describedBy(field),
    invalid: field.error ? 'true' : undefined,
  };
  const control = field.multiline
    ? html`<textarea
        id=${field.id}
        rows="3"
        .value=${live(field.value)}
        ?disabled=${field.disabled}
        ?required=${field.required}
        lang=${ifDefined(field.lang)}
        dir=${ifDefined(field.dir)}
        aria-describedby=${ifDefined(common.describedBy)}
        aria-invalid=${ifDefined(common.invalid)}
        @input=${(event: Event) => field.onInput((event.target as HTMLTextAreaElement).value)}
      ></textarea>`
    : html`<input
        id=${field.id}
        type=${field.type ?? 'text'}
        class=${field.short ? 'input--short' : ''}
        .value=${live(field.value)}
        ?disabled=${field.disabled}
        ?required=${field.required}
        autocomplete=${ifDefined(field.autocomplete)}
        inputmode=${ifDefined(field.inputmode)}
        min=${ifDefined(field.min)}
        max=${ifDefined(field.max)}
        list=${ifDefined(field.list)}
        lang=${ifDefined(field.lang)}
        dir=${ifDefined(field.dir)}
        spellcheck=${field.type === 'email' || field.type === 'url' ? 'false' : 'true'}
        aria-describedby=${ifDefined(common.describedBy)}
        aria-invalid=${ifDefined(common.invalid)}
        @input=${(event: Event) => field.onInput((event.target as HTMLInputElement).value)}
      />`;
  return html`<div class="field ${field.error ? 'field--error' : ''}">
    <label for=${field.id}>${field.label}</label>
    ${hintAndError(field)} ${control}
  </div>`;
}

export interface CheckboxField extends FieldBase {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function checkbox(field: CheckboxField) {
  return html`<div class="field field--checkbox ${field.error ? 'field--error' : ''}">
    <input
      type="checkbox"
      id=${field.id}
      .checked=${live(field.checked)}
      ?disabled=${field.disabled}
      aria-describedby=${ifDefined(describedBy(field))}
      aria-invalid=${ifDefined(field.error ? 'true' : undefined)}
      @change=${(event: Event) => field.onChange((event.target as HTMLInputElement).checked)}
    />
    <label for=${field.id}>${field.label}</label>
    ${hintAndError(field)}
  </div>`;
}

export interface ChoiceField<T extends string> extends FieldBase {
  value: T | undefined;
  choices: { value: T; label: string; hint?: string }[];
  onChange: (value: T) => void;
}

/** Radio buttons in a fieldset; the id goes on the fieldset (errors and the summary point there). */
export function radios<T extends string>(field: ChoiceField<T>) {
  return html`<fieldset class="field ${field.error ? 'field--error' : ''}" id=${field.id} aria-describedby=${ifDefined(describedBy(field))}>
    <legend>${field.label}</legend>
    ${hintAndError(field)}
    <div class="choices">
      ${field.choices.map(
        (choice, i) =>
          html`<div class="choice">
            <input
              type="radio"
              id="${field.id}-${i}"
              name=${field.id}
              .checked=${live(field.value === choice.value)}
              ?disabled=${field.disabled}
              aria-describedby=${ifDefined(choice.hint ? `${field.id}-${i}-hint` : undefined)}
              @change=${() => field.onChange(choice.value)}
            />
            <label for="${field.id}-${i}">${choice.label}</label>
            ${choice.hint ? html`<p class="hint" id="${field.id}-${i}-hint">${choice.hint}</p>` : nothing}
          </div>`,
      )}
    </div>
  </fieldset>`;
}

export function select<T extends string>(field: ChoiceField<T> & { placeholder?: string }) {
  return html`<div class="field ${field.error ? 'field--error' : ''}">
    <label for=${field.id}>${field.label}</label>
    ${hintAndError(field)}
    <select
      id=${field.id}
      ?disabled=${field.disabled}
      aria-describedby=${ifDefined(describedBy(field))}
      aria-invalid=${ifDefined(field.error ? 'true' : undefined)}
      @change=${(event: Event) => field.onChange((event.target as HTMLSelectElement).value as T)}
    >
      ${field.placeholder !== undefined ? html`<option value="" ?selected=${!field.value}>${field.placeholder}</option>` : nothing}
      ${field.choices.map((choice) => html`<option value=${choice.value} ?selected=${field.value === choice.value}>${choice.label}</option>`)}
    </select>
  </div>`;
}

export interface SummaryItem {
  /** The id of the field to focus, when there is one on the page. */
  target?: string;
  message: string;
}

/**
 * The error summary: a heading and a link per problem to its field. It takes focus after a
 * failed save (`focusSummary`). Links focus the field without touching the address (the
 * console's routes live in the part after #).
 */
export function errorSummary(items: SummaryItem[], onFollow?: (item: SummaryItem) => void, title = 'Er gaat nog iets mis') {
  if (items.length === 0) return nothing;
  return html`<section class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${title}</h2>
    <ul>
      ${items.map((item) =>
        item.target
          ? html`<li>
              <a
                href="#${item.target}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  if (onFollow) onFollow(item);
                  else focusField(item.target!);
                }}
                >${item.message}</a
              >
            </li>`
          : html`<li>${item.message}</li>`,
      )}
    </ul>
  </section>`;
}

/** Focuses a field (or the fieldset around a group), scrolled into the middle of the view. */
export function focusField(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  element.closest('details')?.setAttribute('open', '');
  // A group (radio buttons, a list) is reached through its first control.
  const control = element.matches('input, select, textarea, button, [tabindex]')
    ? element
    : (element.querySelector<HTMLElement>('input, select, textarea, button') ?? element);
  control.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
  return true;
}

export async function focusSummary(host: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await host.updateComplete;
  host.querySelector<HTMLElement>('.error-summary')?.focus();
}

/** The ids a problem's field may have, nearest first: the field, its list's add button, its group, then its parents'. */
export function problemTargets(pointer: string): string[] {
  const parts = segments(pointer);
  const ids: string[] = [];
  for (let length = parts.length; length > 0; length--) {
    const id = fieldId(`/${parts.slice(0, length).join('/')}`);
    ids.push(id, `${id}-add`, `${id}-group`);
  }
  return ids;
}

/** Focuses the field of a problem (or the nearest thing on the page that holds it). */
export function focusProblem(pointer: string): boolean {
  return problemTargets(pointer).some((id) => focusField(id));
}

/** Problems in the order their fields stand on the page (the error summary's order); others last. */
export function sortByPage<T extends { pointer: string }>(problems: T[]): T[] {
  const position = (problem: T) => problemTargets(problem.pointer).map((id) => document.getElementById(id)).find(Boolean) ?? null;
  return [...problems].sort((a, b) => {
    const x = position(a);
    const y = position(b);
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
