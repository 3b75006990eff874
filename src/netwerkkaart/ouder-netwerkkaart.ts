import { html } from 'lit';
import type { LocalizedText } from '../core/schema-types.js';
import { internalState, OuderElement } from '../core/element.js';
import { emit } from '../core/events.js';
import { PoliteAnnouncer } from '../core/form.js';
import { DefinitionController, ResourceController } from '../core/resource.js';
import { type Area, gemeentenServedBy, isServed, networksFor } from './gazetteer.js';
import { boxAround, parseRegions, type Region } from './geo.js';
import { renderList } from './list-view.js';
import { MapController } from './map.js';
import { renderMap } from './map-view.js';
import { type Network, type Netwerkkaart, parseNetwerkkaart } from './netwerkkaart.js';
import { netwerkkaartStrings, type NetwerkkaartStrings } from './netwerkkaart.i18n.js';
import { netwerkkaartStyles } from './ouder-netwerkkaart.styles.js';
import { dataFolder, layerFiles, PlacesController } from './places.js';
import { warnProblems } from './problems.js';
import { SearchController } from './search.js';
import { renderAnswer, renderSearch } from './search-view.js';
import type { KaartView } from './view.js';

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

/** Before the networks have loaded. */
const noNetworks: Netwerkkaart = { networks: [], paths: [], types: [], problems: [] };

/**
 * Which oudersraad, oudersteunpunt or parent network is there for me, and how do I reach it?
 * A search box that knows every gemeente of the Netherlands (by its CBS name, other names and
 * former gemeenten), the complete list of networks (filterable by kind) and, beside it, a map of
 * the Netherlands with a marker per network and, if asked, the CBS boundaries of gemeenten,
 * jeugdregio's, provincies or GGD regions. The list is the primary view; the map is an extra
 * that is never needed to find a network.
 *
 * @summary Map and list of regional parent networks; find the one for your gemeente.
 * @tag ouder-netwerkkaart
 *
 * @event ouder-ready - The networks are loaded and rendered. `detail: { definition }`
 * @event ouder-select - A network was chosen in the list, on the map or by searching. `detail: { network, source }`
 *
 * @slot - Fallback content (a sentence and a link), shown until the widget runs and again when no network can be shown.
 *
 * @csspart language-menu - The parent's choice of language (a select), when the definition is written in more than one.
 * @csspart search - The search form.
 * @csspart result - What the search found.
 * @csspart list - The list of networks.
 * @csspart network - One network in the list.
 * @csspart map - The map.
 * @csspart button - Buttons.
 *
 * @cssproperty --ouder-font-family - Font (fallback `--utrecht-document-font-family`).
 * @cssproperty --ouder-color - Text colour.
 * @cssproperty --ouder-background - Background.
 * @cssproperty --ouder-primary - Markers and buttons.
 * @cssproperty --ouder-focus-color - Focus outline, and the outline of the chosen network's area.
 * @cssproperty --ouder-focus-background - The chosen marker and network, and its area on the map.
 * @cssproperty --ouder-land-color - The country on the map.
 * @cssproperty --ouder-region-color - Areas a network serves.
 * @cssproperty --ouder-max-width - Widest the widget grows (default 72rem; the map moves beside the list from about 50rem).
 */
export class OuderNetwerkkaart extends OuderElement implements KaartView {
  static override styles = [...OuderElement.styles, netwerkkaartStyles];
  protected static override texts = [netwerkkaartStrings];
  static override properties = {
    regions: {},
    regionsSrc: { attribute: 'regions-src' },
    ...internalState('typeFilter', 'selectedId'),
  };

  readonly places = new PlacesController(this);
  readonly search = new SearchController(this);
  readonly map = new MapController(this);
  readonly announcer = new PoliteAnnouncer(this, 300);
  private readonly loader = new DefinitionController(this, parseNetwerkkaart, (kaart) => {
    warnProblems(this.networksFile, kaart.problems);
    this.announceReady(kaart);
  });
  /** The boundaries: `regions` as an object, else the shipped layer it names, else `regions-src`. */
  private readonly boundaries = new ResourceController(this, {
    what: 'the boundaries (regions)',
    value: () => (typeof this.regions === 'object' ? this.regions : undefined),
    url: () => this.regionsUrl,
    parse: parseRegions,
    onReady: (regions) => warnProblems(`regions ${this.regionsUrl ?? '(property)'}`, regions.problems),
  });

  /**
   * Boundaries drawn under the networks: `gemeente`, `jeugdregio`, `provincie` or `ggd` draws that
   * layer of the CBS data shipped with the widget (the `data/` folder beside its script); as a
   * property, boundaries as an object (GeoJSON or TopoJSON). Wins over `regions-src`.
   */
  regions?: unknown;

  /** URL of other boundaries (GeoJSON or TopoJSON in WGS84), drawn under the networks. */
  regionsSrc?: string;

  typeFilter = '';
  selectedId?: string;

  private warnedLayer?: string;

  // --- derived -----------------------------------------------------------------------------

  get strings(): NetwerkkaartStrings {
    return netwerkkaartStrings(this.language, this.dutchRegister);
  }

  get kaart(): Netwerkkaart {
    return this.loader.definition ?? noNetworks;
  }

  /** Where the networks came from, for messages to the web editor. */
  get networksFile(): string {
    return this.definition !== undefined ? 'the networks (definition property)' : (this.definitionUrl ?? 'the networks');
  }

  /** Where the boundaries come from: a shipped layer (`regions="jeugdregio"`), else `regions-src`. */
  get regionsUrl(): string | undefined {
    const { regions } = this;
    if (typeof regions === 'string' && regions) {
      const layer = layerFiles[regions.trim() as keyof typeof layerFiles];
      if (layer) return new URL(layer, dataFolder).href;
    }
    return this.regionsSrc || undefined;
  }

  get regionList(): readonly Region[] {
    return this.boundaries.value?.regions ?? [];
  }

  visible(): Network[] {
    return this.kaart.networks.filter((network) => !this.typeFilter || network.type === this.typeFilter);
  }

  name(network: Network): string {
    return this.plain(network.name);
  }

  typeLabel(value: string): string {
    const type = this.kaart.types.find((option) => option.value === value);
    return type ? this.plain(type.label) : value;
  }

  /** A text of the networks file, marked with its language when that is not the widget's. */
  textOf(value: LocalizedText | undefined) {
    return this.text(value);
  }

  itemId(network: Network): string {
    return `network-${this.kaart.networks.indexOf(network)}`;
  }

  /** The CBS area a drawn region is, when the file gives its code and the table knows it. */
  private areaOf(region: Region): Area | undefined {
    return region.code ? this.places.gazetteer?.areas.get(region.code) : undefined;
  }

  /** Whether a network works in (a part of) a drawn region. */
  private worksIn(network: Network, region: Region): boolean {
    const { networks } = this.kaart;
    const { gazetteer } = this.places;
    const area = this.areaOf(region);
    if (area) {
      const served = gemeentenServedBy(network, networks, gazetteer);
      return area.gemeenten.some((code) => served.has(code));
    }
    const place = this.places.resolve(this.kaart, region.name);
    return !!place && networksFor(place, networks, gazetteer).some((link) => link.network === network);
  }

  regionState(region: Region): { served: boolean; chosen: boolean } {
    const { networks } = this.kaart;
    const area = this.areaOf(region);
    const place = area ? undefined : this.places.resolve(this.kaart, region.name);
    const served = area ? isServed(area, networks, this.places.gazetteer) : !!place && networksFor(place, networks, this.places.gazetteer).length > 0;
    const selected = networks.find((network) => network.id === this.selectedId);
    const question = this.search.question;
    const chosen = selected ? this.worksIn(selected, region) : !!question && 'region' in question && question.region === region;
    return { served, chosen };
  }

  // --- lifecycle -----------------------------------------------------------------------------

  protected override updated(): void {
    // Boundaries that cannot be used are named on the console by the core (the map draws without them); a layer name no file has, here.
    if (typeof this.regions === 'string' && this.regions && !(this.regions.trim() in layerFiles) && this.regions !== this.warnedLayer) {
      this.warnedLayer = this.regions;
      console.warn(`ouderstem: regions="${this.regions}" is not one of ${Object.keys(layerFiles).join(', ')}`);
    }
  }

  // --- choosing ------------------------------------------------------------------------------

  private select(network: Network, source: OuderSelectDetail['source']): void {
    this.selectedId = network.id;
    if (network.location) this.map.focusKey = network.id;
    if (source !== 'map') {
      this.map.openGroup = undefined;
      // Zoom to where the network works, as far as the boundaries drawn tell.
      this.map.zoomTo(boxAround(this.regionList.filter((region) => this.worksIn(network, region)).map((region) => region.box)));
    }
    emit(this, 'ouder-select', { network, source });
  }

  found(network: Network, source: 'search' | 'map'): void {
    this.select(network, source);
  }

  setFilter(value: string): void {
    this.typeFilter = value;
  }

  showOnMap(network: Network): void {
    if (this.selectedId === network.id) {
      this.selectedId = undefined;
      this.map.zoomTo();
      return;
    }
    this.select(network, 'list');
    void this.bringMapIntoView();
  }

  /** On a narrow screen the map is below the list: scroll it into view (the choice is announced by the map's live region). */
  private async bringMapIntoView(): Promise<void> {
    await this.updateComplete;
    const frame = this.renderRoot.querySelector('.map-frame');
    if (!frame) return;
    const { top, bottom } = frame.getBoundingClientRect();
    if (top >= 0 && bottom <= innerHeight) return;
    frame.scrollIntoView?.({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }

  chooseOnMap(network: Network): void {
    this.select(network, 'map');
    void this.revealInList(network, false);
  }

  chooseRegion(region: Region): void {
    this.search.query = '';
    this.search.ask({ region }, 'map');
    this.map.zoomTo(region.box);
  }

  /** Shows a network in the list: the filter is cleared if it hides it; focus moves there if asked. */
  async revealInList(network: Network, focus: boolean): Promise<void> {
    if (this.typeFilter && network.type !== this.typeFilter) this.typeFilter = '';
    await this.updateComplete;
    const item = this.renderRoot.querySelector<HTMLElement>(`#${this.itemId(network)}`);
    item?.scrollIntoView?.({ block: 'nearest' });
    if (focus) item?.querySelector<HTMLElement>('.network-name')?.focus();
  }

  async focusAnswer(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#answer')?.focus();
  }

  // --- render ----------------------------------------------------------------------------------

  protected override render() {
    return this.renderFrame(this.loader, (kaart) =>
      kaart.networks.length === 0
        ? // Nothing to show: one plain sentence, and the web editor's fallback (the console says why).
          html`<p>${this.strings.noNetworks}</p>
            <slot></slot>`
        : html`${renderSearch(this)} ${renderAnswer(this)}
            <div class="layout">${renderList(this)} ${renderMap(this)}</div>`,
    );
  }
}
