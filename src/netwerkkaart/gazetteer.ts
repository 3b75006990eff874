// Every gemeente of the Netherlands, its regions and the names people type for it: pure functions
// over data/gebieden-2025.json (Bron: CBS, Kadaster, CC BY 4.0). No imports, no DOM: the reference
// server uses a copy of this file (scripts/share-with-server.mjs) for `ouderstem-server check-networks`.

/** What a code names: `GM0518` a gemeente, `JZ24` a jeugdregio, `PV28` a provincie, `GG7014` a GGD region. */
export type AreaKind = 'gemeente' | 'jeugdregio' | 'provincie' | 'ggd';

/** The region kinds a gemeente belongs to, nearest first. */
export const regionKinds = ['jeugdregio', 'ggd', 'provincie'] as const;
export type RegionKind = (typeof regionKinds)[number];

const kindOfPrefix: Record<string, AreaKind> = { GM: 'gemeente', JZ: 'jeugdregio', PV: 'provincie', GG: 'ggd' };

export interface Area {
  code: string;
  kind: AreaKind;
  /** As CBS writes it: "Bergen (NH.)", "Haaglanden", "GGD Haaglanden". */
  name: string;
  /** The gemeenten it consists of (a gemeente: itself). */
  gemeenten: string[];
}

export interface Gemeente extends Area, Record<RegionKind, string> {
  /** A point inside it, [longitude, latitude]. */
  point: [number, number];
}

/** A name the search box knows, and the gemeente(s) it stands for. */
export interface PlaceName {
  /** As people write it: "Den Haag", "Bergen", "Haarlemmerliede en Spaarnwoude". */
  label: string;
  /** `placeKey(label)`. */
  key: string;
  /** The gemeenten it means: one, several ("Bergen", a former gemeente that was split) or none (a name only the networks use). */
  codes: string[];
  /** A gemeente that no longer exists: it was merged into `codes`. */
  former?: boolean;
}

export interface Gazetteer {
  /** Every gemeente, jeugdregio, provincie and GGD region by code. */
  areas: Map<string, Area>;
  /** Every name, by key. */
  names: Map<string, PlaceName>;
}

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

/** One key for the ways a name is written: "'s-Gravenhage", "s Gravenhage" and "Gravenhage" meet at "gravenhage". */
export function placeKey(name: string): string {
  return normalizePlace(name).replace(/^s /, '').replace(/ /g, '');
}

/** "Bergen (NH.)" → "Bergen": the name without the province CBS adds to tell namesakes apart. */
export function withoutSuffix(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

export function areaKind(code: string): AreaKind | undefined {
  return kindOfPrefix[code.slice(0, 2)];
}

function addName(names: Map<string, PlaceName>, label: string, codes: string[], former?: boolean): void {
  const key = placeKey(label);
  if (!key) return;
  const known = names.get(key);
  if (!known) names.set(key, { label, key, codes: [...codes], ...(former ? { former } : {}) });
  else for (const code of codes) if (!known.codes.includes(code)) known.codes.push(code);
}

/**
 * Reads `gebieden-2025.json`. Throws on a file of another shape: the caller then searches the
 * networks' own names only.
 */
export function readGazetteer(raw: unknown): Gazetteer {
  const file = raw as {
    regions: Record<string, string>;
    gemeenten: ({ code: string; name: string; point: [number, number]; otherNames?: string[] } & Record<RegionKind, string>)[];
    former: { name: string; now: string[] }[];
  };
  if (!file?.regions || !Array.isArray(file.gemeenten) || !Array.isArray(file.former)) throw new Error('not a gebieden file');
  const areas = new Map<string, Area>();
  const names = new Map<string, PlaceName>();
  for (const [code, name] of Object.entries(file.regions)) areas.set(code, { code, kind: areaKind(code)!, name, gemeenten: [] });
  for (const { code, name, point, otherNames = [], ...regions } of file.gemeenten) {
    const gemeente: Gemeente = { code, kind: 'gemeente', name, gemeenten: [code], point, ...(regions as Record<RegionKind, string>) };
    areas.set(code, gemeente);
    for (const kind of regionKinds) areas.get(gemeente[kind])?.gemeenten.push(code);
    for (const label of [name, withoutSuffix(name), ...otherNames]) addName(names, label, [code]);
  }
  for (const { name, now } of file.former) addName(names, name, now, true);
  return { areas, names };
}

/** The gemeente a code names, if it does. */
export function gemeenteOf(gazetteer: Gazetteer | undefined, code: string): Gemeente | undefined {
  const area = gazetteer?.areas.get(code);
  return area?.kind === 'gemeente' ? (area as Gemeente) : undefined;
}

// --- networks and the areas they serve ------------------------------------------------------------

/** The part of a network that says where it works (see schemas/networks.schema.json). */
export interface NetworkAreas {
  gemeenten?: readonly string[];
  areas?: readonly string[];
  region?: string;
  location?: { lat: number; lon: number };
}

/** How a network reaches a gemeente: `via` is its jeugdregio, GGD region or provincie, or absent when it names the gemeente itself. */
export interface Link<N> {
  network: N;
  via?: Area;
}

interface Served {
  /** Gemeente code → the networks serving it, with how. */
  byGemeente: Map<string, Link<NetworkAreas>[]>;
  /** Name key → networks, for names that are no gemeente of the table (a place only the networks know). */
  byName: Map<string, NetworkAreas[]>;
  /** Network → every gemeente it serves, directly or through a region. */
  gemeenten: Map<NetworkAreas, Set<string>>;
}

const servedCache = new WeakMap<readonly NetworkAreas[], WeakMap<Gazetteer | object, Served>>();
const withoutTable = {};

/** The one gemeente a name stands for, if it stands for exactly one. */
function gemeenteNamed(gazetteer: Gazetteer | undefined, name: string): string | undefined {
  const codes = gazetteer?.names.get(placeKey(name))?.codes;
  return codes?.length === 1 ? codes[0] : undefined;
}

/** Built once per list of networks and table: the map asks for 342 regions at a time. */
function served(networks: readonly NetworkAreas[], gazetteer?: Gazetteer): Served {
  let perTable = servedCache.get(networks);
  if (!perTable) servedCache.set(networks, (perTable = new WeakMap()));
  const known = perTable.get(gazetteer ?? withoutTable);
  if (known) return known;
  const result: Served = { byGemeente: new Map(), byName: new Map(), gemeenten: new Map() };
  const link = (code: string, network: NetworkAreas, via?: Area) => {
    const links = result.byGemeente.get(code) ?? [];
    const existing = links.find((candidate) => candidate.network === network);
    // Named directly beats through a region; a nearer region beats a wider one.
    if (existing && existing.via && (!via || regionKinds.indexOf(via.kind as RegionKind) < regionKinds.indexOf(existing.via.kind as RegionKind))) {
      existing.via = via;
    } else if (!existing) result.byGemeente.set(code, [...links, { network, ...(via ? { via } : {}) }]);
    result.gemeenten.get(network)!.add(code);
  };
  for (const network of networks) {
    result.gemeenten.set(network, new Set());
    for (const name of network.gemeenten ?? []) {
      const code = gemeenteNamed(gazetteer, name);
      if (code) link(code, network);
      else {
        const key = placeKey(name);
        result.byName.set(key, [...(result.byName.get(key) ?? []), network]);
      }
    }
    if (network.region && !gazetteer?.names.has(placeKey(network.region))) {
      const key = placeKey(network.region);
      if (!result.byName.get(key)?.includes(network)) result.byName.set(key, [...(result.byName.get(key) ?? []), network]);
    }
    for (const code of network.areas ?? []) {
      const area = gazetteer?.areas.get(code);
      for (const gemeente of area?.gemeenten ?? []) link(gemeente, network, area!.kind === 'gemeente' ? undefined : area);
    }
  }
  // Directly named first, then through the jeugdregio, the GGD region, the provincie; file order within.
  const rank = (item: Link<NetworkAreas>) => (item.via ? 1 + regionKinds.indexOf(item.via.kind as RegionKind) : 0);
  for (const links of result.byGemeente.values()) links.sort((a, b) => rank(a) - rank(b) || networks.indexOf(a.network) - networks.indexOf(b.network));
  perTable.set(gazetteer ?? withoutTable, result);
  return result;
}

/** The networks that serve a place (a name the search knows), best link first. */
export function networksFor<N extends NetworkAreas>(place: PlaceName, networks: readonly N[], gazetteer?: Gazetteer): Link<N>[] {
  const { byGemeente, byName } = served(networks, gazetteer);
  if (place.codes.length === 1) return (byGemeente.get(place.codes[0]) ?? []) as Link<N>[];
  return ((byName.get(place.key) ?? []) as N[]).map((network) => ({ network }));
}

/** Every gemeente a network serves, named or through its regions (empty without the table). */
export function gemeentenServedBy(network: NetworkAreas, networks: readonly NetworkAreas[], gazetteer?: Gazetteer): Set<string> {
  return served(networks, gazetteer).gemeenten.get(network) ?? new Set();
}

/** Whether any network serves a gemeente of `area`. */
export function isServed(area: Area, networks: readonly NetworkAreas[], gazetteer?: Gazetteer): boolean {
  const { byGemeente } = served(networks, gazetteer);
  return area.gemeenten.some((code) => byGemeente.has(code));
}

// --- search ------------------------------------------------------------------------------------

/**
 * Every name the search offers: the table's gemeenten under all their names, and the names in
 * the networks the table does not know (all of them without a table).
 */
export function placeNames(networks: readonly NetworkAreas[], gazetteer?: Gazetteer): PlaceName[] {
  const names = new Map(gazetteer?.names);
  for (const network of networks) {
    for (const name of [...(network.gemeenten ?? []), network.region ?? '']) if (!names.has(placeKey(name))) addName(names, name, []);
  }
  return [...names.values()];
}

/** Alphabetical as in Dutch; one collator for all sorting (localeCompare builds one per call). */
export const dutchOrder = new Intl.Collator('nl');

/**
 * The names matching what was typed, best first and one per place: the same place under any of
 * its names, then names starting with it, then names with a word starting with it, then names
 * containing it.
 */
export function matchPlaces(query: string, places: readonly PlaceName[], limit = 10): PlaceName[] {
  const typed = normalizePlace(query);
  if (!typed) return [];
  const key = placeKey(query);
  const rank = (place: PlaceName): number => {
    const name = normalizePlace(place.label);
    if (place.key === key) return 0;
    if (name.startsWith(typed) || place.key.startsWith(key)) return 1;
    if (name.split(' ').some((word) => word.startsWith(typed))) return 2;
    return name.includes(typed) ? 3 : 4;
  };
  const seen = new Set<string>();
  return places
    .map((place) => ({ place, rank: rank(place) }))
    .filter(({ rank }) => rank < 4)
    .sort((a, b) => a.rank - b.rank || dutchOrder.compare(a.place.label, b.place.label))
    .filter(({ place }) => {
      const same = place.codes.length ? place.codes.join() : place.key;
      return !seen.has(same) && !!seen.add(same);
    })
    .slice(0, limit)
    .map(({ place }) => place);
}

/** Four digits, with or without the letters: a postcode, which the table cannot place yet. */
export function isPostcode(query: string): boolean {
  return /^\s*[1-9]\d{3}\s?([a-z]{2})?\s*$/i.test(query);
}

/** Great-circle distance in kilometres between two [longitude, latitude] points. */
export function distanceKm([lonA, latA]: readonly number[], [lonB, latB]: readonly number[]): number {
  const radians = Math.PI / 180;
  const h =
    Math.sin(((latB - latA) * radians) / 2) ** 2 +
    Math.cos(latA * radians) * Math.cos(latB * radians) * Math.sin(((lonB - lonA) * radians) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** The networks closest to a point (only those with a location), with their distance. */
export function nearestNetworks<N extends NetworkAreas>(from: readonly number[], networks: readonly N[], count = 3): { network: N; km: number }[] {
  return networks
    .filter((network) => network.location)
    .map((network) => ({ network, km: distanceKm(from, [network.location!.lon, network.location!.lat]) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, count);
}

// --- checking a networks file ---------------------------------------------------------------------

export interface NetworkProblem {
  /** Where, as in the file: `networks[2].gemeenten[1]`. */
  path: string;
  problem: 'unknownGemeente' | 'ambiguousGemeente' | 'formerGemeente' | 'regionAsGemeente' | 'unknownArea' | 'noArea' | 'outsideNetherlands';
  /** What the file says there. */
  value?: string;
  /** What to write instead: gemeente names, or the code of a region. */
  suggestions?: string[];
}

/** Roughly the European Netherlands, with a margin: a location outside it is usually latitude and longitude swapped. */
const netherlands = { lon: [3.2, 7.3], lat: [50.7, 53.6] };

/**
 * What a web editor should fix in a networks file, beyond its schema: gemeenten the table does not
 * know, names that fit more than one gemeente, former gemeenten, region names written as
 * gemeenten, unknown area codes, networks that serve no area, and locations outside the country.
 * `pathOf(index)` says where network `index` is in the file (`networks[3]`, `features[3].properties`).
 */
export function checkNetworks(
  networks: readonly NetworkAreas[],
  gazetteer: Gazetteer,
  pathOf: (index: number) => string = (index) => `networks[${index}]`,
): NetworkProblem[] {
  const problems: NetworkProblem[] = [];
  // "Haaglanden", and for "Alkmaar (Noord-Kennemerland)" also "Noord-Kennemerland": region → codes.
  const regionNames = new Map<string, string[]>();
  for (const area of gazetteer.areas.values()) {
    if (area.kind === 'gemeente') continue;
    for (const name of new Set([area.name, withoutSuffix(area.name), /\(([^)]*)\)/.exec(area.name)?.[1] ?? ''])) {
      if (name) regionNames.set(placeKey(name), [...(regionNames.get(placeKey(name)) ?? []), area.code]);
    }
  }
  networks.forEach((network, index) => {
    const at = pathOf(index);
    (network.gemeenten ?? []).forEach((value, position) => {
      const path = `${at}.gemeenten[${position}]`;
      const name = gazetteer.names.get(placeKey(value));
      const named = (codes: string[]) => codes.map((code) => gazetteer.areas.get(code)!.name);
      if (!name) {
        const regions = regionNames.get(placeKey(value));
        problems.push(regions ? { path, problem: 'regionAsGemeente', value, suggestions: regions } : { path, problem: 'unknownGemeente', value });
      } else if (name.codes.length > 1) {
        problems.push({ path, problem: name.former ? 'formerGemeente' : 'ambiguousGemeente', value, suggestions: named(name.codes) });
      } else if (name.former) problems.push({ path, problem: 'formerGemeente', value, suggestions: named(name.codes) });
    });
    (network.areas ?? []).forEach((value, position) => {
      if (!gazetteer.areas.has(value)) problems.push({ path: `${at}.areas[${position}]`, problem: 'unknownArea', value });
    });
    if (!network.gemeenten?.length && !network.areas?.length) problems.push({ path: at, problem: 'noArea' });
    const { location } = network;
    if (
      location &&
      (location.lon < netherlands.lon[0] || location.lon > netherlands.lon[1] || location.lat < netherlands.lat[0] || location.lat > netherlands.lat[1])
    ) {
      problems.push({ path: `${at}.location`, problem: 'outsideNetherlands', value: `${location.lat}, ${location.lon}` });
    }
  });
  return problems;
}

/** A problem as the web editor reads it on the console or the command line. */
export function describeNetworkProblem({ path, problem, value, suggestions = [] }: NetworkProblem): string {
  const options = suggestions.map((option) => `"${option}"`).join(' or ');
  const messages: Record<NetworkProblem['problem'], string> = {
    unknownGemeente: `"${value}" is no gemeente of 2025; write the name as CBS does (data/gebieden-2025.csv)`,
    ambiguousGemeente: `"${value}" fits more than one gemeente: write ${options}`,
    formerGemeente: `"${value}" is a former gemeente, now part of ${suggestions.join(', ')}: write ${options}`,
    regionAsGemeente: `"${value}" is a region, not a gemeente: put its code in "areas": ${options}`,
    unknownArea: `"${value}" is no code of a gemeente (GM…), jeugdregio (JZ…), provincie (PV…) or GGD region (GG…) of 2025`,
    noArea: 'names no gemeenten and no areas: it is in the list, but no search finds it',
    outsideNetherlands: `${value} is outside the Netherlands; are latitude and longitude swapped?`,
  };
  return `${path}: ${messages[problem]}`;
}
