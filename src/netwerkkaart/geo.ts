import { DefinitionError, readList, readObject, type Fields } from '../core/definition.js';
import { projection } from './outline.js';
import { type LatLon } from './distance.js';
import { placeKey, type Problem } from './netwerkkaart.js';

export { distanceKm, type LatLon } from './distance.js';

/**
 * Longitude/latitude (degrees) → map units, with the projection the outline was drawn with
 * (see scripts/build-netherlands-outline.mjs): equirectangular, standard parallel 52.2° N.
 */
export function project(lon: number, lat: number): [number, number] {
  return [projection.x0 + projection.kx * lon, projection.y0 - projection.ky * lat];
}


/** One boundary from `regions-src`: a gemeente, jeugdregio or any other area. */
export interface Region {
  name: string;
  /** `placeKey(name)`: how it is matched with the networks' gemeenten and regions. */
  key: string;
  /** SVG path in map units. */
  path: string;
  /** Middle of its bounding box, for "nearest network". */
  center: LatLon;
}

export interface Regions {
  regions: Region[];
  problems: Problem[];
}

type Position = [number, number];
type Ring = Position[];

/** Properties that name an area in common boundary files (CBS/PDOK, Natural Earth, OSM). */
const nameProperties = ['name', 'naam', 'statnaam', 'gemeentenaam', 'jeugdregionaam', 'regionaam', 'GM_NAAM', 'NAAM'];

/**
 * Reads GeoJSON (FeatureCollection of Polygons / MultiPolygons) or TopoJSON (its first object)
 * in WGS84. A feature that cannot be drawn is skipped and named in `problems`; the rest is kept.
 */
export function parseRegions(raw: unknown): Regions {
  const root = readObject(raw, '');
  const features = root.type === 'Topology' ? topologyFeatures(root) : readList(root.features, 'features');
  const problems: Problem[] = [];
  const regions: Region[] = [];
  features.forEach((item, index) => {
    const at = `${root.type === 'Topology' ? 'geometries' : 'features'}[${index}]`;
    if (typeof item !== 'object' || item === null) return problems.push({ path: at, problem: 'notObject', scope: 'entry' });
    const feature = item as Fields;
    const properties = (feature.properties ?? {}) as Fields;
    const name = nameProperties.map((key) => properties[key]).find((value) => typeof value === 'string' && value.trim());
    if (typeof name !== 'string') return problems.push({ path: `${at}.properties.name`, problem: 'missing', scope: 'entry' });
    const polygons = polygonsOf(feature.geometry);
    if (!polygons) return problems.push({ path: `${at}.geometry`, problem: 'notPolygon', scope: 'entry' });
    const points = polygons.flat(2);
    if (!points.every(isLonLat)) return problems.push({ path: `${at}.geometry`, problem: 'notWgs84', scope: 'entry' });
    regions.push({ name, key: placeKey(name), path: svgPath(polygons), center: boxCenter(points) });
  });
  return { regions, problems };
}

function isLonLat(position: unknown): boolean {
  if (!Array.isArray(position)) return false;
  const [lon, lat] = position;
  return typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

function polygonsOf(geometry: unknown): Ring[][] | undefined {
  const { type, coordinates } = (geometry ?? {}) as Fields;
  if (!Array.isArray(coordinates)) return undefined;
  if (type === 'Polygon') return [coordinates as Ring[]];
  if (type === 'MultiPolygon') return coordinates as Ring[][];
  return undefined;
}

/**
 * TopoJSON → GeoJSON-like features: arcs are delta-decoded when quantized, and a negative arc
 * index (~i) means arc i reversed; consecutive arcs of a ring share their joining point.
 */
function topologyFeatures(topology: Fields): unknown[] {
  const objects = Object.values(readObject(topology.objects, 'objects'));
  const collection = readObject(objects[0], 'objects');
  const { scale = [1, 1], translate = [0, 0] } = (topology.transform ?? {}) as { scale?: Position; translate?: Position };
  const arcs = readList(topology.arcs, 'arcs').map((arc, index) => {
    if (!Array.isArray(arc) || !arc.every((point) => Array.isArray(point))) throw new DefinitionError(`arcs[${index}]`, 'notList');
    let x = 0;
    let y = 0;
    return (arc as Position[]).map(([dx, dy]): Position =>
      topology.transform ? [(x += dx) * scale[0] + translate[0], (y += dy) * scale[1] + translate[1]] : [dx, dy],
    );
  });
  const ring = (indexes: number[]): Ring =>
    indexes.flatMap((index, n) => {
      const arc = index < 0 ? [...(arcs[~index] ?? [])].reverse() : (arcs[index] ?? []);
      return n ? arc.slice(1) : arc;
    });
  const geometries = collection.type === 'GeometryCollection' ? readList(collection.geometries, 'geometries') : [collection];
  const lists = (value: unknown, depth: number): boolean =>
    Array.isArray(value) && value.every((item) => (depth === 0 ? Number.isInteger(item) : lists(item, depth - 1)));
  return geometries.map((item) => {
    if (typeof item !== 'object' || item === null) return item;
    const { type, arcs: indexes, properties } = item as Fields;
    // A geometry whose arcs are not lists of arc numbers becomes "not a polygon" in parseRegions.
    const coordinates =
      type === 'Polygon' && lists(indexes, 1)
        ? (indexes as number[][]).map(ring)
        : type === 'MultiPolygon' && lists(indexes, 2)
          ? (indexes as number[][][]).map((polygon) => polygon.map(ring))
          : undefined;
    return { properties, geometry: { type, coordinates } };
  });
}

/** Projects and writes rings as one path, a tenth of a unit precise, dropping repeated points. */
export function svgPath(polygons: Ring[][]): string {
  let path = '';
  for (const ring of polygons.flat()) {
    let previous = '';
    let command = 'M';
    for (const [lon, lat] of ring) {
      const [x, y] = project(lon, lat);
      const point = `${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`;
      if (point === previous) continue;
      path += command + point;
      command = 'L';
      previous = point;
    }
    path += 'Z';
  }
  return path;
}

function boxCenter(points: Position[]): LatLon {
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  return { lon: (Math.min(...lons) + Math.max(...lons)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
}

/** A marker on the map: one network, or several that would overlap. */
export interface MarkerGroup<T> {
  x: number;
  y: number;
  members: T[];
}

/**
 * Groups points that lie within `radius` map units of a group's centre (greedy, in the given
 * order), so markers never hide each other; a group's centre is the mean of its members.
 */
export function groupPoints<T>(points: readonly { x: number; y: number; item: T }[], radius: number): MarkerGroup<T>[] {
  const groups: (MarkerGroup<T> & { sumX: number; sumY: number })[] = [];
  for (const { x, y, item } of points) {
    const group = groups.find((candidate) => Math.hypot(candidate.x - x, candidate.y - y) < radius);
    if (group) {
      group.members.push(item);
      group.sumX += x;
      group.sumY += y;
      group.x = group.sumX / group.members.length;
      group.y = group.sumY / group.members.length;
    } else {
      groups.push({ x, y, members: [item], sumX: x, sumY: y });
    }
  }
  return groups.map(({ x, y, members }) => ({ x, y, members }));
}

/**
 * Keyboard order on the map: left/right step through the markers from west to east, up/down
 * from north to south, so every marker is reachable and the order follows the geography (also
 * in right-to-left languages: the map is never mirrored).
 */
export function neighbour<T extends { x: number; y: number }>(markers: readonly T[], current: T, key: string): T | undefined {
  const horizontal = key === 'ArrowLeft' || key === 'ArrowRight';
  const forward = key === 'ArrowRight' || key === 'ArrowDown';
  const order = [...markers].sort((a, b) => (horizontal ? a.x - b.x || a.y - b.y : a.y - b.y || a.x - b.x));
  const index = order.indexOf(current);
  return order[index + (forward ? 1 : -1)];
}
