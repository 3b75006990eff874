import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { input } from '../fields.js';
import type { NetworksDefinition } from '../model/forms.js';
import type { Network } from '../../../src/schema-types.js';
import { fieldId, join, setIn } from '../model/pointer.js';
import { slug, textIn, unique, withText } from '../model/text.js';
import type { Gemeente } from '../api.js';
import { announce } from '../announce.js';
import { BuilderElement } from './builder-element.js';

const NETWORK = { one: 'netwerk', title: 'Netwerk' };
const TYPE = { one: 'soort', title: 'Soort', add: 'Soort toevoegen', legend: 'Soorten netwerken', values: 'Codes van de soorten' };

/**
 * The builder for the organisation's list of parent networks (what `<ouder-netwerkkaart>`
 * shows): each network with its gemeenten (picked from the CBS list), kind, description,
 * contact details and place on the map.
 *
 * @tag beheer-networks-builder
 * @fires beheer-edit - Every change, with the whole new list.
 */
@customElement('beheer-networks-builder')
export class BeheerNetworksBuilder extends BuilderElement<NetworksDefinition> {
  static override properties: PropertyDeclarations = {
    ...BuilderElement.properties,
    gemeenten: { attribute: false },
    picking: { state: true },
  };

  /** The CBS gemeenten to choose from. */
  gemeenten: Gemeente[] = [];
  /** What is typed in each network's "gemeente toevoegen" field, and its problem. */
  private picking = new Map<number, { text: string; error?: string }>();

  override render() {
    const list = this.definition;
    return html`<section class="builder-section" aria-labelledby="networks-types">
        <h2 id="networks-types">Soorten</h2>
        ${this.options('/types', { ...TYPE, hint: 'Bijvoorbeeld "Oudersraad" of "Oudersteunpunt". Ouders kunnen op soort filteren.' })}
      </section>
      <section class="builder-section" aria-labelledby="networks-list">
        <h2 id="networks-list">Netwerken</h2>
        ${list.networks.length === 0 ? html`<p>Er staan nog geen netwerken in de lijst.</p>` : nothing}
        ${this.itemList(
          '/networks',
          list.networks.map((network, n) => this.renderNetwork(network, n)),
          { label: 'Netwerk toevoegen', item: () => ({ id: '', name: '', type: list.types?.[0]?.value ?? '', gemeenten: [] }), focus: 'name', names: NETWORK },
        )}
        <datalist id="gemeenten-list">${this.gemeenten.map((gemeente) => html`<option value=${gemeente.name}></option>`)}</datalist>
      </section>`;
  }

  private renderNetwork(network: Network, n: number) {
    const at = (...rest: (string | number)[]) => join('networks', n, ...rest);
    const headingId = `${fieldId(at())}-heading`;
    const name = textIn(network.name, 'nl');
    const types = (this.definition.types ?? []).map((type) => ({ value: type.value, label: textIn(type.label, 'nl') || type.value }));
    return html`<li class="item ${this.problemsIn(at()) ? 'item--error' : ''}" @keydown=${this.moveKeys('/networks', n, NETWORK)}>
      <section aria-labelledby=${headingId}>
        <div class="item__head">
          <h3 id=${headingId}>Netwerk ${n + 1}${name ? html`<span class="item__title">: ${name}</span>` : nothing}</h3>
          ${this.itemControls('/networks', n, this.definition.networks.length, NETWORK)}
        </div>
        ${input({
          id: fieldId(at('name')),
          label: 'Naam',
          lang: 'nl',
          disabled: this.readonly,
          error: this.problemAt(at('name')) ?? this.problemAt(at('id')),
          value: name,
          onInput: (value) => this.rename(n, value),
        })}
        ${types.length > 0
          ? this.choice(at('type'), 'Soort', types, { asSelect: true })
          : this.plain(at('type'), 'Soort', { hint: 'Voeg hierboven soorten toe om uit te kiezen.' })}
        ${this.text(at('description'), 'Beschrijving (niet verplicht)', { multiline: true })} ${this.renderGemeenten(network, n)}
        ${this.plain(at('region'), 'Regio (niet verplicht)', { hint: 'Bijvoorbeeld "Haaglanden".', empty: 'remove' })}
        <div class="field-row">
          ${this.plain(at('website'), 'Website (niet verplicht)', { type: 'url', hint: 'Met https:// ervoor.', empty: 'remove' })}
          ${this.plain(at('email'), 'E-mailadres (niet verplicht)', { type: 'email', empty: 'remove' })}
          ${this.plain(at('phone'), 'Telefoon (niet verplicht)', { empty: 'remove' })}
        </div>
        <fieldset class="field" id=${fieldId(at('location'))}>
          <legend>Plek op de kaart (niet verplicht)</legend>
          <p class="hint">In graden, met een punt of komma: Den Haag is ongeveer 52,08 en 4,31.</p>
          <div class="field-row">${this.coordinate(n, 'lat', 'Breedtegraad')} ${this.coordinate(n, 'lon', 'Lengtegraad')}</div>
        </fieldset>
      </section>
    </li>`;
  }

  /** The name, and with it the id while the network is new (a saved network keeps its id). */
  private rename(n: number, value: string): void {
    const network = this.definition.networks[n];
    let next = setIn(this.definition, join('networks', n, 'name'), withText(network.name, 'nl', value));
    const savedIds = (this.saved?.networks ?? []).map((saved) => saved.id);
    if (!savedIds.includes(network.id)) {
      const others = this.definition.networks.filter((_, i) => i !== n).map((other) => other.id);
      next = setIn(next, join('networks', n, 'id'), unique(slug(value) || 'netwerk', others));
    }
    this.edit(next);
  }

  private coordinate(n: number, axis: 'lat' | 'lon', label: string) {
    const pointer = join('networks', n, 'location', axis);
    const value = this.get<number | string | undefined>(pointer);
    return input({
      id: fieldId(pointer),
      label,
      short: true,
      inputmode: 'decimal',
      disabled: this.readonly,
      error: this.problemAt(pointer) ?? (axis === 'lat' ? this.problemAt(join('networks', n, 'location')) : undefined),
      value: value === undefined ? '' : String(value).replace('.', ','),
      onInput: (text) => {
        const trimmed = text.trim().replace(',', '.');
        const location = { ...(this.definition.networks[n].location ?? {}) } as Record<string, unknown>;
        if (trimmed === '') delete location[axis];
        else location[axis] = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
        this.set(join('networks', n, 'location'), Object.keys(location).length ? location : undefined);
      },
    });
  }

  private renderGemeenten(network: Network, n: number) {
    const pointer = join('networks', n, 'gemeenten');
    // A network may name only areas by code ("areas": ["JZ24"]), and no gemeenten.
    const chosen = network.gemeenten ?? [];
    const id = fieldId(pointer);
    const picking = this.picking.get(n) ?? { text: '' };
    const error = picking.error ?? this.problemAt(pointer);
    // Without the CBS list (a server without its data) a typed name is taken as it is.
    const free = this.gemeenten.length === 0;
    const pick = () => {
      const typed = picking.text.trim();
      const match = free && typed ? { name: typed } : this.gemeenten.find((gemeente) => gemeente.name.toLowerCase() === typed.toLowerCase());
      if (!match) {
        this.picking = new Map(this.picking).set(n, {
          text: picking.text,
          error: typed ? `"${typed}" staat niet in de lijst van gemeenten (CBS 2025). Kies een naam uit de lijst.` : 'Typ de naam van een gemeente.',
        });
        return;
      }
      this.picking = new Map(this.picking).set(n, { text: '' });
      if (!chosen.includes(match.name)) {
        this.set(pointer, [...chosen, match.name]);
        announce(`${match.name} is toegevoegd.`);
      }
    };
    return html`<fieldset class="field ${error ? 'field--error' : ''}" id="${id}-group">
      <legend>Gemeenten</legend>
      ${chosen.length
        ? html`<ul class="chips" aria-label="Gekozen gemeenten">
            ${chosen.map(
              (gemeente) =>
                html`<li>
                  <span class="chip__text">${gemeente}</span>
                  ${this.readonly
                    ? nothing
                    : html`<button
                        type="button"
                        class="button button--small button--secondary"
                        @click=${() => {
                          this.set(pointer, chosen.filter((other) => other !== gemeente));
                          announce(`${gemeente} is verwijderd.`);
                          void this.rendered().then(() => document.getElementById(id)?.focus());
                        }}
                      >
                        Verwijderen<span class="visually-hidden">: ${gemeente}</span>
                      </button>`}
                </li>`,
            )}
          </ul>`
        : html`<p>Nog geen gemeenten gekozen.</p>`}
      ${this.readonly
        ? nothing
        : html`<div class="picker">
            ${input({
              id,
              label: 'Gemeente toevoegen',
              hint: free ? 'Typ de naam zoals het CBS hem schrijft, bijvoorbeeld "\'s-Gravenhage".' : 'Typ een paar letters en kies uit de lijst.',
              list: 'gemeenten-list',
              autocomplete: 'off',
              error,
              value: picking.text,
              onInput: (text) => (this.picking = new Map(this.picking).set(n, { text })),
            })}
            <button
              type="button"
              class="button button--secondary"
              @click=${pick}
            >
              Toevoegen<span class="visually-hidden">: gemeente bij netwerk ${n + 1}</span>
            </button>
          </div>`}
    </fieldset>`;
  }

  protected override firstUpdated(): void {
    // Enter in a "gemeente toevoegen" field adds it, as the button next to it does.
    this.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || target.getAttribute('list') !== 'gemeenten-list') return;
      event.preventDefault();
      (target.closest('.picker')?.querySelector('button') as HTMLButtonElement | null)?.click();
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-networks-builder': BeheerNetworksBuilder;
  }
}
