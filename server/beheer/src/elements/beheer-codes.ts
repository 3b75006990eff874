import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type FormDetail, links } from '../api.js';
import { input } from '../fields.js';
import { ConsoleElement } from './console-element.js';

/**
 * Participation codes of a poll that asks for one: make a number of them, then download them as
 * CSV or open a sheet to print and cut up.
 *
 * @tag beheer-codes
 */
@customElement('beheer-codes')
export class BeheerCodes extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    form: { attribute: false },
    count: { state: true },
    error: { state: true },
    made: { state: true },
    busy: { state: true },
  };

  form!: FormDetail;
  private count = '50';
  private error = '';
  private made = 0;
  private busy = false;

  private async make(): Promise<void> {
    const count = Number(this.count.trim());
    if (!Number.isInteger(count) || count < 1 || count > 5000) {
      this.error = 'Vul een aantal van 1 tot en met 5000 in.';
      this.querySelector<HTMLInputElement>('#codes-count')?.focus();
      return;
    }
    this.error = '';
    this.busy = true;
    try {
      const { codes } = await api.makeCodes(this.form.id, count);
      this.made += codes.length;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<section class="builder-section" aria-labelledby="codes-title">
      <h2 id="codes-title">Deelnamecodes</h2>
      <p>Elke code werkt één keer. Deel ze uit aan de ouders die mogen meedoen, bijvoorbeeld op papier of per bericht.</p>
      <div class="field-row field-row--end">
        ${input({
          id: 'codes-count',
          label: 'Aantal nieuwe codes',
          short: true,
          inputmode: 'numeric',
          error: this.error || undefined,
          value: this.count,
          onInput: (value) => (this.count = value),
        })}
        <button type="button" class="button button--secondary" ?disabled=${this.busy} @click=${() => void this.make()}>Codes maken</button>
      </div>
      <div role="status">${this.made ? html`<p class="notice notice--success">${this.made} codes gemaakt.</p>` : nothing}</div>
      <ul class="link-list">
        <li><a href=${links.codesCsv(this.form.id)} download>Alle codes downloaden (CSV)</a></li>
        <li><a href=${links.codesPrint(this.form.id)} target="_blank" rel="noopener">Vel met codes om te printen <span class="visually-hidden">(opent in een nieuw venster)</span></a></li>
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-codes': BeheerCodes;
  }
}
