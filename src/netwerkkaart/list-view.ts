import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { heading } from '../core/form.js';
import { localize, plural } from '../core/i18n/index.js';
import { type Network, phoneHref, safeWebsite, websiteLabel } from './netwerkkaart.js';
import type { KaartView } from './view.js';

/** The complete list of networks, filterable by kind: the primary view, which works without the map. */
export function renderList(view: KaartView) {
  const { kaart, strings } = view;
  const visible = view.visible();
  const count = (value: string) => kaart.networks.filter((network) => network.type === value).length;
  return html`<section class="list" part="list" aria-labelledby="list-title">
    ${heading(view.level, strings.listTitle, { class: 'title', id: 'list-title' })}
    ${kaart.types.length > 1
      ? html`<div class="field filter">
          <label class="label" for="filter">${strings.filterLabel}</label>
          <select id="filter" .value=${live(view.typeFilter)} @change=${(event: Event) => view.setFilter((event.target as HTMLSelectElement).value)}>
            <option value="">${strings.allTypes} (${kaart.networks.length})</option>
            ${kaart.types.map((type) => html`<option value=${type.value}>${localize(type.label, view.language).text} (${count(type.value)})</option>`)}
          </select>
        </div>`
      : nothing}
    <p class="count" role="status">${plural(strings.networks, visible.length, view.language)}</p>
    <ul class="networks">
      ${visible.map((network) => renderNetwork(view, network, view.itemId(network)))}
    </ul>
  </section>`;
}

/** One network: name, kind and region, what it does, where, how to reach it, and "toon op de kaart". */
export function renderNetwork(view: KaartView, network: Network, id: string, { note, distance }: { note?: string; distance?: string } = {}) {
  const { strings, t } = view;
  const name = view.name(network);
  const website = network.website ? safeWebsite(network.website) : undefined;
  const selected = network.id === view.selectedId;
  const about = [view.typeLabel(network.type), network.region, distance].filter(Boolean).join(' · ');
  return html`<li id=${id} class="network ${selected ? 'network--selected' : ''}" part="network" aria-labelledby="${id}-name">
    ${heading(view.level + 1, view.textOf(network.name), { class: 'network-name', id: `${id}-name`, focusable: true })}
    <p class="muted" dir="auto">${about}</p>
    ${note ? html`<p class="via">${note}</p>` : nothing}
    ${network.description ? html`<p>${view.textOf(network.description)}</p>` : nothing}
    <dl>
      ${network.gemeenten?.length ? html`<div><dt>${strings.gemeenten}</dt><dd dir="auto">${network.gemeenten.join(', ')}</dd></div>` : nothing}
      ${website
        ? html`<div>
            <dt>${strings.website}</dt>
            <dd>
              <a href=${website} target="_blank" rel="noopener noreferrer">${websiteLabel(website)} <span class="visually-hidden">${t.opensInNewWindow}</span></a>
            </dd>
          </div>`
        : nothing}
      ${network.email ? html`<div><dt>${strings.email}</dt><dd><a href="mailto:${network.email}">${network.email}</a></dd></div>` : nothing}
      ${network.phone ? html`<div><dt>${strings.phone}</dt><dd><a href=${phoneHref(network.phone)} dir="ltr">${network.phone}</a></dd></div>` : nothing}
    </dl>
    ${network.location
      ? html`<button
          type="button"
          class="secondary"
          part="button"
          aria-pressed=${selected ? 'true' : 'false'}
          aria-label=${`${strings.showOnMap}: ${name}`}
          @click=${() => view.showOnMap(network)}
        >
          ${strings.showOnMap}
        </button>`
      : html`<p class="muted">${strings.notOnMap}</p>`}
  </li>`;
}
