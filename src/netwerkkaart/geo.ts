import { DefinitionError, readList, readObject, type Fields } from '../core/definition.js';
import { placeKey } from './gazetteer.js';
import { projection } from './outline.js';
import type { Problem } from './problems.js';

/**
 * Longitude/latitude (degrees) → map units, with the projection the outline was drawn with
 * (see scripts/build-data.mjs): equirectangular, standard parallel 52.2° N.
 */
export function project(lon: number, lat: number): [number, number] {
  return [projection.x0 + projection.kx * lon, projection.y0 - projection.ky * lat];
}

/** A rectangle in map units: [left, top, right, bottom]. */
export type Box = [number, number, number, number];

/** One boundary: a gemeente, jeugdregio or any other area. */
export interface Region {
  name: string;
  /** `placeKey(name)`: how a file without codes is matched with the networks' gemeenten and regions. */
  key: string;
  /** Its CBS code (`statcode`: GM0518, JZ24), when the file has one. */
  code?: string;
  /** Its outline in map units: the rings, and the path that draws them. */
  rings: [number, number][][];
  path: string;
  /** Where its path lies on the map, for zooming to it. */
  box: Box;
  /** Middle of its bounding box, [longitude, latitude], for "nearest network". */
  center: [number, number];
}

export interface Regions {
  regions: Region[];
  problems: Problem[];
}

type Position = [number, number];
type Ring = Position[];

/** Properties that name an area in common boundary files (CBS/PDOK, Natural Earth, OSM). */
const nameProperties = ['name', 'naam', 'statnaam', 'gemeentenaam', 'jeugdregionaam', 'regionaam', 'GM_NAAM', 'NAAM'];
/** Properties that give its CBS code. */
const codeProperties = ['statcode', 'code', 'gemeentecode', 'jeugdregiocode', 'GM_CODE'];

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
    const code = codeProperties.map((key) => properties[key]).find((value) => typeof value === 'string' && /^[A-Z]{2}\d+$/.test(value));
    regions.push({ name, key: placeKey(name), ...(code ? { code: code as string } : {}), ...svgPath(polygons), center: boxCenter(points) });
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

/** A ring projected into map units, a tenth of a unit precise, without repeated points. */
type MapRing = [number, number][];

/** Projects the rings into map units; with the path that draws them all and the box around them. */
export function svgPath(polygons: Ring[][]): { rings: MapRing[]; path: string; box: Box } {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = polygons.flat().map((ring) => {
    const points: MapRing = [];
    for (const [lon, lat] of ring) {
      const [x, y] = project(lon, lat).map((n) => Math.round(n * 10) / 10);
      const last = points[points.length - 1];
      if (last && last[0] === x && last[1] === y) continue;
      points.push([x, y]);
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
    return points;
  });
  return { rings, path: pathOf(rings), box };
}

function pathOf(rings: readonly MapRing[]): string {
  return rings
    .filter((ring) => ring.length > 2)
    .map((ring) => `M${ring.map(([x, y]) => `${x} ${y}`).join('L')}Z`)
    .join('');
}

/**
 * The rings cut to the part of the map in view (Sutherland–Hodgman against each edge), so that
 * when the map is zoomed no path reaches beyond it: what lies outside is not drawn at all.
 */
export function pathInView(rings: readonly MapRing[], [left, top, width, height]: View): string {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [([x]) => x >= left, (a, b) => along(a, b, (left - a[0]) / (b[0] - a[0]))],
    [([x]) => x <= left + width, (a, b) => along(a, b, (left + width - a[0]) / (b[0] - a[0]))],
    [([, y]) => y >= top, (a, b) => along(a, b, (top - a[1]) / (b[1] - a[1]))],
    [([, y]) => y <= top + height, (a, b) => along(a, b, (top + height - a[1]) / (b[1] - a[1]))],
  ];
  return pathOf(
    rings.map((ring) =>
      edges.reduce((points, [inside, cross]) => {
        const out: MapRing = [];
        points.forEach((point, index) => {
          const previous = points[(index + points.length - 1) % points.length];
          if (inside(point) !== inside(previous)) out.push(cross(previous, point));
          if (inside(point)) out.push(point);
        });
        return out;
      }, ring),
    ),
  );
}

function along([ax, ay]: [number, number], [bx, by]: [number, number], t: number): [number, number] {
  return [Math.round((ax + (bx - ax) * t) * 10) / 10, Math.round((ay + (by - ay) * t) * 10) / 10];
}

/** The rings of a path written as "M x y l dx dy … z" (the outline in outline.ts). */
export function ringsOf(path: string): MapRing[] {
  return path
    .split('M')
    .filter(Boolean)
    .map((part) => {
      const numbers = part.replace(/z/g, '').split(/[ l]|(?=-)/).filter(Boolean).map(Number);
      const ring: MapRing = [[numbers[0], numbers[1]]];
      for (let i = 2; i + 1 < numbers.length; i += 2) {
        const [x, y] = ring[ring.length - 1];
        ring.push([x + numbers[i], y + numbers[i + 1]]);
      }
      return ring;
    });
}

function boxCenter(points: Position[]): [number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [(west + east) / 2, (south + north) / 2];
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

/** What part of the map is shown: [x, y, width, height] in map units, as an SVG viewBox. */
export type View = [number, number, number, number];

/**
 * The view that shows `box` with a margin, in the map's own proportions (so the map keeps its
 * height on the page) and never narrower than `minWidth` map units, so a small gemeente is still
 * seen among its neighbours. Stays within the map where it can.
 */
export function viewOf(box: Box, map: { width: number; height: number }, minWidth = 70): View {
  const margin = 0.15;
  let width = Math.max((box[2] - box[0]) * (1 + 2 * margin), minWidth);
  let height = width * (map.height / map.width);
  const tall = (box[3] - box[1]) * (1 + 2 * margin);
  if (tall > height) [width, height] = [tall * (map.width / map.height), tall];
  if (width >= map.width) return [0, 0, map.width, map.height];
  const clamp = (start: number, size: number, limit: number) => Math.min(Math.max(start, 0), limit - size);
  const x = clamp((box[0] + box[2]) / 2 - width / 2, width, map.width);
  const y = clamp((box[1] + box[3]) / 2 - height / 2, height, map.height);
  const round = (n: number) => Math.round(n * 10) / 10;
  return [round(x), round(y), round(width), round(height)];
}

/** The smallest box around all of these. */
export function boxAround(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
}
