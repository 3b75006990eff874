import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, type Gemeente, type Me, type ServerError } from '../api.js';
import { errorSummary, focusProblem, focusSummary, sortByPage } from '../fields.js';
import { languagesOf, missingTranslations, stored, type NetworksDefinition } from '../model/forms.js';
import { languageOf } from '../model/languages.js';
import { check, fromServer, type Problem, summaryOf } from '../model/validation.js';
import * as validators from '../model/validators.generated.js';
import { ConsoleElement } from './console-element.js';
import './beheer-language-tabs.js';
import './beheer-networks-builder.js';
import './beheer-preview.js';
import './beheer-translations.js';

/**
 * The organisation's list of parent networks, which `<ouder-netwerkkaart>` shows: the builder,
 * its translations, a preview of the map, and saving.
 *
 * @tag beheer-networks
 */
@customElement('beheer-networks')
export class BeheerNetworks extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    widgetsUrl: { attribute: 'widgets-url' },
    draft: { state: true },
    languages: { state: true },
    tab: { state: true },
    problems: { state: true },
    notice: { state: true },
    warnings: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  me?: Me;
  widgetsUrl = '/ouderstem.js';
  private saved?: NetworksDefinition;
  private draft?: NetworksDefinition;
  private gemeenten: Gemeente[] = [];
  private languages = ['nl'];
  private tab = 'nl';
  private problems: Problem[] = [];
  private notice = '';
  /** What the server noticed in the saved list without refusing it (a gemeente not in the CBS list). */
  private warnings: Problem[] = [];
  private error = '';
  private busy = false;
  private dirty = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  get canEdit(): boolean {
    return this.me?.user.role === 'beheerder' || this.me?.user.role === 'redacteur';
  }

  /** Whether the page may go: nothing unsaved, or the editor says so. */
  canLeave(): boolean {
    return !this.dirty || window.confirm('Je wijzigingen aan de netwerken zijn nog niet opgeslagen. Wil je deze pagina toch verlaten?');
  }

  private async load(): Promise<void> {
    try {
      const [networks, gemeenten] = await Promise.all([api.networks(), api.gemeenten()]);
      this.saved = networks.networks ?? { networks: [] };
      this.warnings = this.warningsOf(networks.problems);
      this.draft = this.saved;
      this.gemeenten = gemeenten.gemeenten;
      this.languages = languagesOf('netwerkkaart', this.draft);
    } catch (error) {
      // No list yet is an empty one.
      if (error instanceof ApiError && error.status === 404) {
        this.saved = undefined;
        this.draft = { type: 'netwerkkaart', networks: [] };
        this.gemeenten = (await api.gemeenten().catch(() => ({ gemeenten: [] }))).gemeenten;
      } else {
        this.error = error instanceof ApiError ? error.message : String(error);
      }
    }
  }

  private async save(): Promise<void> {
    if (!this.draft) return;
    const definition = stored('netwerkkaart', this.draft);
    this.problems = sortByPage(check('netwerkkaart', definition, { saved: this.saved }));
    this.notice = '';
    if (this.problems.length) return focusSummary(this);
    this.busy = true;
    try {
      const answer = await api.saveNetworks(definition);
      this.saved = answer.networks;
      this.warnings = this.warningsOf(answer.problems);
      this.dirty = false;
      this.notice = 'De netwerken zijn opgeslagen. De kaart toont ze meteen.';
    } catch (error) {
      const errors = error instanceof ApiError ? error.errors : [{ message: String(error) }];
      this.problems = sortByPage(errors.map((serverError) => fromServer('netwerkkaart', this.draft!, serverError)));
      await focusSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private warningsOf(problems: ServerError[] | undefined): Problem[] {
    return (problems ?? []).map((problem) => fromServer('netwerkkaart', this.saved ?? { networks: [] }, problem));
  }

  private async goTo(pointer: string, lang?: string): Promise<void> {
    if (lang && this.languages.includes(lang)) this.tab = lang;
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    focusProblem(pointer);
  }

  override render() {
    if (this.error) return html`<h1 tabindex="-1">Netwerken</h1><p class="notice notice--warning" role="alert">${this.error}</p>`;
    if (!this.draft) return html`<h1 tabindex="-1">Netwerken</h1><p role="status">Laden…</p>`;
    const draft = this.draft;
    const readonly = !this.canEdit;
    const current = stored('netwerkkaart', draft);
    const items = summaryOf(this.problems);
    return html`<h1 tabindex="-1">Netwerken</h1>
      <p>
        De oudernetwerken en oudersteunpunten die de netwerkkaart van je organisatie toont. Ouders vinden er het netwerk voor hun gemeente.
      </p>
      ${errorSummary(items, (item) => {
        const problem = this.problems[items.indexOf(item)];
        void this.goTo(problem.pointer, problem.lang);
      })}
      ${this.warnings.length
        ? html`<div class="notice notice--warning">
            <p>De kaart werkt, maar kijk dit na:</p>
            <ul>
              ${this.warnings.map((warning) => html`<li>${warning.message}</li>`)}
            </ul>
          </div>`
        : nothing}
      <div
        class="editor"
        @beheer-edit=${(event: CustomEvent<{ definition: unknown }>) => {
          this.draft = event.detail.definition as NetworksDefinition;
          this.dirty = true;
          this.notice = '';
        }}
      >
        <div class="editor__main">
          ${this.languages.length > 1
            ? html`<beheer-missing-translations
                .missing=${missingTranslations('netwerkkaart', draft, this.languages)}
                @beheer-go-to-text=${(event: CustomEvent<{ lang: string; pointer: string }>) => void this.goTo(event.detail.pointer, event.detail.lang)}
              ></beheer-missing-translations>`
            : nothing}
          <beheer-language-tabs
            .languages=${this.languages}
            selected=${this.tab}
            ?readonly=${readonly}
            @beheer-language=${(event: CustomEvent<{ lang: string; added: boolean }>) => {
              if (event.detail.added && !this.languages.includes(event.detail.lang)) {
                this.languages = [...this.languages, event.detail.lang];
                announce(`${languageOf(event.detail.lang).name} is toegevoegd.`);
              }
              this.tab = event.detail.lang;
            }}
          ></beheer-language-tabs>
          <div role="tabpanel" id="language-panel" aria-labelledby="tab-${this.tab}" class="language-panel">
            ${this.tab === 'nl'
              ? html`<beheer-networks-builder .definition=${draft} .saved=${this.saved} .problems=${this.problems} .gemeenten=${this.gemeenten} ?readonly=${readonly}></beheer-networks-builder>`
              : html`<beheer-translations type="netwerkkaart" .language=${this.tab} .definition=${draft} .problems=${this.problems} ?readonly=${readonly}></beheer-translations>`}
          </div>
          ${readonly
            ? nothing
            : html`<div class="actions">
                <button type="button" class="button" ?disabled=${this.busy} @click=${() => void this.save()}>${this.busy ? 'Bezig met opslaan…' : 'Opslaan'}</button>
                <div role="status" class="actions__status">${this.notice ? html`<p class="notice notice--success">${this.notice}</p>` : nothing}</div>
              </div>`}
        </div>
        <aside class="editor__preview" aria-label="Voorbeeld">
          <beheer-preview
            type="netwerkkaart"
            .definition=${validators.netwerkkaart(current) && current.networks.length > 0 ? current : undefined}
            .languages=${this.languages}
            .language=${this.tab}
            widgets-url=${this.widgetsUrl}
          ></beheer-preview>
        </aside>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-networks': BeheerNetworks;
  }
}
