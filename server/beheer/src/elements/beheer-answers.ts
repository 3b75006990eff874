import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type FormDetail, type OpenAnswer } from '../api.js';
import { dutchShort } from '../model/dates.js';
import type { PeilingDefinition } from '../model/forms.js';
import { textIn } from '../model/text.js';
import { ConsoleElement } from './console-element.js';

const LANGUAGE_NAMES: Record<string, string> = { nl: 'Nederlands', en: 'Engels', ar: 'Arabisch' };

/**
 * A poll's open answers and "anders" texts, newest first, searchable (case and accents ignored),
 * for the period and language the results are filtered by.
 *
 * @tag beheer-answers
 */
@customElement('beheer-answers')
export class BeheerAnswers extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    form: { attribute: false },
    filter: { attribute: false },
    answers: { state: true },
    total: { state: true },
    search: { state: true },
    error: { state: true },
  };

  form!: FormDetail;
  /** The results' filter: `from`, `to` (2027-03-01) and `lang`. */
  filter: Record<string, string> = {};
  private answers?: OpenAnswer[];
  private total = 0;
  private search = '';
  private error = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') || changed.has('filter')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const found = await api.answers(this.form.id, { ...this.filter, ...(this.search.trim() ? { q: this.search.trim() } : {}) });
      this.answers = found.answers;
      this.total = found.total;
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const poll = this.form.definition as PeilingDefinition;
    const question = (id: string) => textIn(poll.questions.find((item) => item.id === id)?.label, 'nl');
    return html`<section class="builder-section" aria-labelledby="answers-title">
      <h2 id="answers-title">Open antwoorden en "anders"</h2>
      <form
        class="field-row field-row--end"
        role="search"
        novalidate
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.load();
        }}
      >
        <div class="field">
          <label for="answers-search">Zoek in de antwoorden</label>
          <input id="answers-search" type="search" .value=${this.search} @input=${(event: Event) => (this.search = (event.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" class="button button--secondary">Zoeken</button>
      </form>
      ${this.error ? html`<p class="notice notice--warning" role="alert">${this.error}</p>` : nothing}
      <p role="status">${this.answers === undefined ? 'Antwoorden laden…' : this.total === 1 ? '1 antwoord.' : `${this.total} antwoorden.`}</p>
      ${this.answers?.length
        ? html`<ul class="answers">
            ${this.answers.map(
              (answer) =>
                html`<li>
                  <p class="answer__text" dir="auto">${answer.text}</p>
                  <p class="hint">
                    ${question(answer.question)}${answer.kind === 'other' ? ' (anders)' : ''} · ${dutchShort(answer.receivedAt)}${answer.lang ? ` · ${LANGUAGE_NAMES[answer.lang] ?? answer.lang}` : ''}
                  </p>
                </li>`,
            )}
          </ul>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-answers': BeheerAnswers;
  }
}
