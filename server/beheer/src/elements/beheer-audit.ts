import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type AuditEntry } from '../api.js';
import { dutchShort } from '../model/dates.js';
import { ConsoleElement } from './console-element.js';

/** What each action is called in Dutch; an action not listed shows as the server names it. */
const ACTIONS: Record<string, string> = {
  login: 'ingelogd',
  'login.failed': 'inloggen mislukt',
  'login.locked': 'inloggen geblokkeerd na te veel pogingen',
  logout: 'uitgelogd',
  setup: 'eerste beheerder aangemaakt',
  'user.create': 'gebruiker toegevoegd',
  'user.update': 'gebruiker gewijzigd',
  'user.delete': 'gebruiker verwijderd',
  'user.password': 'wachtwoord gekozen',
  'user.reset': 'wachtwoord opnieuw ingesteld',
  'user.setup-link': 'nieuwe inloglink gemaakt',
  'organisation.create': 'organisatie aangemaakt',
  'organisation.update': 'organisatie gewijzigd',
  'form.create': 'formulier gemaakt',
  'form.update': 'formulier opgeslagen',
  'form.publish': 'formulier gepubliceerd',
  'form.state': 'status van formulier gewijzigd',
  'export.csv': 'antwoorden gedownload (CSV)',
  'codes.create': 'deelnamecodes gemaakt',
  'codes.export': 'deelnamecodes gedownload',
  'codes.print': 'vel met deelnamecodes geopend',
  'networks.import': 'netwerken ingelezen',
  'networks.update': 'netwerken opgeslagen',
  'mail.update': 'e-mailinstellingen opgeslagen',
  'mail.remove': 'eigen e-mailinstellingen verwijderd',
  'mail.test': 'testbericht verstuurd',
  'mail.retry': 'bericht opnieuw verstuurd',
  'session.cancel': 'sessie afgezegd',
};

/** Who did it when it was not someone with an account. */
const SYSTEM: Record<string, string> = {
  cli: 'de server (opdrachtregel)',
  import: 'de server (inlezen)',
  'export-token': 'export met de sleutel van de server',
  login: 'iemand die probeerde in te loggen',
};

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (value && typeof value === 'object') {
    const { from, to } = value as { from?: unknown; to?: unknown };
    if ('from' in value && 'to' in value) return `${valueText(from)} → ${valueText(to)}`;
    return JSON.stringify(value);
  }
  return String(value);
}

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join('; ');
}

/**
 * The audit log: every change, login, and view or export of personal data, newest first, fifty
 * at a time.
 *
 * @tag beheer-audit
 */
@customElement('beheer-audit')
export class BeheerAudit extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    entries: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  private entries: AuditEntry[] = [];
  private error = '';
  private done = false;
  private busy = true;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.more();
  }

  private async more(): Promise<void> {
    this.busy = true;
    const before = this.entries.length ? this.entries[this.entries.length - 1].id : undefined;
    try {
      const { entries } = await api.audit(before);
      const firstNew = this.entries.length;
      this.entries = [...this.entries, ...entries];
      this.done = entries.length < 50;
      // Older rows loaded by the button: focus goes to the first of them.
      if (before !== undefined && entries.length) {
        await this.updateComplete;
        this.querySelectorAll<HTMLElement>('tbody tr')[firstNew]?.focus();
      }
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<h1 tabindex="-1">Logboek</h1>
      <p>Wie wat deed en wanneer: elke wijziging, elke keer inloggen, en elke keer dat iemand persoonsgegevens bekeek of downloadde.</p>
      ${this.error ? html`<p class="notice notice--warning" role="alert">${this.error}</p>` : nothing}
      ${this.entries.length === 0 && this.busy ? html`<p role="status">Laden…</p>` : nothing}
      ${this.entries.length
        ? html`<table class="audit">
            <caption class="visually-hidden">
              Logboek, nieuwste eerst
            </caption>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
                <th scope="col">Waarover</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              ${this.entries.map(
                (entry) =>
                  html`<tr tabindex="-1">
                    <td data-label="Wanneer">${dutchShort(entry.at)}</td>
                    <td class="break" data-label="Wie">${entry.user?.email ?? SYSTEM[entry.actor ?? ''] ?? entry.actor ?? ''}</td>
                    <td data-label="Wat">${ACTIONS[entry.action] ?? entry.action}</td>
                    <td class="break" data-label="Waarover">${entry.target ?? ''}</td>
                    <td class="break" data-label="Details">${detailText(entry.detail)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : this.busy || this.error
          ? nothing
          : html`<p>Het logboek is nog leeg.</p>`}
      ${this.entries.length && !this.done
        ? html`<p><button type="button" class="button button--secondary" ?disabled=${this.busy} @click=${() => void this.more()}>Oudere regels laden</button></p>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-audit': BeheerAudit;
  }
}
