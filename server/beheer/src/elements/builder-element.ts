import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { announce } from '../announce.js';
import { checkbox, input, radios, select } from '../fields.js';
import { amsterdamToIso, isoToAmsterdam } from '../model/dates.js';
import type { Editable, Option } from '../model/forms.js';
import { fieldId, getIn, insertIn, join, moveIn, setIn } from '../model/pointer.js';
import { slug, textIn, unique, withText } from '../model/text.js';
import type { Problem } from '../model/validation.js';
import type { LocalizedText } from '../../../src/schema-types.js';
import { ConsoleElement } from './console-element.js';

export interface EditDetail<T> {
  definition: T;
}

declare global {
  interface HTMLElementEventMap {
    'beheer-edit': CustomEvent<EditDetail<Editable>>;
  }
}

export interface ListNames {
  /** "vraag", "antwoord": used in button names and announcements. */
  one: string;
  /** "Vraag", "Antwoord": the start of a heading or label. */
  title: string;
}

/**
 * What the four builders share: they get the definition being edited (in the editor's working
 * form: texts may be maps by language), the problems to show, the version last saved, and send
 * every change up as a `beheer-edit` event with the whole new definition. Every field's id comes
 * from the JSON Pointer it edits, so a problem (the console's or the server's) finds its field.
 */
export abstract class BuilderElement<T extends Editable> extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    definition: { attribute: false },
    saved: { attribute: false },
    problems: { attribute: false },
    readonly: { type: Boolean },
  };

  /** The definition being edited. */
  definition!: T;
  /** The version last saved on the server (undefined for a new form): its option values stay put. */
  saved?: T;
  problems: Problem[] = [];
  readonly = false;

  // --- editing ----------------------------------------------------------------------------

  protected edit(definition: T): void {
    this.dispatchEvent(new CustomEvent('beheer-edit', { detail: { definition }, bubbles: true, composed: true }));
  }

  /**
   * After an edit has come back down: the page takes the new definition in its update, and this
   * builder renders it in its own, so focus can move only after both.
   */
  protected async rendered(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.updateComplete;
  }

  protected set(pointer: string, value: unknown): void {
    this.edit(setIn(this.definition, pointer, value));
  }

  protected get<V = unknown>(pointer: string): V {
    return getIn(this.definition, pointer) as V;
  }

  protected problemAt(pointer: string): string | undefined {
    return this.problems.find((problem) => problem.pointer === pointer && (problem.lang === undefined || problem.lang === 'nl'))?.message;
  }

  /** Whether any problem lies at or below `pointer` (a question with a wrong option, say). */
  protected problemsIn(pointer: string): boolean {
    return this.problems.some((problem) => problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`));
  }

  // --- fields -----------------------------------------------------------------------------

  /** A Dutch text of the definition (the other languages have their own tabs). */
  protected text(pointer: string, label: string, options: { hint?: string; multiline?: boolean; required?: boolean } = {}) {
    const current = this.get<LocalizedText | undefined>(pointer);
    return input({
      id: fieldId(pointer),
      label,
      hint: options.hint,
      multiline: options.multiline,
      required: options.required,
      disabled: this.readonly,
      error: this.problemAt(pointer),
      value: textIn(current, 'nl'),
      lang: 'nl',
      onInput: (value) => this.set(pointer, withText(current, 'nl', value)),
    });
  }

  protected plain(pointer: string, label: string, options: { hint?: string; type?: 'text' | 'email' | 'url'; autocomplete?: string; empty?: 'remove' } = {}) {
    return input({
      id: fieldId(pointer),
      label,
      hint: options.hint,
      type: options.type,
      autocomplete: options.autocomplete ?? 'off',
      disabled: this.readonly,
      error: this.problemAt(pointer),
      value: this.get<string | undefined>(pointer) ?? '',
      onInput: (value) => this.set(pointer, value === '' && options.empty === 'remove' ? undefined : value),
    });
  }

  /** A whole number; empty leaves the field out of the definition (its default applies). */
  protected number(pointer: string, label: string, options: { hint?: string; min?: number; max?: number } = {}) {
    const value = this.get<number | undefined>(pointer);
    return input({
      id: fieldId(pointer),
      label,
      hint: options.hint,
      type: 'text',
      inputmode: 'numeric',
      short: true,
      disabled: this.readonly,
      error: this.problemAt(pointer),
      value: value === undefined ? '' : String(value),
      onInput: (text) => {
        const trimmed = text.trim();
        // Not a number yet: kept as text, so the check can say so at the field.
        this.set(pointer, trimmed === '' ? undefined : /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed);
      },
    });
  }

  protected check(pointer: string, label: string, options: { hint?: string; onChange?: (checked: boolean) => void } = {}) {
    return checkbox({
      id: fieldId(pointer),
      label,
      hint: options.hint,
      disabled: this.readonly,
      error: this.problemAt(pointer),
      checked: this.get<boolean | undefined>(pointer) === true,
      onChange: options.onChange ?? ((checked) => this.set(pointer, checked ? true : undefined)),
    });
  }

  protected choice<V extends string>(
    pointer: string,
    label: string,
    choices: { value: V; label: string; hint?: string }[],
    options: { hint?: string; value?: V; onChange?: (value: V) => void; asSelect?: boolean } = {},
  ) {
    const field = {
      id: fieldId(pointer),
      label,
      hint: options.hint,
      disabled: this.readonly,
      error: this.problemAt(pointer),
      value: options.value ?? this.get<V | undefined>(pointer),
      choices,
      onChange: options.onChange ?? ((value: V) => this.set(pointer, value)),
    };
    return options.asSelect ? select(field) : radios(field);
  }

  /**
   * A moment as a date field and a time field, on the clock in the Netherlands. The date's id is
   * the pointer's (problems point there); `defaultTime` applies when only the date is filled in.
   */
  protected dateTime(pointer: string, label: string, options: { hint?: string; defaultTime?: string; optional?: boolean } = {}) {
    const id = fieldId(pointer);
    const stored = this.get<string | undefined>(pointer);
    const { date, time } = isoToAmsterdam(stored);
    const error = this.problemAt(pointer);
    // What is typed but not yet a moment lives in the fields themselves until it is one.
    const update = () => {
      const dateValue = (this.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
      const timeValue = (this.querySelector<HTMLInputElement>(`#${id}-time`)?.value ?? '').trim();
      if (!dateValue && !timeValue) {
        this.set(pointer, options.optional ? undefined : '');
        return;
      }
      const iso = amsterdamToIso(dateValue, timeValue || options.defaultTime || '');
      this.set(pointer, iso ?? `${dateValue}T${timeValue}`);
    };
    const hintId = options.hint ? `${id}-hint` : '';
    const errorId = error ? `${id}-error` : '';
    const describedBy = [hintId, errorId].filter(Boolean).join(' ') || nothing;
    return html`<fieldset class="field field--datetime ${error ? 'field--error' : ''}" aria-describedby=${describedBy}>
      <legend>${label}</legend>
      ${options.hint ? html`<p class="hint" id=${hintId}>${options.hint}</p>` : nothing}
      ${error ? html`<p class="error-message" id=${errorId}><span class="visually-hidden">Fout: </span>${error}</p>` : nothing}
      <div class="datetime">
        <div>
          <label for=${id}>Datum</label>
          <input
            type="date"
            id=${id}
            .value=${date}
            ?disabled=${this.readonly}
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${describedBy}
            @change=${update}
          />
        </div>
        <div>
          <label for="${id}-time">Tijd</label>
          <input type="time" id="${id}-time" .value=${time} ?disabled=${this.readonly} aria-invalid=${error ? 'true' : nothing} @change=${update} />
        </div>
      </div>
    </fieldset>`;
  }

  /** "Ik wil horen wat er met de uitkomst gebeurt": the same setting in every form builder. */
  protected outcomeOptIn() {
    return this.check('/outcomeOptIn', 'Ouders kunnen vragen om later te horen wat er met de uitkomst gebeurt', {
      hint: 'Ze laten daarvoor hun e-mailadres achter, apart van hun antwoord; het wordt gewist na dat ene bericht. Alleen als de server e-mail verstuurt; anders zien ouders deze vraag niet.',
    });
  }

  // --- lists: add, move, remove -------------------------------------------------------------

  /** Moves item `from` of the list at `pointer` to `to`, keeps the focus on the control that moved it. */
  protected moveItem(pointer: string, from: number, to: number, names: ListNames): void {
    const length = this.get<unknown[]>(pointer).length;
    if (to < 0 || to >= length) return;
    const focused = document.activeElement?.id ?? '';
    const oldPrefix = fieldId(join(...pointer.split('/').slice(1), from));
    const newPrefix = fieldId(join(...pointer.split('/').slice(1), to));
    this.edit(moveIn(this.definition, pointer, from, to));
    announce(`${names.title} ${from + 1} staat nu op plaats ${to + 1} van ${length}.`);
    if (focused === oldPrefix || focused.startsWith(`${oldPrefix}-`)) {
      void this.rendered().then(() => document.getElementById(newPrefix + focused.slice(oldPrefix.length))?.focus());
    }
  }

  protected removeItem(pointer: string, index: number, names: ListNames): void {
    const length = this.get<unknown[]>(pointer).length;
    this.edit(setIn(this.definition, join(...pointer.split('/').slice(1), index), undefined));
    announce(`${names.title} ${index + 1} is verwijderd.`);
    // Focus goes to what is now in its place, or to the add button when the list ended there.
    const next = index < length - 1 ? index : index - 1;
    void this.rendered().then(() => {
      const target = next >= 0 ? document.getElementById(`${fieldId(join(...pointer.split('/').slice(1), next))}-remove`) : null;
      (target ?? document.getElementById(`${fieldId(pointer)}-add`))?.focus();
    });
  }

  protected addItem(pointer: string, item: unknown, focusSuffix: string, names: ListNames): void {
    const length = (this.get<unknown[] | undefined>(pointer) ?? []).length;
    this.edit(insertIn(this.definition, pointer, item));
    announce(`${names.title} ${length + 1} is toegevoegd.`);
    void this.rendered().then(() => document.getElementById(fieldId(join(...pointer.split('/').slice(1), length, ...focusSuffix.split('/').filter(Boolean))))?.focus());
  }

  /** A list of whole items (questions, sessions, networks): its problem, the items, and the button that adds one. */
  protected itemList(pointer: string, rendered: unknown[], add: { label: string; item: () => unknown; focus: string; names: ListNames }) {
    const problem = this.problemAt(pointer);
    return html`${problem ? html`<p class="error-message"><span class="visually-hidden">Fout: </span>${problem}</p>` : nothing}
      <ol class="items">
        ${rendered}
      </ol>
      ${this.readonly
        ? nothing
        : html`<button type="button" class="button button--secondary" id="${fieldId(pointer)}-add" @click=${() => this.addItem(pointer, add.item(), add.focus, add.names)}>
            ${add.label}
          </button>`}`;
  }

  /** Alt+↑ and Alt+↓ anywhere in an item move it, as the buttons do. */
  protected moveKeys(pointer: string, index: number, names: ListNames) {
    return (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || this.readonly) return;
      event.preventDefault();
      event.stopPropagation();
      this.moveItem(pointer, index, index + (event.key === 'ArrowUp' ? -1 : 1), names);
    };
  }

  /** "Omhoog", "Omlaag", "Verwijderen" for item `index`; each names its item for a screen reader. */
  protected itemControls(pointer: string, index: number, length: number, names: ListNames, options: { removable?: boolean } = {}) {
    if (this.readonly) return nothing;
    const id = fieldId(join(...pointer.split('/').slice(1), index));
    const which = html`<span class="visually-hidden">: ${names.one} ${index + 1}</span>`;
    const first = index === 0;
    const last = index === length - 1;
    const removable = options.removable ?? true;
    return html`<div class="item-controls">
      <button
        type="button"
        class="button button--small button--secondary"
        id="${id}-up"
        aria-disabled=${first ? 'true' : 'false'}
        @click=${() => !first && this.moveItem(pointer, index, index - 1, names)}
      >
        Omhoog${which}
      </button>
      <button
        type="button"
        class="button button--small button--secondary"
        id="${id}-down"
        aria-disabled=${last ? 'true' : 'false'}
        @click=${() => !last && this.moveItem(pointer, index, index + 1, names)}
      >
        Omlaag${which}
      </button>
      ${removable
        ? html`<button type="button" class="button button--small button--warning" id="${id}-remove" @click=${() => this.removeItem(pointer, index, names)}>
            Verwijderen${which}
          </button>`
        : nothing}
    </div>`;
  }

  /**
   * A list of options (answers, themes, roles …): each a Dutch label and the value that goes in
   * the export. The value follows the label while the option is new (not in the saved version
   * and not edited by hand); the values sit in a "Waarden voor de export" box that opens by
   * itself when one of them has a problem.
   */
  protected options(
    pointer: string,
    names: ListNames & { add: string; legend: string; hint?: string; values?: string },
    extra?: (option: Option, index: number) => TemplateResult | typeof nothing,
  ) {
    const options = this.get<Option[] | undefined>(pointer) ?? [];
    const listId = fieldId(pointer);
    const listError = this.problemAt(pointer);
    const valuesOpen = options.some((_, i) => this.problemAt(`${pointer}/${i}/value`) !== undefined);
    return html`<fieldset class="field options ${listError ? 'field--error' : ''}" id=${listId}>
      <legend>${names.legend}</legend>
      ${names.hint ? html`<p class="hint">${names.hint}</p>` : nothing}
      ${listError ? html`<p class="error-message" id="${listId}-error"><span class="visually-hidden">Fout: </span>${listError}</p>` : nothing}
      <ol class="options__list">
        ${options.map(
          (option, i) =>
            html`<li class="options__item" @keydown=${this.moveKeys(pointer, i, names)}>
              ${this.optionLabel(pointer, options, i, names)} ${extra ? extra(option, i) : nothing}
              ${this.itemControls(pointer, i, options.length, names)}
            </li>`,
        )}
      </ol>
      ${this.readonly
        ? nothing
        : html`<button type="button" class="button button--secondary" id="${listId}-add" @click=${() => this.addItem(pointer, { value: '', label: '' }, 'label', names)}>
            ${names.add}
          </button>`}
      ${options.length > 0
        ? html`<details class="values" ?open=${valuesOpen}>
            <summary>${names.values ?? 'Waarden voor de export'}</summary>
            <p class="hint">Zo staat elke keuze in de export en de uitslag. Verander een waarde niet meer als er al antwoorden zijn.</p>
            ${options.map((option, i) =>
              input({
                id: fieldId(`${pointer}/${i}/value`),
                label: `Waarde van ${names.one} ${i + 1}${textIn(option.label, 'nl') ? ` (${textIn(option.label, 'nl')})` : ''}`,
                short: true,
                autocomplete: 'off',
                disabled: this.readonly,
                error: this.problemAt(`${pointer}/${i}/value`),
                value: option.value,
                onInput: (value) => this.set(`${pointer}/${i}/value`, value),
              }),
            )}
          </details>`
        : nothing}
    </fieldset>`;
  }

  private optionLabel(pointer: string, options: Option[], i: number, names: ListNames) {
    const labelPointer = `${pointer}/${i}/label`;
    const option = options[i];
    return input({
      id: fieldId(labelPointer),
      label: `${names.title} ${i + 1}`,
      disabled: this.readonly,
      error: this.problemAt(labelPointer),
      value: textIn(option.label, 'nl'),
      lang: 'nl',
      onInput: (value) => {
        let next = setIn(this.definition, labelPointer, withText(option.label, 'nl', value));
        if (this.valueFollowsLabel(pointer, option)) {
          const others = options.filter((_, j) => j !== i).map((other) => other.value);
          next = setIn(next, `${pointer}/${i}/value`, value.trim() ? autoValue(value, others) : '');
        }
        this.edit(next);
      },
    });
  }

  /** A new option's value is made from its label, until someone types a value of their own. */
  private valueFollowsLabel(pointer: string, option: Option): boolean {
    const savedValues = ((getIn(this.saved, pointer) as Option[] | undefined) ?? []).map((saved) => saved.value);
    if (option.value && savedValues.includes(option.value)) return false;
    const others = (this.get<Option[]>(pointer) ?? []).filter((other) => other !== option).map((other) => other.value);
    return option.value === '' || option.value === autoValue(textIn(option.label, 'nl'), others);
  }
}

/** The value made from a label: "Ja, vaak" → "ja-vaak", "ja-vaak-2" when that is taken. */
function autoValue(label: string, taken: string[]): string {
  return unique(slug(label) || 'antwoord', taken);
}
