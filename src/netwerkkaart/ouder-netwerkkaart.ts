import { html, nothing, svg } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { DefinitionError } from '../core/definition.js';
import { internalState, OuderElement } from '../core/element.js';
import { emit } from '../core/events.js';
import { heading, PoliteAnnouncer } from '../core/form.js';
import { plural } from '../core/i18n/index.js';
import { problemWords } from '../core/i18n/problems.js';
import { DefinitionController, ResourceController } from '../core/resource.js';
import { groupPoints, type MarkerGroup, neighbour, parseRegions, project, type Region, type Regions } from './geo.js';
import {
  matchPlaces,
  nearestNetworks,
  type Netwerkkaart,
  type Network,
  networksFor,
  normalizePlace,
  phoneHref,
  type Place,
  placeKey,
  placesOf,
  type Problem,
  safeWebsite,
  websiteLabel,
  parseNetwerkkaart,
} from './netwerkkaart.js';
import { netwerkkaartStrings, type NetwerkkaartStrings } from './netwerkkaart.i18n.js';
import { netwerkkaartStyles } from './ouder-netwerkkaart.styles.js';
import { mapSize, outline } from './outline.js';

export interface OuderSelectDetail {
  network: Network;
  /** Where the parent chose it. */
  source: 'list' | 'map' | 'search';
}

declare global {
  interface HTMLElementTagNameMap {
    'ouder-netwerkkaart': OuderNetwerkkaart;
  }
  interface HTMLElementEventMap {
    'ouder-select': CustomEvent<OuderSelectDetail>;
  }
}

type Marker = MarkerGroup<Network> & { key: string };

/** Markers are drawn and hit at the same size on screen, whatever the map's size. */
const markerPixels = { dot: 8, target: 14 };
const shownProblems = 20;
/** Digits 0–9 as strokes in a 4 × 6 box, each path starting at its top-left corner. */
const digitStrokes = ['h4v6h-4z', 'm2 0v6', 'h4v3h-4v3h4', 'h4v6h-4m0-3h4', 'v3h4m0-3v6', 'm4 0h-4v3h4v3h-4', 'm4 0h-4v6h4v-3h-4', 'h4v6', 'h4v6h-4zm0 3h4', 'm4 3h-4v-3h4v6h-4'];

/**
 * Which oudersraad, oudersteunpunt or parent network is there for me, and how do I reach it?
 * A search box for the gemeente, the complete list of networks (filterable by kind) and, beside
 * it, a map of the Netherlands with a marker per network and optional region boundaries. The
 * list is the primary view; the map is an extra that is never needed to find a network.
 *
 * @summary Map and list of regional parent networks; find the one for your gemeente.
 * @tag ouder-netwerkkaart
 *
 * @event ouder-ready - The networks are loaded and rendered. `detail: { definition }`
 * @event ouder-select - A network was chosen in the list, on the map or by searching. `detail: { network, source }`
 *
 * @csspart language-menu - The parent's choice of language (a select), when the definition is written in more than one.
 * @csspart search - The search form.
 * @csspart result - What the search found.
 * @csspart list - The list of networks.
 * @csspart network - One network in the list.
 * @csspart map - The map.
 * @csspart button - Buttons.
 * @csspart problems - The message naming what in the files could not be used.
 *
 * @cssproperty --ouder-font-family - Font (fallback `--utrecht-document-font-family`).
 * @cssproperty --ouder-color - Text colour.
 * @cssproperty --ouder-background - Background.
 * @cssproperty --ouder-primary - Markers and buttons.
 * @cssproperty --ouder-focus-color - Focus outline.
 * @cssproperty --ouder-focus-background - The chosen marker and network.
 * @cssproperty --ouder-land-color - The country on the map.
 * @cssproperty --ouder-region-color - Regions with a network (`regions-src`).
 * @cssproperty --ouder-max-width - Widest the widget grows (default 72rem; the map moves beside the list from about 50rem).
 */
export class OuderNetwerkkaart extends OuderElement {
  static override styles = [...OuderElement.styles, netwerkkaartStyles];
  protected static override texts = [netwerkkaartStrings, problemWords];
  static override properties = {
    regionsSrc: { attribute: 'regions-src' },
    regions: { attribute: false },
    ...internalState('query', 'expanded', 'activeOption', 'result', 'typeFilter', 'selectedId', 'focusKey', 'openGroup', 'mapPixels'),
  };

  private readonly loader = new DefinitionController(this, parseNetwerkkaart, (definition: Netwerkkaart) => this.announceReady(definition));
  private readonly boundaries = new ResourceController(this, {
    what: 'the boundaries (regions-src)',
    value: () => this.regions,
    url: () => this.regionsSrc || undefined,
    parse: parseRegions,
  });
  private readonly announcer = new PoliteAnnouncer(this, 300);

  /** URL of region boundaries (GeoJSON or TopoJSON in WGS84, e.g. CBS gemeenten or jeugdregio's), drawn under the networks. */
  regionsSrc?: string;

  /** The region boundaries as an object; overrides `regions-src`. */
  regions?: unknown;

  private query = '';
  private expanded = false;
  private activeOption = -1;
  private result?: { typed: string; place?: Place };
  private typeFilter = '';
  private selectedId?: string;
  private focusKey?: string;
  private openGroup?: Network[];
  private mapPixels = 0;

  private resizeObserver?: ResizeObserver;
  private placesCache?: { networks: Network[]; regions?: Regions; places: Place[] };

  // --- lifecycle ---------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  protected override updated(): void {
    const frame = this.renderRoot.querySelector('.map-frame');
    if (frame && !this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(([entry]) => {
        this.mapPixels = entry.contentRect.width;
      });
      this.resizeObserver.observe(frame);
    }
  }

  // --- derived -----------------------------------------------------------------------------

  private get strings(): NetwerkkaartStrings {
    return netwerkkaartStrings(this.language, this.dutchRegister);
  }

  private get regionData(): Regions | undefined {
    return this.boundaries.value;
  }

  private places(kaart: Netwerkkaart): Place[] {
    const regions = this.regionData;
    if (this.placesCache?.networks !== kaart.networks || this.placesCache.regions !== regions) {
      this.placesCache = { networks: kaart.networks, regions, places: placesOf(kaart.networks, regions?.regions) };
    }
    return this.placesCache.places;
  }

  private suggestions(kaart: Netwerkkaart): Place[] {
    return matchPlaces(this.query, this.places(kaart));
  }

  private visible(kaart: Netwerkkaart): Network[] {
    return kaart.networks.filter((network) => !this.typeFilter || network.type === this.typeFilter);
  }

  private name(network: Network): string {
    return this.plain(network.name);
  }

  private typeLabel(kaart: Netwerkkaart, value: string): unknown {
    const type = kaart.types.find((option) => option.value === value);
    return type ? this.text(type.label) : value;
  }

  /** Map units per screen pixel. */
  private get unitsPerPixel(): number {
    return this.mapPixels > 0 ? mapSize.width / this.mapPixels : 1;
  }

  private markers(kaart: Netwerkkaart): Marker[] {
    const points = this.visible(kaart)
      .filter((network) => network.location)
      .map((network) => {
        const [x, y] = project(network.location!.lon, network.location!.lat);
        return { x, y, item: network };
      });
    return groupPoints(points, 2 * markerPixels.target * this.unitsPerPixel).map((group) => ({ ...group, key: group.members[0].id }));
  }

  // --- handlers: search --------------------------------------------------------------------

  private onInput(kaart: Netwerkkaart, value: string): void {
    this.query = value;
    this.activeOption = -1;
    this.expanded = this.suggestions(kaart).length > 0;
  }

  private onSearchKey(kaart: Netwerkkaart, event: KeyboardEvent): void {
    const options = this.suggestions(kaart);
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (options.length === 0) return;
        const down = event.key === 'ArrowDown';
        if (!this.expanded || event.altKey) {
          this.expanded = true;
          if (event.altKey) return;
          this.activeOption = down ? 0 : options.length - 1;
          return;
        }
        this.activeOption =
          this.activeOption < 0 ? (down ? 0 : options.length - 1) : (this.activeOption + (down ? 1 : -1) + options.length) % options.length;
        return;
      }
      case 'Enter':
        if (this.expanded && options[this.activeOption]) {
          event.preventDefault();
          this.choosePlace(kaart, options[this.activeOption]);
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (this.expanded) this.expanded = false;
        else this.query = '';
        this.activeOption = -1;
        return;
    }
  }

  private onSearch(kaart: Netwerkkaart, event: Event): void {
    event.preventDefault();
    const typed = this.query.trim();
    if (!typed) return;
    const key = placeKey(typed);
    const options = this.suggestions(kaart);
    // "den haag" → the place "Den Haag" (spelled as the parent knows it), else the same place by another name.
    const exact =
      options.find((place) => normalizePlace(place.label) === normalizePlace(typed)) ?? options.find((place) => place.key === key);
    if (exact) this.choosePlace(kaart, exact);
    else if (options.length > 1) {
      this.expanded = true;
      this.activeOption = 0;
    } else if (options.length === 1) this.choosePlace(kaart, options[0]);
    else this.result = { typed };
  }

  private choosePlace(kaart: Netwerkkaart, place: Place, source: OuderSelectDetail['source'] = 'search'): void {
    this.query = place.label;
    this.expanded = false;
    this.activeOption = -1;
    this.result = { typed: place.label, place };
    const [first] = networksFor(place.key, kaart.networks);
    if (first) this.select(first, source);
  }

  // --- handlers: list and map --------------------------------------------------------------

  private select(network: Network, source: OuderSelectDetail['source']): void {
    this.selectedId = network.id;
    if (network.location) this.focusKey = network.id;
    if (source !== 'map') this.openGroup = undefined;
    emit(this, 'ouder-select', { network, source });
  }

  private toggleFromList(network: Network): void {
    if (this.selectedId === network.id) {
      this.selectedId = undefined;
      return;
    }
    this.select(network, 'list');
  }

  private activateMarker(marker: Marker): void {
    this.focusKey = marker.key;
    if (marker.members.length === 1) {
      this.openGroup = undefined;
      this.select(marker.members[0], 'map');
      void this.revealInList(marker.members[0], false);
      return;
    }
    // Markers at (almost) the same spot: the panel under the map lists them to choose from.
    this.openGroup = marker.members;
  }

  private onMapKey(kaart: Netwerkkaart, event: KeyboardEvent): void {
    const markers = this.markers(kaart);
    const current = markers.find((marker) => marker.members.some((network) => network.id === this.focusKey)) ?? markers[0];
    if (!current) return;
    let next: Marker | undefined;
    if (event.key.startsWith('Arrow')) next = neighbour(markers, current, event.key) ?? current;
    else if (event.key === 'Home') next = markers[0];
    else if (event.key === 'End') next = markers[markers.length - 1];
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activateMarker(current);
      return;
    } else if (event.key === 'Escape' && this.openGroup) {
      this.openGroup = undefined;
      return;
    } else return;
    event.preventDefault();
    this.focusKey = next.key;
    void this.focusMarker();
  }

  private async focusMarker(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<SVGElement>('.marker[tabindex="0"]')?.focus();
  }

  private onRegionClick(kaart: Netwerkkaart, event: Event): void {
    const key = (event.target as Element).getAttribute('data-key');
    const place = this.places(kaart).find((candidate) => candidate.key === key);
    if (place) this.choosePlace(kaart, place, 'map');
  }

  /** Shows a network in the list: the filter is cleared if it hides it; focus moves there if asked. */
  private async revealInList(network: Network, focus: boolean): Promise<void> {
    if (this.typeFilter && network.type !== this.typeFilter) this.typeFilter = '';
    await this.updateComplete;
    const item = this.renderRoot.querySelector<HTMLElement>(`#${this.itemId(network)}`);
    item?.scrollIntoView?.({ block: 'nearest' });
    if (focus) item?.querySelector<HTMLElement>('.network-name')?.focus();
  }

  private itemId(network: Network): string {
    const index = this.loader.definition?.networks.indexOf(network) ?? -1;
    return `network-${index}`;
  }

  // --- render ------------------------------------------------------------------------------

  protected override render() {
    return this.renderFrame(this.loader, (kaart) => this.renderKaart(kaart));
  }

  private renderKaart(kaart: Netwerkkaart) {
    const visible = this.visible(kaart);
    const { strings } = this;
    return html`
      ${this.renderProblems(kaart)} ${this.renderSearch(kaart)} ${this.renderResult(kaart)}
      <div class="layout">
        <section class="list" part="list" aria-labelledby="list-title">
          ${heading(this.level, strings.listTitle, { class: 'title', id: 'list-title' })}
          ${kaart.types.length > 1
            ? html`<div class="field filter">
                <label class="label" for="filter">${strings.filterLabel}</label>
                <select id="filter" .value=${live(this.typeFilter)} @change=${(event: Event) => (this.typeFilter = (event.target as HTMLSelectElement).value)}>
                  <option value="">${strings.allTypes} (${kaart.networks.length})</option>
                  ${kaart.types.map(
                    (type) =>
                      html`<option value=${type.value}>
                        ${this.plain(type.label)} (${kaart.networks.filter((network) => network.type === type.value).length})
                      </option>`,
                  )}
                </select>
              </div>`
            : nothing}
          <p class="count" role="status">${plural(strings.networks, visible.length, this.language)}</p>
          ${kaart.networks.length === 0
            ? html`<p>${strings.noNetworks}</p>`
            : html`<ul class="networks">
                ${visible.map((network) => this.renderNetwork(kaart, network, this.itemId(network)))}
              </ul>`}
        </section>
        ${this.renderMap(kaart)}
      </div>
    `;
  }

  private renderProblems(kaart: Netwerkkaart) {
    const { strings } = this;
    const problems = [...kaart.problems];
    const { state } = this.boundaries;
    if (state.status === 'ready') problems.push(...state.value.problems.map((p) => ({ ...p, path: `regions-src ${p.path}` })));
    if (state.status === 'invalid') {
      problems.push({ path: `regions-src ${state.error.path}`.trim(), problem: state.error.problem, scope: 'entry' });
    }
    if (problems.length === 0) return nothing;
    return html`<div class="panel panel--warning" part="problems">
      ${heading(this.level, strings.problemsTitle, { class: 'title' })}
      <ul>
        ${problems.slice(0, shownProblems).map((problem) => html`<li>${this.describeProblem(problem)}</li>`)}
        ${problems.length > shownProblems ? html`<li>…</li>` : nothing}
      </ul>
    </div>`;
  }

  private describeProblem({ path, problem, scope }: Problem) {
    const own = this.strings.problems;
    const core = problemWords(this.language);
    const text =
      typeof problem === 'object'
        ? core.oneOf(problem.oneOf.join(', '))
        : problem in own
          ? own[problem as keyof typeof own]
          : core[problem as Exclude<DefinitionError['problem'], object>];
    const outcome = scope === 'entry' ? this.strings.entrySkipped : scope === 'field' ? this.strings.fieldLeftOut : '';
    return html`<bdi>${path}</bdi> ${text}${outcome ? ` (${outcome})` : ''}`;
  }

  private renderSearch(kaart: Netwerkkaart) {
    const { strings } = this;
    const options = this.expanded ? this.suggestions(kaart) : [];
    const count = this.query.trim() ? this.suggestions(kaart).length : 0;
    const spoken = this.announcer.say(
      'suggestions',
      this.query.trim() ? (count ? plural(strings.suggestions, count, this.language) : strings.noSuggestions) : '',
    );
    return html`<form class="search" part="search" role="search" @submit=${(event: Event) => this.onSearch(kaart, event)}>
      <div class="field">
        <label class="label" for="place">${strings.searchLabel}</label>
        <p class="hint" id="place-hint">${strings.searchHint}</p>
        <div class="search-row">
          <input
            id="place"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-controls="places"
            aria-expanded=${this.expanded && options.length > 0 ? 'true' : 'false'}
            aria-activedescendant=${ifDefined(options[this.activeOption] ? `place-${this.activeOption}` : undefined)}
            aria-describedby="place-hint"
            .value=${live(this.query)}
            @input=${(event: Event) => this.onInput(kaart, (event.target as HTMLInputElement).value)}
            @keydown=${(event: KeyboardEvent) => this.onSearchKey(kaart, event)}
            @blur=${() => (this.expanded = false)}
          />
          <button type="submit" part="button">${strings.search}</button>
        </div>
        <ul id="places" role="listbox" aria-label=${strings.searchLabel} ?hidden=${options.length === 0}>
            ${options.map(
              (place, index) =>
                html`<li
                  id="place-${index}"
                  role="option"
                  aria-selected=${index === this.activeOption ? 'true' : 'false'}
                  @mousedown=${(event: Event) => event.preventDefault()}
                  @click=${() => this.choosePlace(kaart, place)}
                >
                  ${place.label}
                </li>`,
            )}
        </ul>
      </div>
      <p class="visually-hidden" role="status">${spoken}</p>
    </form>`;
  }

  private resultSentence(kaart: Netwerkkaart): string {
    const { result, strings } = this;
    if (!result) return '';
    // A name the data does not know may be a typo or a gemeente no network serves yet: kind either way.
    if (!result.place) return `${strings.resultNone(result.typed)} ${strings.unknownPlace}`;
    const found = networksFor(result.place.key, kaart.networks);
    return found.length > 0
      ? `${strings.resultFor(result.typed)} ${found.map((network) => this.name(network)).join(', ')}`
      : strings.resultNone(result.typed);
  }

  private renderResult(kaart: Netwerkkaart) {
    const { result, strings } = this;
    const sentence = html`<p class="visually-hidden" role="status">${this.resultSentence(kaart)}</p>`;
    if (!result) return sentence;
    let body;
    if (!result.place) {
      body = html`${heading(this.level, strings.resultNone(result.typed), { class: 'title' })}
        <p>${strings.unknownPlace}</p>`;
    } else {
      const found = networksFor(result.place.key, kaart.networks);
      if (found.length > 0) {
        body = html`${heading(this.level, strings.resultFor(result.typed), { class: 'title' })}
          <ul class="networks">
            ${found.map((network) => this.renderNetwork(kaart, network, `result-${this.itemId(network)}`))}
          </ul>`;
      } else {
        const nearest = result.place.center ? nearestNetworks(result.place.center, kaart.networks) : [];
        body = html`${heading(this.level, strings.resultNone(result.typed), { class: 'title' })}
          ${nearest.length > 0
            ? html`<p>${strings.nearest}</p>
                <ul class="networks">
                  ${nearest.map(({ network, km }) =>
                    this.renderNetwork(kaart, network, `result-${this.itemId(network)}`, strings.distance(new Intl.NumberFormat(this.language, { maximumFractionDigits: 0 }).format(km))),
                  )}
                </ul>`
            : html`<p>${strings.seeList}</p>`}`;
      }
    }
    return html`${sentence}
      <div class="result" part="result">${body}</div>`;
  }

  private renderNetwork(kaart: Netwerkkaart, network: Network, id: string, distance?: string) {
    const { strings, t } = this;
    const name = this.name(network);
    const website = network.website ? safeWebsite(network.website) : undefined;
    const selected = network.id === this.selectedId;
    const about = [this.typeLabel(kaart, network.type), network.region, distance].filter(Boolean).flatMap((part, index) => (index ? [' · ', part] : [part]));
    return html`<li id=${id} class="network ${selected ? 'network--selected' : ''}" part="network" aria-labelledby="${id}-name">
      ${heading(this.level + 1, this.text(network.name), { class: 'network-name', id: `${id}-name`, focusable: true })}
      <p class="muted" dir="auto">${about}</p>
      ${network.description ? html`<p>${this.text(network.description)}</p>` : nothing}
      <dl>
        ${network.gemeenten.length > 0
          ? html`<div><dt>${strings.gemeenten}</dt><dd dir="auto">${network.gemeenten.join(', ')}</dd></div>`
          : nothing}
        ${website
          ? html`<div>
              <dt>${strings.website}</dt>
              <dd>
                <a href=${website} target="_blank" rel="noopener noreferrer"
                  >${websiteLabel(website)} <span class="visually-hidden">${t.opensInNewWindow}</span></a
                >
              </dd>
            </div>`
          : nothing}
        ${network.email
          ? html`<div><dt>${strings.email}</dt><dd><a href="mailto:${network.email}">${network.email}</a></dd></div>`
          : nothing}
        ${network.phone
          ? html`<div><dt>${strings.phone}</dt><dd><a href=${phoneHref(network.phone)} dir="ltr">${network.phone}</a></dd></div>`
          : nothing}
      </dl>
      ${network.location
        ? html`<button
            type="button"
            class="secondary"
            part="button"
            aria-pressed=${selected ? 'true' : 'false'}
            aria-label=${`${strings.showOnMap}: ${name}`}
            @click=${() => this.toggleFromList(network)}
          >
            ${strings.showOnMap}
          </button>`
        : html`<p class="muted">${strings.notOnMap}</p>`}
    </li>`;
  }

  private renderMap(kaart: Netwerkkaart) {
    const { strings } = this;
    const markers = this.markers(kaart);
    const focusKey = markers.some((marker) => marker.members.some((network) => network.id === this.focusKey))
      ? this.focusKey
      : markers[0]?.key;
    const focused = markers.find((marker) => marker.members.some((network) => network.id === focusKey));
    const unit = this.unitsPerPixel;
    const withoutLocation = this.visible(kaart).filter((network) => !network.location).length;
    const selected = kaart.networks.find((network) => network.id === this.selectedId);
    const regions = this.regionData?.regions ?? [];
    const served = new Set(
      regions.filter((region) => networksFor(region.key, kaart.networks).length > 0).map((region: Region) => region.key),
    );
    return html`<section class="map" part="map" aria-labelledby="map-title">
      ${heading(this.level, strings.mapLabel, { class: 'visually-hidden', id: 'map-title' })}
      <div class="map-frame" dir="ltr">
        <svg
          viewBox="0 0 ${mapSize.width} ${mapSize.height}"
          role=${markers.length > 0 ? 'group' : 'img'}
          aria-label=${strings.mapLabel}
          aria-describedby=${ifDefined(markers.length > 0 ? 'map-hint' : undefined)}
          @keydown=${(event: KeyboardEvent) => this.onMapKey(kaart, event)}
        >
          <path class="land" d=${outline}></path>
          ${regions.length > 0
            ? svg`<g class="regions" aria-hidden="true" @click=${(event: Event) => this.onRegionClick(kaart, event)}>
                ${regions.map(
                  (region) => svg`<path class="region ${served.has(region.key) ? 'region--served' : ''}" data-key=${region.key} d=${region.path}><title>${region.name}</title></path>`,
                )}
              </g>`
            : nothing}
          ${markers.map((marker) => this.renderMarker(marker, marker === focused, unit))}
        </svg>
      </div>
      ${markers.length > 0 ? html`<p class="hint" id="map-hint">${strings.mapHint}</p>` : nothing}
      ${withoutLocation > 0
        ? html`<p class="hint">${strings.withoutLocation} ${plural(strings.networks, withoutLocation, this.language)}</p>`
        : nothing}
      ${this.boundaries.state.status === 'failed' ? html`<p class="hint">${strings.regionsFailed}</p>` : nothing}
      <div class="map-panel">
        ${this.openGroup
          ? html`<p>${this.groupLabel(this.openGroup.length)}:</p>
              <ul class="group">
              ${this.openGroup.map(
                (network) =>
                  html`<li>
                    <button
                      type="button"
                      class="link-button"
                      aria-pressed=${network.id === this.selectedId ? 'true' : 'false'}
                      @click=${() => {
                        this.select(network, 'map');
                        void this.revealInList(network, false);
                      }}
                    >
                      ${this.name(network)}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing}
        ${selected
          ? html`<p>
              ${strings.selected(this.name(selected))}
              <button type="button" class="link-button" @click=${() => this.revealInList(selected, true)}>
                ${strings.showInList}
              </button>
            </p>`
          : nothing}
      </div>
    </section>`;
  }

  /** "3 netwerken op deze plek" */
  private groupLabel(count: number): string {
    return `${plural(this.strings.networks, count, this.language)} ${this.strings.here}`;
  }

  /**
   * The count on a group marker, drawn as strokes: SVG text on a shape is something axe cannot
   * check for contrast, and the number is in the marker's name already.
   */
  private renderCount(count: number, unit: number) {
    const digits = String(count);
    const scale = (9 * unit) / 6;
    const path = [...digits].map((digit, index) => `M${index * 7} 0${digitStrokes[Number(digit)]}`).join('');
    return svg`<path class="count-label" d=${path}
      transform="scale(${scale}) translate(${(-(digits.length * 7 - 3)) / 2} -3)"></path>`;
  }

  private renderMarker(marker: Marker, focused: boolean, unit: number) {
    const count = marker.members.length;
    const names = marker.members.map((network) => this.name(network)).join(', ');
    const label = count > 1 ? `${this.groupLabel(count)}: ${names}` : names;
    const selected = marker.members.some((network) => network.id === this.selectedId);
    return svg`<g
      class="marker ${selected ? 'marker--selected' : ''}"
      role="button"
      tabindex=${focused ? '0' : '-1'}
      aria-label=${label}
      aria-current=${ifDefined(selected ? 'true' : undefined)}
      data-key=${marker.key}
      transform="translate(${marker.x} ${marker.y})"
      @click=${() => this.activateMarker(marker)}
      @focus=${() => (this.focusKey = marker.key)}
    >
      <circle class="target" r=${markerPixels.target * unit}></circle>
      <circle class="ring" r=${(markerPixels.dot + 4) * unit}></circle>
      <circle class="dot" r=${(count > 1 ? markerPixels.dot + 3 : markerPixels.dot) * unit}></circle>
      ${count > 1 ? this.renderCount(count, unit) : nothing}
    </g>`;
  }
}
