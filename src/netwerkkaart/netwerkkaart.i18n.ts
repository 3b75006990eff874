import { defineStrings, type Plural } from '../core/i18n/index.js';
import nl from './i18n/nl.js';

export interface NetwerkkaartStrings {
  searchLabel: string;
  searchHint: string;
  search: string;
  suggestions: Plural;
  noSuggestions: string;
  resultFor: (place: string) => string;
  resultNone: (place: string) => string;
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
  here: string;
  selected: (name: string) => string;
  showInList: string;
  withoutLocation: string;
  regionsFailed: string;
  problemsTitle: string;
  entrySkipped: string;
  fieldLeftOut: string;
  problems: {
    notLink: string;
    notEmail: string;
    notPhone: string;
    unknownType: string;
    notPolygon: string;
    notWgs84: string;
  };
}

export const netwerkkaartStrings = defineStrings<NetwerkkaartStrings>(nl, (language) => import(`./i18n/${language}.ts`));
