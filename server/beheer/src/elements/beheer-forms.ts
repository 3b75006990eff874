import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type FormState, type FormSummary, type Me } from '../api.js';
import { dutchShort } from '../model/dates.js';
import { FORM_TYPES, typeName } from '../model/forms.js';
import { textIn } from '../model/text.js';
import { href } from '../router.js';
import { ConsoleElement } from './console-element.js';

const STATES: { state: FormState; label: string; hint: string }[] = [
  { state: 'concept', label: 'Concept', hint: 'nog niet gepubliceerd' },
  { state: 'gepubliceerd', label: 'Gepubliceerd', hint: 'ouders kunnen meedoen' },
  { state: 'gesloten', label: 'Gesloten', hint: 'ouders zien het, maar kunnen niet meer meedoen' },
  { state: 'gearchiveerd', label: 'Gearchiveerd', hint: 'niet meer te zien voor ouders' },
];

/**
 * The organisation's forms with their state, and where a new one starts.
 *
 * @tag beheer-forms
 */
@customElement('beheer-forms')
export class BeheerForms extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    forms: { state: true },
    error: { state: true },
    showArchived: { state: true },
  };

  me?: Me;
  private forms?: FormSummary[];
  private error = '';
  private showArchived = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.forms = (await api.forms()).forms;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  get canEdit(): boolean {
    return this.me?.user.role === 'beheerder' || this.me?.user.role === 'redacteur';
  }

  override render() {
    return html`<h1 tabindex="-1">Formulieren</h1>
      ${this.renderMailWarning()} ${this.canEdit ? this.renderNew() : nothing}
      ${this.error ? html`<p class="notice notice--warning" role="alert">${this.error}</p>` : nothing}
      ${this.forms ? this.renderList(this.forms) : this.error ? nothing : html`<p role="status">Formulieren laden…</p>`}`;
  }

  /**
   * E-mail that is off (parents get no confirmation; a beheerder can switch it on) and messages
   * that did not arrive, each with the way to the e-mail page.
   */
  private renderMailWarning() {
    const mail = this.me?.mail;
    if (!mail) return nothing;
    const problems = mail.problems ?? 0;
    const off = !mail.configured;
    if (!off && problems === 0) return nothing;
    return html`<div class="notice notice--warning">
      ${off
        ? html`<p>
            <strong>E-mail staat uit.</strong> Ouders krijgen geen bevestiging en geen herinnering.
            ${this.me?.user.role === 'beheerder' ? html`<a href=${href({ name: 'mail' })}>E-mail instellen</a>` : 'Vraag een beheerder om e-mail in te stellen.'}
          </p>`
        : nothing}
      ${problems > 0
        ? html`<p>
            ${problems === 1 ? '1 bericht aan een ouder kwam niet aan.' : `${problems} berichten aan ouders kwamen niet aan.`}
            <a href=${href({ name: 'mail' })}>Bekijk ${problems === 1 ? 'het' : 'ze'} onder E-mail</a>
          </p>`
        : nothing}
    </div>`;
  }

  private renderNew() {
    return html`<section class="new-forms" aria-labelledby="new-title">
      <h2 id="new-title">Nieuw formulier</h2>
      <ul class="cards">
        ${FORM_TYPES.map(
          (entry) =>
            html`<li class="card">
              <a href=${href({ name: 'new', type: entry.type })} class="card__link">Nieuw: ${entry.name.toLowerCase()}</a>
              <p>${entry.description}</p>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderList(forms: FormSummary[]) {
    const archived = forms.filter((form) => form.state === 'gearchiveerd');
    const shown = this.showArchived ? forms : forms.filter((form) => form.state !== 'gearchiveerd');
    return html`<section aria-labelledby="list-title">
      <h2 id="list-title">Alle formulieren</h2>
      <details class="states">
        <summary>Wat betekent de status?</summary>
        <dl>
          ${STATES.map((entry) => html`<dt><span class="badge badge--${entry.state}">${entry.label}</span></dt><dd>${entry.hint}</dd>`)}
        </dl>
        <p>Opslaan publiceert nooit: ouders zien een wijziging pas als je die publiceert.</p>
      </details>
      ${shown.length === 0
        ? html`<p>${forms.length === 0 ? 'Er zijn nog geen formulieren.' : 'Er zijn geen formulieren die niet gearchiveerd zijn.'}</p>`
        : html`<table class="forms-table">
            <caption class="visually-hidden">
              Formulieren van ${this.me?.organisation.name ?? 'je organisatie'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Titel</th>
                <th scope="col">Soort</th>
                <th scope="col">Status</th>
                <th scope="col" class="number">Antwoorden</th>
                <th scope="col">Gewijzigd</th>
              </tr>
            </thead>
            <tbody>
              ${shown.map((form) => this.renderRow(form))}
            </tbody>
          </table>`}
      ${archived.length > 0
        ? html`<p>
            <button type="button" class="button button--secondary" aria-pressed=${this.showArchived ? 'true' : 'false'} @click=${() => (this.showArchived = !this.showArchived)}>
              Gearchiveerde formulieren tonen (${archived.length})
            </button>
          </p>`
        : nothing}
    </section>`;
  }

  private renderRow(form: FormSummary) {
    const state = STATES.find((entry) => entry.state === form.state);
    const waiting = form.publishedVersion !== null && form.publishedVersion !== undefined && form.version > form.publishedVersion;
    const view = this.canEdit ? 'bewerken' : 'resultaten';
    return html`<tr>
      <th scope="row"><a href=${href({ name: 'form', id: form.id, view })}>${textIn(form.title, 'nl') || form.id}</a></th>
      <td data-label="Soort">${typeName(form.type)}</td>
      <td data-label="Status">
        <span class="badge badge--${form.state}">${state?.label ?? form.state}</span>
        ${waiting ? html`<span class="hint">wijzigingen nog niet gepubliceerd</span>` : nothing}
      </td>
      <td class="number" data-label="Antwoorden">${form.responses}</td>
      <td data-label="Gewijzigd">${dutchShort(form.updatedAt)}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-forms': BeheerForms;
  }
}
