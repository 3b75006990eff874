import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LANGUAGES, languageOf } from '../model/languages.js';
import { ConsoleElement } from './console-element.js';

declare global {
  interface HTMLElementEventMap {
    /** Another language tab was chosen, or a language was added (it is chosen too). */
    'beheer-language': CustomEvent<{ lang: string; added: boolean }>;
  }
}

/**
 * The tabs of the languages a text is written in (ARIA tabs: arrow keys, Home and End move
 * between them) and "Taal toevoegen". The panel they control is the page's `#language-panel`,
 * labelled by the chosen tab (`tab-<code>`).
 *
 * @tag beheer-language-tabs
 * @fires beheer-language
 */
@customElement('beheer-language-tabs')
export class BeheerLanguageTabs extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    languages: { attribute: false },
    selected: {},
    readonly: { type: Boolean },
  };

  languages: string[] = ['nl'];
  selected = 'nl';
  readonly = false;

  private choose(lang: string, added = false): void {
    this.dispatchEvent(new CustomEvent('beheer-language', { detail: { lang, added }, bubbles: true }));
    // The page adds the language in its update; the tab exists after this element's next one.
    setTimeout(() => void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#tab-${lang}`)?.focus()));
  }

  private onKey = (event: KeyboardEvent) => {
    const index = this.languages.indexOf(this.selected);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: this.languages.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.choose(this.languages[(moves[event.key] + this.languages.length) % this.languages.length]);
  };

  override render() {
    const free = LANGUAGES.filter((language) => !this.languages.includes(language.code));
    return html`<div class="language-bar">
      <div role="tablist" aria-label="Taal van de teksten" class="tabs" @keydown=${this.onKey}>
        ${this.languages.map((code) => {
          const language = languageOf(code);
          const selected = code === this.selected;
          return html`<button
            type="button"
            role="tab"
            id="tab-${code}"
            class="tab"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="language-panel"
            tabindex=${selected ? '0' : '-1'}
            @click=${() => this.choose(code)}
          >
            ${language.name}${language.own !== language.name ? html` <span lang=${code} dir=${language.dir}>(${language.own})</span>` : nothing}
          </button>`;
        })}
      </div>
      ${free.length > 0 && !this.readonly
        ? html`<div class="language-add">
            <label for="add-language">Taal toevoegen</label>
            <select id="add-language">
              ${free.map((language) => html`<option value=${language.code}>${language.name}</option>`)}
            </select>
            <button
              type="button"
              class="button button--secondary"
              @click=${() => this.choose(this.querySelector<HTMLSelectElement>('#add-language')?.value ?? '', true)}
            >
              Toevoegen
            </button>
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-language-tabs': BeheerLanguageTabs;
  }
}
