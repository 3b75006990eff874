import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { EditableType } from '../model/forms.js';
import { languageOf } from '../model/languages.js';
import { radios } from '../fields.js';
import { ConsoleElement } from './console-element.js';

/** The widgets' own bundle, from the same server, loaded once when a preview first shows. */
let widgets: Promise<unknown> | undefined;
function loadWidgets(url: string): Promise<unknown> {
  widgets ??= import(/* @vite-ignore */ url).catch((error: unknown) => {
    widgets = undefined;
    throw error;
  });
  return widgets;
}

type Width = 'phone' | 'desktop';

/**
 * The live preview: the real widget (loaded from the server, as a parent's page loads it) with
 * the definition being edited, in each of the form's languages, at phone or desktop width. It
 * updates as the editor types. Sending is vetoed (`ouder-submit` is cancelable), so a preview
 * never posts; the widget keeps nothing on the device (`storage="none"`).
 *
 * @tag beheer-preview
 */
@customElement('beheer-preview')
export class BeheerPreview extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    type: {},
    definition: { attribute: false },
    languages: { attribute: false },
    language: {},
    privacyUrl: { attribute: 'privacy-url' },
    widgetsUrl: { attribute: 'widgets-url' },
    stale: { type: Boolean },
    width: { state: true },
    status: { state: true },
    vetoed: { state: true },
  };

  type!: EditableType;
  /** The definition to show (in its stored form); undefined while there is none without errors. */
  definition?: unknown;
  languages: string[] = ['nl'];
  /** The language shown. */
  language = 'nl';
  privacyUrl?: string;
  /** Where the widgets come from: the server's bundle; the component tests pass src/index.ts. */
  widgetsUrl = '/ouderstem.js';
  /** The definition shown is an earlier one: the current one still has problems. */
  stale = false;
  private width: Width = 'phone';
  private status: 'loading' | 'ready' | 'failed' = 'loading';
  private vetoed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.load();
  }

  private load(): void {
    this.status = 'loading';
    loadWidgets(this.widgetsUrl).then(
      () => (this.status = 'ready'),
      (error: unknown) => {
        console.warn(`beheer: the preview could not load the widgets from ${this.widgetsUrl}`, error);
        this.status = 'failed';
      },
    );
  }

  private veto = (event: Event) => {
    event.preventDefault();
    this.vetoed = true;
  };

  override render() {
    const language = languageOf(this.language);
    return html`<section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Voorbeeld</h2>
      <p class="hint">
        ${this.type === 'netwerkkaart'
          ? 'Zo zien ouders de kaart met netwerken.'
          : 'Zo zien ouders het formulier. Je kunt het invullen; versturen doet hier niets.'}
      </p>
      <div class="preview__controls">
        ${this.languages.length > 1
          ? radios({
              id: 'preview-language',
              label: 'Taal',
              value: this.language,
              choices: this.languages.map((code) => ({ value: code, label: languageOf(code).name })),
              onChange: (code) => {
                this.language = code;
                this.vetoed = false;
              },
            })
          : nothing}
        ${radios<Width>({
          id: 'preview-width',
          label: 'Breedte',
          value: this.width,
          choices: [
            { value: 'phone', label: 'Telefoon (360 px)' },
            { value: 'desktop', label: 'Computer' },
          ],
          onChange: (width) => (this.width = width),
        })}
      </div>
      ${this.stale ? html`<p class="notice notice--warning">Het voorbeeld toont de laatste versie zonder fouten. Los de fouten op om je wijzigingen te zien.</p>` : nothing}
      <div role="status" class="preview__status">
        ${this.vetoed ? html`<p class="notice">Dit is een voorbeeld: er is niets verstuurd.</p>` : nothing}
      </div>
      <div class="preview__frame preview__frame--${this.width}" lang=${language.code} dir=${language.dir}>${this.renderWidget()}</div>
    </section>`;
  }

  private renderWidget() {
    if (this.status === 'failed') {
      return html`<p class="notice notice--warning">
        Het voorbeeld kon de widgets niet laden. Laad de pagina opnieuw; lukt het dan nog niet, vraag de beheerder van de server of
        /ouderstem.js bereikbaar is.
        <button type="button" class="button button--secondary" @click=${this.load}>Probeer opnieuw</button>
      </p>`;
    }
    if (this.status === 'loading') return html`<p>Voorbeeld laden…</p>`;
    if (this.definition === undefined) {
      return html`<p>
        ${this.type === 'netwerkkaart'
          ? 'Het voorbeeld verschijnt zodra er een netwerk met een naam in de lijst staat.'
          : 'Het voorbeeld verschijnt zodra de verplichte velden zijn ingevuld.'}
      </p>`;
    }
    const lang = this.language;
    const privacy = ifDefined(this.privacyUrl || undefined);
    switch (this.type) {
      case 'peiling':
        return html`<ouder-peiling .definition=${this.definition} lang=${lang} storage="none" privacy-url=${privacy} @ouder-submit=${this.veto}></ouder-peiling>`;
      case 'meedenksessie':
        return html`<ouder-meedenksessie .definition=${this.definition} lang=${lang} storage="none" privacy-url=${privacy} @ouder-submit=${this.veto}></ouder-meedenksessie>`;
      case 'ervaring':
        return html`<ouder-ervaring .definition=${this.definition} lang=${lang} storage="none" privacy-url=${privacy} @ouder-submit=${this.veto}></ouder-ervaring>`;
      case 'netwerkkaart':
        return html`<ouder-netwerkkaart .definition=${this.definition} lang=${lang} storage="none"></ouder-netwerkkaart>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-preview': BeheerPreview;
  }
}
