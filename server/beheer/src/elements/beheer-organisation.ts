import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, type Organisation } from '../api.js';
import { errorSummary, focusSummary, input } from '../fields.js';
import { ConsoleElement } from './console-element.js';

declare global {
  interface HTMLElementEventMap {
    /** The organisation's settings changed: the app shows the new name. */
    'beheer-organisation-changed': CustomEvent<Organisation>;
  }
}

type Field = 'name' | 'privacyUrl' | 'origin';

/** `https://www.example.org/path` → `https://www.example.org`; undefined when it is no web address. */
export function originOf(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The organisation's settings: its name, the privacy statement every form links to, and the web
 * sites that may show its forms.
 *
 * @tag beheer-organisation
 * @fires beheer-organisation-changed
 */
@customElement('beheer-organisation')
export class BeheerOrganisation extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    organisation: { state: true },
    name: { state: true },
    privacyUrl: { state: true },
    newOrigin: { state: true },
    errors: { state: true },
    error: { state: true },
    saved: { state: true },
  };

  private organisation?: Organisation;
  private name = '';
  private privacyUrl = '';
  private newOrigin = '';
  private errors: { field?: Field; message: string }[] = [];
  private error = '';
  private saved = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.show((await api.organisation()).organisation);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private show(organisation: Organisation): void {
    this.organisation = organisation;
    this.name = organisation.name;
    this.privacyUrl = organisation.privacyUrl ?? '';
    this.dispatchEvent(new CustomEvent('beheer-organisation-changed', { detail: organisation, bubbles: true }));
  }

  private async change(body: Parameters<typeof api.changeOrganisation>[0], done: string, fieldOf: (field?: string) => Field | undefined): Promise<boolean> {
    this.saved = '';
    try {
      this.show((await api.changeOrganisation(body)).organisation);
      this.errors = [];
      this.saved = done;
      return true;
    } catch (error) {
      this.errors = error instanceof ApiError ? error.errors.map((serverError) => ({ field: fieldOf(serverError.field), message: serverError.message })) : [{ message: String(error) }];
      await focusSummary(this);
      return false;
    }
  }

  private async saveDetails(event: Event): Promise<void> {
    event.preventDefault();
    const errors: typeof this.errors = [];
    if (!this.name.trim()) errors.push({ field: 'name', message: 'Vul de naam van de organisatie in.' });
    if (this.privacyUrl.trim() && !/^https?:\/\/\S+$/.test(this.privacyUrl.trim())) {
      errors.push({ field: 'privacyUrl', message: 'Vul het hele webadres van de privacyverklaring in, met https:// ervoor.' });
    }
    this.errors = errors;
    if (errors.length) return focusSummary(this);
    await this.change({ name: this.name.trim(), privacyUrl: this.privacyUrl.trim() || null }, 'De gegevens zijn opgeslagen.', (field) =>
      field?.includes('privacy') ? 'privacyUrl' : field?.includes('name') ? 'name' : undefined,
    );
  }

  private async addOrigin(event: Event): Promise<void> {
    event.preventDefault();
    const origin = originOf(this.newOrigin);
    if (!origin) {
      this.errors = [{ field: 'origin', message: 'Vul het adres van de website in, met https:// ervoor, bijvoorbeeld https://www.voorbeeldstad.nl.' }];
      return focusSummary(this);
    }
    const origins = this.organisation?.allowedOrigins ?? [];
    if (origins.includes(origin)) {
      this.errors = [{ field: 'origin', message: `${origin} staat al in de lijst.` }];
      return focusSummary(this);
    }
    if (await this.change({ allowedOrigins: [...origins, origin] }, `${origin} mag nu de formulieren tonen.`, () => 'origin')) this.newOrigin = '';
  }

  private async removeOrigin(origin: string): Promise<void> {
    const origins = (this.organisation?.allowedOrigins ?? []).filter((other) => other !== origin);
    if (await this.change({ allowedOrigins: origins }, `${origin} is uit de lijst gehaald.`, () => undefined)) {
      announce(`${origin} is uit de lijst gehaald.`);
      await this.updateComplete;
      this.querySelector<HTMLElement>('#org-origin')?.focus();
    }
  }

  override render() {
    if (this.error) return html`<h1 tabindex="-1">Organisatie</h1><p class="notice notice--warning" role="alert">${this.error}</p>`;
    if (!this.organisation) return html`<h1 tabindex="-1">Organisatie</h1><p role="status">Laden…</p>`;
    const errorAt = (field: Field) => this.errors.find((error) => error.field === field)?.message;
    return html`<h1 tabindex="-1">Organisatie</h1>
      ${errorSummary(this.errors.map((error) => ({ target: error.field ? `org-${error.field}` : undefined, message: error.message })))}
      <div role="status">${this.saved ? html`<p class="notice notice--success">${this.saved}</p>` : nothing}</div>
      <form class="builder-section" novalidate @submit=${(event: Event) => void this.saveDetails(event)}>
        <h2>Gegevens</h2>
        ${input({ id: 'org-name', label: 'Naam', hint: 'Ouders zien deze naam op de pagina van elk formulier.', autocomplete: 'organization', error: errorAt('name'), value: this.name, onInput: (value) => (this.name = value) })}
        ${input({
          id: 'org-privacyUrl',
          label: 'Webadres van jullie privacyverklaring',
          hint: 'Elk formulier linkt ernaar bij de toestemming.',
          type: 'url',
          autocomplete: 'url',
          error: errorAt('privacyUrl'),
          value: this.privacyUrl,
          onInput: (value) => (this.privacyUrl = value),
        })}
        <button type="submit" class="button">Opslaan</button>
      </form>
      <section class="builder-section" aria-labelledby="origins-title">
        <h2 id="origins-title">Websites die jullie formulieren mogen tonen</h2>
        <p>
          Een formulier werkt alleen op de websites in deze lijst (en op de eigen pagina van het formulier). Een wijziging werkt meteen. Je
          kunt ook per formulier een website toestaan, onder Delen.
        </p>
        ${this.organisation.allowedOrigins.length
          ? html`<ul class="chips">
              ${this.organisation.allowedOrigins.map(
                (origin) =>
                  html`<li>
                    <span class="break">${origin}</span>
                    <button type="button" class="button button--small button--warning" @click=${() => void this.removeOrigin(origin)}>
                      Verwijderen<span class="visually-hidden">: ${origin}</span>
                    </button>
                  </li>`,
              )}
            </ul>`
          : html`<p>Nog geen websites.</p>`}
        <form class="field-row field-row--end" novalidate @submit=${(event: Event) => void this.addOrigin(event)}>
          ${input({
            id: 'org-origin',
            label: 'Website toevoegen',
            hint: 'Het adres van een pagina is genoeg: https://www.voorbeeldstad.nl/ouders wordt https://www.voorbeeldstad.nl.',
            type: 'url',
            autocomplete: 'url',
            error: errorAt('origin'),
            value: this.newOrigin,
            onInput: (value) => (this.newOrigin = value),
          })}
          <button type="submit" class="button button--secondary">Toevoegen</button>
        </form>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-organisation': BeheerOrganisation;
  }
}
