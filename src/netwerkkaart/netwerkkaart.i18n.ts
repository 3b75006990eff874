import { defineStrings, type Plural } from '../core/i18n/index.js';
import type { AreaKind } from './gazetteer.js';
import nl from './i18n/nl.js';

export interface NetwerkkaartStrings {
  searchLabel: string;
  searchHint: string;
  search: string;
  suggestions: Plural;
  noSuggestions: string;
  resultFor: (place: string) => string;
  resultNone: (place: string) => string;
  /** How a network reaches the place: "Zoetermeer hoort bij jeugdregio Haaglanden". */
  partOf: (place: string, area: string) => string;
  /** An area by its kind: "jeugdregio Haaglanden", "de provincie Zuid-Holland". */
  area: Record<AreaKind, (name: string) => string>;
  /** A former gemeente: "Haarlemmerliede en Spaarnwoude hoort nu bij Haarlemmermeer." */
  nowPartOf: (former: string, now: string) => string;
  /** A name that fits more than one gemeente ("Bergen"). */
  which: (typed: string) => string;
  /** A former gemeente that was split between several. */
  whichPart: (typed: string) => string;
  postcodeTitle: string;
  postcodeHint: string;
  nearest: string;
  seeList: string;
  /** After resultNone, for a name the data does not know: a typo, or a gemeente no network serves yet. */
  unknownPlace: string;
  distance: (km: string) => string;
  listTitle: string;
  filterLabel: string;
  allTypes: string;
  networks: Plural;
  noNetworks: string;
  gemeenten: string;
  website: string;
  email: string;
  phone: string;
  showOnMap: string;
  notOnMap: string;
  mapLabel: string;
  mapHint: string;
  /** The list that offers the areas on the map to keyboard and screen-reader users. */
  chooseArea: string;
  wholeMap: string;
  here: string;
  selected: (name: string) => string;
  showInList: string;
  withoutLocation: string;
  /** The licence of the boundaries, shown under the map. */
  credit: string;
}

export const netwerkkaartStrings = defineStrings<NetwerkkaartStrings>(nl, (language) => import(`./i18n/${language}.ts`));
