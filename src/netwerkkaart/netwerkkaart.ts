import {
  DefinitionError,
  type Fields,
  readList,
  readObject,
  readOptionalString,
  readOptionalText,
  readOptions,
  readString,
  readText,
} from '../core/definition.js';
import type { Network, Option } from '../core/schema-types.js';
import { parseEmail, parsePhone } from '../core/validators.js';
import { distanceKm, type LatLon } from './distance.js';

export type { Network } from '../core/schema-types.js';

/** What went wrong with one entry of a file; the rest of the file is still used. */
export interface Problem {
  /** Where, as in the file: `networks[3].gemeenten`. */
  path: string;
  problem: DefinitionError['problem'] | 'notLink' | 'notEmail' | 'notPhone' | 'unknownType' | 'notPolygon' | 'notWgs84';
  /** `entry`: the whole network (or region) was skipped; `field`: only this field was left out; `kept`: shown anyway. */
  scope: 'entry' | 'field' | 'kept';
}

export interface Netwerkkaart {
  /** The networks that could be read, in the file's order. */
  networks: Network[];
  /** Declared types, followed by types found only in the data. */
  types: Option[];
  /** Entries that were skipped or fields that were left out. */
  problems: Problem[];
}

/**
 * Reads a network file: `{ networks: [...], types? }` or a GeoJSON FeatureCollection of Points
 * with the same properties. Only a file without any list of networks is rejected as a whole; a
 * malformed network is skipped, a malformed optional field is left out, and each is named in
 * `problems` so the web editor can fix the file while parents still see the rest.
 */
export function parseNetwerkkaart(raw: unknown): Netwerkkaart {
  const root = readObject(raw, '');
  const geojson = root.type === 'FeatureCollection';
  const listPath = geojson ? 'features' : 'networks';
  const entries = readList(geojson ? root.features : root.networks, listPath);
  const problems: Problem[] = [];
  const note = (error: unknown, scope: Problem['scope']) => {
    if (!(error instanceof DefinitionError)) throw error;
    problems.push({ path: error.path, problem: error.problem, scope });
  };

  let types: Option[] = [];
  try {
    types = readOptions(root.types, 'types', { optional: true });
  } catch (error) {
    note(error, 'field');
  }

  const networks: Network[] = [];
  const ids = new Set<string>();
  const positions = new Map<Network, number>();
  entries.forEach((entry, index) => {
    const at = `${listPath}[${index}]`;
    try {
      const network = geojson ? readFeature(entry, at, problems) : readNetwork(readObject(entry, at), at, problems);
      if (ids.has(network.id)) throw new DefinitionError(`${at}${geojson ? '.properties' : ''}.id`, 'duplicate');
      ids.add(network.id);
      networks.push(network);
      positions.set(network, index);
    } catch (error) {
      note(error, 'entry');
    }
  });

  // A type the file does not declare is still shown, under its own value.
  const declared = types.length > 0;
  const known = new Set(types.map((type) => type.value));
  networks.forEach((network) => {
    if (known.has(network.type)) return;
    known.add(network.type);
    if (declared) problems.push({ path: `${listPath}[${positions.get(network)}]${geojson ? '.properties' : ''}.type`, problem: 'unknownType', scope: 'kept' });
    types = [...types, { value: network.type, label: network.type }];
  });
  return { networks, types, problems };
}

function readFeature(entry: unknown, at: string, problems: Problem[]): Network {
  const feature = readObject(entry, at);
  const network = readNetwork(readObject(feature.properties, `${at}.properties`), `${at}.properties`, problems);
  const geometry = feature.geometry as Fields | null | undefined;
  if (geometry?.type === 'Point' && Array.isArray(geometry.coordinates)) {
    const [lon, lat] = geometry.coordinates as unknown[];
    const location = readLocation({ lat, lon }, `${at}.geometry.coordinates`, problems);
    if (location) network.location = location;
  }
  return network;
}

function readNetwork(fields: Fields, at: string, problems: Problem[]): Network {
  const network: Network = {
    id: readString(fields.id, `${at}.id`),
    name: readText(fields.name, `${at}.name`),
    type: readString(fields.type, `${at}.type`).trim(),
    gemeenten: readList(fields.gemeenten, `${at}.gemeenten`).map((gemeente, index) =>
      readString(gemeente, `${at}.gemeenten[${index}]`).trim(),
    ),
  };
  const optional = <K extends keyof Network>(key: K, read: () => Network[K]) => {
    try {
      const value = read();
      if (value !== undefined) network[key] = value;
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      problems.push({ path: error.path, problem: error.problem, scope: 'field' });
    }
  };
  optional('description', () => readOptionalText(fields.description, `${at}.description`));
  optional('region', () => readOptionalString(fields.region, `${at}.region`));
  optional('location', () =>
    fields.location === undefined ? undefined : readLocation(readObject(fields.location, `${at}.location`), `${at}.location`, problems),
  );
  optional('website', () => checked(readOptionalString(fields.website, `${at}.website`), safeWebsite, `${at}.website`, 'notLink', problems));
  optional('email', () => checked(readOptionalString(fields.email, `${at}.email`), parseEmail, `${at}.email`, 'notEmail', problems));
  optional('phone', () => checked(readOptionalString(fields.phone, `${at}.phone`), parsePhone, `${at}.phone`, 'notPhone', problems));
  return network;
}

/** Keeps `value` when `parse` accepts it (the original text is kept: it is shown as written). */
function checked(
  value: string | undefined,
  parse: (value: string) => string | undefined,
  path: string,
  problem: Problem['problem'],
  problems: Problem[],
): string | undefined {
  if (value === undefined || parse(value) !== undefined) return value;
  problems.push({ path, problem, scope: 'field' });
  return undefined;
}

function readLocation(fields: Fields, path: string, problems: Problem[]): LatLon | undefined {
  const { lat, lon } = fields;
  if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { lat, lon };
  problems.push({ path, problem: 'notWgs84', scope: 'field' });
  return undefined;
}

/** Only http(s) addresses become links: never `javascript:` or `data:`. */
export function safeWebsite(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The `tel:` address of a phone number as written ("070 - 123 45 67" → "tel:0701234567"). */
export function phoneHref(phone: string): string {
  return `tel:${parsePhone(phone) ?? phone.replace(/[^\d+]/g, '')}`;
}

/** A website as people say it: host and path without `https://` and `www.`. */
export function websiteLabel(website: string): string {
  return website.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}

// --- finding a gemeente --------------------------------------------------------------------------

/**
 * Common names that differ from the official gemeente name, as [spoken, official]. Both sides
 * are found by either name.
 */
export const placeAliases: readonly (readonly [string, string])[] = [
  ['Den Haag', "'s-Gravenhage"],
  ['The Hague', "'s-Gravenhage"],
  ['Den Bosch', "'s-Hertogenbosch"],
  ['Nuenen', 'Nuenen, Gerwen en Nederwetten'],
  ['Bergen (NH)', 'Bergen (Noord-Holland)'],
  ['Bergen (L)', 'Bergen (Limburg)'],
  ['Noordoost-Friesland', 'Noardeast-Fryslân'],
  ['Zuidwest-Friesland', 'Súdwest-Fryslân'],
  ['Friese Meren', 'De Fryske Marren'],
  ['Tietjerksteradeel', 'Tytsjerksteradiel'],
  ['Dantumadeel', 'Dantumadiel'],
];

/**
 * Case, accents, apostrophes and punctuation folded away: "'s-Gravenhage" → "s gravenhage".
 * CBS tables write "Utrecht (gemeente)" where a province has the same name: that suffix goes too.
 */
export function normalizePlace(name: string): string {
  return name
    .replace(/\s*\(gemeente\)\s*$/i, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const aliasKeys = new Map(placeAliases.map(([spoken, official]) => [normalizePlace(spoken), normalizePlace(official)]));

/** One key per place, whichever of its names is used: "Den Haag" and "'s-Gravenhage" meet here. */
export function placeKey(name: string): string {
  const normalized = normalizePlace(name);
  return aliasKeys.get(normalized) ?? normalized;
}

/** A name the search box can offer. */
export interface Place {
  /** As shown: "Den Haag". */
  label: string;
  key: string;
  /** Where it is, when the boundaries file told us. */
  center?: LatLon;
}

/**
 * Every name the search box offers: the gemeenten and regions of the networks, the boundaries'
 * names, and the aliases of those — unique by label, sorted.
 */
export function placesOf(networks: readonly Network[], areas: readonly { name: string; center?: LatLon }[] = []): Place[] {
  const byLabel = new Map<string, Place>();
  const add = (label: string, center?: LatLon) => {
    const normalized = normalizePlace(label);
    if (!normalized) return;
    const existing = byLabel.get(normalized);
    if (existing) existing.center ??= center;
    else byLabel.set(normalized, { label, key: placeKey(label), center });
  };
  for (const area of areas) add(area.name, area.center);
  for (const network of networks) {
    network.gemeenten.forEach((gemeente) => add(gemeente));
    if (network.region) add(network.region);
  }
  const keys = new Set([...byLabel.values()].map((place) => place.key));
  for (const [spoken, official] of placeAliases) {
    if (keys.has(placeKey(official))) {
      const center = [...byLabel.values()].find((place) => place.key === placeKey(official))?.center;
      add(spoken, center);
      add(official, center);
    }
  }
  return [...byLabel.values()].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

/**
 * The places matching what was typed, best first: the same place under any of its names, then
 * names starting with it, then names with a word starting with it, then names containing it.
 */
export function matchPlaces(query: string, places: readonly Place[], limit = 10): Place[] {
  const typed = normalizePlace(query);
  if (!typed) return [];
  const key = placeKey(query);
  const rank = (place: Place): number => {
    const name = normalizePlace(place.label);
    if (place.key === key || name === typed) return 0;
    if (name.startsWith(typed)) return 1;
    if (name.split(' ').some((word) => word.startsWith(typed))) return 2;
    return name.includes(typed) ? 3 : 4;
  };
  return places
    .map((place) => ({ place, rank: rank(place) }))
    .filter(({ rank }) => rank < 4)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ place }) => place);
}

const placeIndexes = new WeakMap<readonly Network[], Map<string, Network[]>>();

/**
 * The networks that serve a place: it is one of their gemeenten, or their region. The index is
 * built once per list of networks (shading 342 regions asks 342 times).
 */
export function networksFor(key: string, networks: readonly Network[]): Network[] {
  let index = placeIndexes.get(networks);
  if (!index) {
    index = new Map();
    for (const network of networks) {
      for (const place of new Set([...network.gemeenten, network.region ?? ''].map(placeKey))) {
        if (place) index.set(place, [...(index.get(place) ?? []), network]);
      }
    }
    placeIndexes.set(networks, index);
  }
  return index.get(key) ?? [];
}

/** The networks closest to a point (only those with a location), with their distance. */
export function nearestNetworks(from: LatLon, networks: readonly Network[], count = 3): { network: Network; km: number }[] {
  return networks
    .filter((network) => network.location)
    .map((network) => ({ network, km: distanceKm(from, network.location!) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, count);
}
