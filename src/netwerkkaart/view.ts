import type { LocalizedText } from '../core/schema-types.js';
import type { PoliteAnnouncer } from '../core/form.js';
import type { Language, Translation } from '../core/i18n/index.js';
import type { Region } from './geo.js';
import type { MapController } from './map.js';
import type { Network, Netwerkkaart } from './netwerkkaart.js';
import type { NetwerkkaartStrings } from './netwerkkaart.i18n.js';
import type { SearchController } from './search.js';

/**
 * What the template modules (search-view, list-view, map-view) read and call: the widget itself,
 * seen through this interface so that they need not import it (no import cycles), while
 * everything renders into its one shadow root.
 */
export interface KaartView {
  readonly kaart: Netwerkkaart;
  readonly strings: NetwerkkaartStrings;
  readonly t: Translation;
  readonly language: Language;
  /** The level of the widget's headings (`heading-level`); a network's name is one below. */
  readonly level: number;
  readonly search: SearchController;
  readonly map: MapController;
  readonly announcer: PoliteAnnouncer;
  readonly regionList: readonly Region[];
  readonly typeFilter: string;
  readonly selectedId?: string;
  /** The networks the filter lets through, in the file's order. */
  visible(): Network[];
  name(network: Network): string;
  /** A text of the networks file, marked with its language when that is not the widget's. */
  textOf(value: LocalizedText | undefined): unknown;
  typeLabel(value: string): string;
  /** The id of a network's entry in the list. */
  itemId(network: Network): string;
  /** Which drawn regions the selected network works in (or the region chosen on the map), and which any network serves. */
  regionState(region: Region): { served: boolean; chosen: boolean };
  setFilter(value: string): void;
  /** "Toon op de kaart" in the list or an answer: selects (or deselects) the network, shows the map and says so. */
  showOnMap(network: Network): void;
  /** A marker, or a network of a group under the map. */
  chooseOnMap(network: Network): void;
  /** A region clicked on the map, or chosen from the list of areas under it. */
  chooseRegion(region: Region): void;
  revealInList(network: Network, focus: boolean): Promise<void>;
  /** Moves focus to the answer's heading once rendered (after a choice that replaced the control). */
  focusAnswer(): Promise<void>;
}
