import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { input } from '../fields.js';
import { type Editable, type EditableType, textSlots, type TextSlot } from '../model/forms.js';
import { languageOf } from '../model/languages.js';
import { fieldId, getIn, setIn } from '../model/pointer.js';
import { textIn, withText } from '../model/text.js';
import type { Problem } from '../model/validation.js';
import type { LocalizedText } from '../../../src/schema-types.js';
import { ConsoleElement } from './console-element.js';

/**
 * Every text of a definition in one language other than Dutch, each with its Dutch original
 * beside it: the tab where a form is translated. The structure (questions, sessions, settings)
 * is edited in the Dutch tab only.
 *
 * @tag beheer-translations
 * @fires beheer-edit - Every change, with the whole new definition.
 */
@customElement('beheer-translations')
export class BeheerTranslations extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    type: {},
    language: {},
    definition: { attribute: false },
    problems: { attribute: false },
    readonly: { type: Boolean },
  };

  type!: EditableType;
  /** The language being written (not `lang`: the console's own texts around the fields stay Dutch). */
  language = 'en';
  definition!: Editable;
  problems: Problem[] = [];
  readonly = false;

  override render() {
    const language = languageOf(this.language);
    const slots = textSlots(this.type, this.definition).filter((slot) => textIn(this.textAt(slot), 'nl').trim() !== '');
    if (slots.length === 0) return html`<p>Er zijn nog geen Nederlandse teksten om te vertalen. Begin in het tabblad Nederlands.</p>`;
    const groups = new Map<string, TextSlot[]>();
    for (const slot of slots) {
      const group = slot.label.includes(':') ? slot.label.slice(0, slot.label.indexOf(':')) : 'Algemeen';
      groups.set(group, [...(groups.get(group) ?? []), slot]);
    }
    return html`<p class="hint">
        Vul bij elke Nederlandse tekst de vertaling in het ${language.name} in. Wat je leeg laat, lezen ouders in het Nederlands.
      </p>
      ${[...groups].map(
        ([group, members]) =>
          html`<section class="builder-section">
            <h2>${group}</h2>
            ${members.map((slot) => this.renderSlot(slot))}
          </section>`,
      )}`;
  }

  private textAt(slot: TextSlot): LocalizedText | undefined {
    return getIn(this.definition, slot.pointer) as LocalizedText | undefined;
  }

  private renderSlot(slot: TextSlot) {
    const language = languageOf(this.language);
    const text = this.textAt(slot);
    const dutch = textIn(text, 'nl');
    const label = slot.label.includes(':') ? slot.label.slice(slot.label.indexOf(':') + 1).trim() : slot.label;
    return input({
      id: fieldId(slot.pointer),
      label: `${label[0].toUpperCase()}${label.slice(1)} (${language.name})`,
      hint: html`Nederlands: <span lang="nl">${dutch}</span>`,
      multiline: dutch.length > 80,
      lang: language.code,
      dir: language.dir,
      disabled: this.readonly,
      error: this.problems.find((problem) => problem.pointer === slot.pointer && problem.lang === this.language)?.message,
      value: textIn(text, this.language),
      onInput: (value) =>
        this.dispatchEvent(
          new CustomEvent('beheer-edit', {
            detail: { definition: setIn(this.definition, slot.pointer, withText(text, this.language, value)) },
            bubbles: true,
            composed: true,
          }),
        ),
    });
  }
}

/**
 * What is not translated yet, per language: a count and a link to each text, which opens its tab
 * and focuses its field.
 *
 * @tag beheer-missing-translations
 * @fires beheer-go-to-text - `{ lang, pointer }`: the editor should show this text.
 */
@customElement('beheer-missing-translations')
export class BeheerMissingTranslations extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    missing: { attribute: false },
  };

  /** Per language, the texts that have Dutch but not that language. */
  missing = new Map<string, TextSlot[]>();

  override render() {
    if (this.missing.size === 0) return nothing;
    return html`<section class="translations-overview" aria-labelledby="missing-title">
      <h2 id="missing-title">Vertalingen</h2>
      <ul>
        ${[...this.missing].map(([lang, slots]) => {
          const language = languageOf(lang);
          if (slots.length === 0) return html`<li>${language.name}: alle teksten zijn vertaald.</li>`;
          return html`<li>
            <details>
              <summary>${language.name}: ${slots.length === 1 ? 'nog 1 tekst' : `nog ${slots.length} teksten`} te vertalen</summary>
              <ul>
                ${slots.map(
                  (slot) =>
                    html`<li>
                      <a
                        href="#${fieldId(slot.pointer)}"
                        @click=${(event: Event) => {
                          event.preventDefault();
                          this.dispatchEvent(new CustomEvent('beheer-go-to-text', { detail: { lang, pointer: slot.pointer }, bubbles: true }));
                        }}
                        >${slot.label}</a
                      >
                    </li>`,
                )}
              </ul>
            </details>
          </li>`;
        })}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-translations': BeheerTranslations;
    'beheer-missing-translations': BeheerMissingTranslations;
  }
  interface HTMLElementEventMap {
    'beheer-go-to-text': CustomEvent<{ lang: string; pointer: string }>;
  }
}
