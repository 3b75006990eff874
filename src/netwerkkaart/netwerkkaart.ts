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
import type { Problem } from './problems.js';

export type { Network } from '../core/schema-types.js';

export interface Netwerkkaart {
  /** The networks that could be read, in the file's order. */
  networks: Network[];
  /** Where each of them is in the file (`networks[3]`, `features[3].properties`), for messages to the web editor. */
  paths: string[];
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
  const paths: string[] = [];
  const ids = new Set<string>();
  const positions = new Map<Network, number>();
  entries.forEach((entry, index) => {
    const at = `${listPath}[${index}]`;
    try {
      const network = geojson ? readFeature(entry, at, problems) : readNetwork(readObject(entry, at), at, problems);
      if (ids.has(network.id)) throw new DefinitionError(`${at}${geojson ? '.properties' : ''}.id`, 'duplicate');
      ids.add(network.id);
      networks.push(network);
      paths.push(geojson ? `${at}.properties` : at);
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
  return { networks, paths, types, problems };
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
  };
  // Names and codes of the areas it serves: a wrong item skips the network, as it could send parents to the wrong one.
  for (const key of ['gemeenten', 'areas'] as const) {
    if (fields[key] !== undefined) {
      network[key] = readList(fields[key], `${at}.${key}`).map((item, index) => readString(item, `${at}.${key}[${index}]`).trim());
    }
  }
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

function readLocation(fields: Fields, path: string, problems: Problem[]): Network['location'] {
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
