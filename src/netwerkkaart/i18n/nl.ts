import type { Registers } from '../../core/i18n/index.js';
import type { NetwerkkaartStrings } from '../netwerkkaart.i18n.js';

/** Dutch, plain language (B1): the reference, informal ("je"). */
const je: NetwerkkaartStrings = {
  searchLabel: 'Zoek je gemeente',
  searchHint: 'Typ de naam van je gemeente, bijvoorbeeld Zoetermeer of Den Haag.',
  search: 'Zoeken',
  suggestions: { one: '1 gemeente gevonden', other: '{n} gemeenten gevonden' },
  noSuggestions: 'Geen gemeente gevonden met deze naam',
  resultFor: (place) => `Voor ${place}:`,
  resultNone: (place) => `Voor ${place} is nog geen netwerk bekend.`,
  partOf: (place, area) => `${place} hoort bij ${area}`,
  area: {
    gemeente: (name) => name,
    jeugdregio: (name) => `jeugdregio ${name}`,
    provincie: (name) => `de provincie ${name}`,
    ggd: (name) => name,
  },
  nowPartOf: (former, now) => `${former} hoort nu bij ${now}.`,
  which: (typed) => `Welke ${typed} bedoel je?`,
  whichPart: (typed) => `${typed} is verdeeld over meer gemeenten. Welk deel bedoel je?`,
  postcodeTitle: 'Zoeken op postcode kan nog niet',
  postcodeHint: 'Typ de naam van je gemeente, bijvoorbeeld Zoetermeer of Den Haag.',
  nearest: 'Deze netwerken zijn het dichtstbij:',
  seeList: 'Kijk in de lijst hieronder: misschien werkt een netwerk in jouw regio.',
  unknownPlace: 'Staat de naam goed geschreven? Kijk anders in de lijst hieronder: misschien werkt een netwerk in jouw regio.',
  distance: (km) => `${km} km`,
  listTitle: 'Alle netwerken',
  filterLabel: 'Soort netwerk',
  allTypes: 'Alle soorten',
  networks: { one: '1 netwerk', other: '{n} netwerken' },
  noNetworks: 'Er zijn nog geen netwerken bekend.',
  gemeenten: 'Gemeenten',
  website: 'Website',
  email: 'E-mail',
  phone: 'Telefoon',
  showOnMap: 'Toon op de kaart',
  notOnMap: 'Niet op de kaart: de plek is niet bekend.',
  mapLabel: 'Kaart van Nederland met de netwerken',
  mapHint: 'Kies een punt op de kaart. Met het toetsenbord: ga met Tab naar de kaart, kies met de pijltjestoetsen en druk op Enter.',
  chooseArea: 'Of kies een gebied op de kaart',
  wholeMap: 'Toon heel Nederland',
  here: 'op deze plek',
  selected: (name) => `Gekozen: ${name}`,
  showInList: 'Bekijk in de lijst',
  withoutLocation: 'Niet op de kaart, omdat de plek niet bekend is:',
  credit: 'Bron: CBS, Kadaster (CC BY 4.0)',
};

/** Formal Dutch (register="u"): the same words where they address the parent, in the u-form. */
const u: NetwerkkaartStrings = {
  ...je,
  searchLabel: 'Zoek uw gemeente',
  searchHint: 'Typ de naam van uw gemeente, bijvoorbeeld Zoetermeer of Den Haag.',
  which: (typed) => `Welke ${typed} bedoelt u?`,
  whichPart: (typed) => `${typed} is verdeeld over meer gemeenten. Welk deel bedoelt u?`,
  postcodeHint: 'Typ de naam van uw gemeente, bijvoorbeeld Zoetermeer of Den Haag.',
  seeList: 'Kijk in de lijst hieronder: misschien werkt een netwerk in uw regio.',
  unknownPlace: 'Staat de naam goed geschreven? Kijk anders in de lijst hieronder: misschien werkt een netwerk in uw regio.',
};

const nl: Registers<NetwerkkaartStrings> = { je, u };

export default nl;
