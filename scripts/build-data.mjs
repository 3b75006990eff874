// Rebuilds what the package ships about the Netherlands from the sources in data/src/, with
// mapshaper (a dev dependency):
//
//   data/gemeenten-2025.topo.json, jeugdregios-, provincies-, ggdregios-2025.topo.json  boundaries
//   data/gebieden-2025.json   every gemeente with its provincie, jeugdregio and GGD region and a
//                             point inside it, the names of those regions, other names and
//                             former gemeenten
//   data/gebieden-2025.csv    the same table for a spreadsheet
//   src/netwerkkaart/outline.ts  the land outline the widget carries, from the same gemeenten
//
//   node scripts/build-data.mjs           write them
//   node scripts/build-data.mjs --check   fail when a committed file differs from what the sources give
//
// Licence of the data: CC BY 4.0, CBS and Kadaster ("Bron: CBS, Kadaster (CC BY 4.0)"); see data/README.md.
//
// How:
// - Gemeenten: the generalised CBS layer in RD New (EPSG:28992), simplified in metres (planar
//   Visvalingam, 1000 m, keep-shapes; at 600 px across the country one pixel is about 440 m), then
//   WGS84, TopoJSON quantised to 4000 steps.
// - Gemeente → provincie / jeugdregio / GGD: the full-detail gemeenten joined to each region layer
//   twice, by an interior point and by the largest overlap. The build stops if the two disagree for
//   any gemeente, so a region layer that does not fit the gemeenten is noticed, not shipped.
// - Jeugdregio's, provincies and GGD regions are dissolved from the simplified gemeenten with that
//   table, so their borders are the gemeenten's borders.
// - The outline is the dissolved gemeenten, projected as the widget projects (equirectangular with a
//   standard parallel of 52.2° N, fitted to 400 units wide) and simplified further, since it ships
//   inside every netwerkkaart bundle.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import mapshaper from 'mapshaper';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const YEAR = 2025;
const CREDIT = 'Bron: CBS, Kadaster (CC BY 4.0)';

const sources = {
  gemeenten: 'data/src/projectmap-gemeente_2025.geojson',
  jeugdregio: 'data/src/cartomap-jeugdregio_2025.wgs84.topojson',
  provincie: 'data/src/cartomap-provincie_2025.wgs84.topojson',
  ggd: 'data/src/cartomap-ggdregio_2025.wgs84.topojson',
  names: 'data/src/gemeente-aliassen.json',
};
/** The region kinds, as the widget's `regions` attribute names them, and their shipped layers. */
const kinds = [
  { kind: 'jeugdregio', layer: 'jeugdregios', column: 'jeugdregio', count: 42 },
  { kind: 'provincie', layer: 'provincies', column: 'provincie', count: 12 },
  { kind: 'ggd', layer: 'ggdregios', column: 'ggdregio', count: 25 },
];
const GEMEENTEN = 342;

/** The outline in the bundle: map width, margin, standard parallel, and its simplification. */
const MAP_WIDTH = 400;
const MAP_PADDING = 8;
const PARALLEL = 52.2;
const OUTLINE_INTERVAL_METRES = 2500;
/** Islands smaller than this (map units²) are left out of the outline. */
const OUTLINE_MIN_AREA = 6;
const SPHERE_RADIUS = 6371000;

const read = (file) => readFile(root + file, 'utf8');
const input = Object.fromEntries(await Promise.all(Object.entries(sources).map(async ([name, file]) => [`${name}.json`, await read(file)])));

/** Runs mapshaper on the sources (named `gemeenten.json`, `jeugdregio.json`, …) plus extra files. */
async function run(commands, extra = {}) {
  return mapshaper.applyCommands(commands.replace(/\s+/g, ' ').trim(), { ...input, ...extra });
}

// --- the table -----------------------------------------------------------------------------------

async function joinTable(method) {
  const joins = kinds
    .map(({ kind }) => `-i ${kind}.json name=${kind} -join target=g source=${kind} ${method} fields=statcode prefix=${kind}_`)
    .join(' ');
  const output = await run(`-i gemeenten.json name=g -proj init=EPSG:28992 -proj wgs84 ${joins}
    -filter-fields target=g statcode,statnaam,${kinds.map(({ kind }) => `${kind}_statcode`).join(',')} -o target=g format=json table.json`);
  return JSON.parse(output['table.json']);
}

const [byPoint, byOverlap] = await Promise.all([joinTable('point-method'), joinTable('largest-overlap')]);
const disagreements = byPoint.filter((row, index) => JSON.stringify(row) !== JSON.stringify(byOverlap[index]));
if (disagreements.length > 0) {
  throw new Error(`interior point and largest overlap disagree for ${disagreements.map((row) => row.statnaam).join(', ')}`);
}

const regionNames = new Map();
for (const { kind } of kinds) {
  const layer = JSON.parse(input[`${kind}.json`]);
  for (const geometry of Object.values(layer.objects)[0].geometries) regionNames.set(geometry.properties.statcode, geometry.properties.statnaam);
}

// A point inside each gemeente (for "the nearest networks"), about 100 m precise.
const interior = await run(`-i gemeenten.json name=g -proj init=EPSG:28992 -points inner -proj wgs84
  -each 'lon=+this.x.toFixed(3), lat=+this.y.toFixed(3)' -filter-fields statcode,lon,lat -o format=json points.json`);
const pointOf = new Map(JSON.parse(interior['points.json']).map(({ statcode, lon, lat }) => [statcode, [lon, lat]]));

const names = JSON.parse(input['names.json']);
const otherNames = new Map(names.andereNamen.map(({ code, ook }) => [code, ook]));
const rows = byOverlap
  .map((row) => ({
    code: row.statcode,
    name: row.statnaam,
    ...Object.fromEntries(kinds.map(({ kind }) => [kind, row[`${kind}_statcode`]])),
    point: pointOf.get(row.statcode),
    ...(otherNames.has(row.statcode) ? { otherNames: otherNames.get(row.statcode) } : {}),
  }))
  .sort((a, b) => a.code.localeCompare(b.code));

const codes = new Set(rows.map((row) => row.code));
const problems = [];
if (rows.length !== GEMEENTEN) problems.push(`${rows.length} gemeenten instead of ${GEMEENTEN}`);
for (const row of rows) {
  for (const { kind } of kinds) if (!regionNames.has(row[kind])) problems.push(`${row.name}: no ${kind}`);
  if (!row.point) problems.push(`${row.name}: no interior point`);
}
for (const { kind, count } of kinds) {
  const used = new Set(rows.map((row) => row[kind]));
  if (used.size !== count) problems.push(`${used.size} ${kind} regions in use instead of ${count}`);
}
for (const code of otherNames.keys()) if (!codes.has(code)) problems.push(`other names for unknown gemeente ${code}`);
for (const former of names.voormalig) {
  for (const { code } of former.nu) if (!codes.has(code)) problems.push(`former gemeente ${former.naam} → unknown ${code}`);
}
if (problems.length > 0) throw new Error(`the sources do not fit together:\n  ${problems.join('\n  ')}`);

const gebieden = {
  source: CREDIT,
  year: YEAR,
  regions: Object.fromEntries([...regionNames].sort(([a], [b]) => a.localeCompare(b))),
  gemeenten: rows,
  former: names.voormalig.map(({ naam, nu }) => ({ name: naam, now: nu.map(({ code }) => code) })),
};

const csvCell = (value) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csv = [
  ['gemeentecode', 'gemeentenaam', ...kinds.flatMap(({ column }) => [`${column}code`, `${column}naam`])],
  ...rows.map((row) => [row.code, row.name, ...kinds.flatMap(({ kind }) => [row[kind], regionNames.get(row[kind])])]),
]
  .map((cells) => cells.map(csvCell).join(','))
  .join('\n');

// One gemeente, region or former gemeente a line: small, and a change shows as a readable diff.
const lines = (items) => items.map((item) => `  ${JSON.stringify(item)}`).join(',\n');
const gebiedenJson = `{
 "source": ${JSON.stringify(gebieden.source)},
 "year": ${gebieden.year},
 "regions": {
${Object.entries(gebieden.regions).map(([code, name]) => `  ${JSON.stringify(code)}: ${JSON.stringify(name)}`).join(',\n')}
 },
 "gemeenten": [
${lines(gebieden.gemeenten)}
 ],
 "former": [
${lines(gebieden.former)}
 ]
}
`;
JSON.parse(gebiedenJson);

// --- the boundaries ------------------------------------------------------------------------------

const simplified = await run(`-i gemeenten.json name=gemeenten -proj init=EPSG:28992
  -simplify interval=1000 keep-shapes planar -filter-fields statcode,statnaam -proj wgs84
  -o format=topojson quantization=4000 gemeenten.topo.json`);
const gemeentenTopo = simplified['gemeenten.topo.json'];

const tableJson = JSON.stringify(
  rows.map((row) => ({
    statcode: row.code,
    ...Object.fromEntries(kinds.flatMap(({ kind }) => [[kind, row[kind]], [`${kind}_name`, regionNames.get(row[kind])]])),
  })),
);
const layers = { gemeenten: gemeentenTopo };
for (const { kind, layer } of kinds) {
  const output = await run(
    `-i table.json name=table -i gemeenten.topo.json
     -join target=gemeenten source=table keys=statcode,statcode fields=${kind},${kind}_name
     -dissolve target=gemeenten ${kind} copy-fields=${kind}_name name=${layer}
     -rename-fields target=${layer} statcode=${kind},statnaam=${kind}_name
     -o target=${layer} format=topojson quantization=4000 ${layer}.topo.json`,
    { 'table.json': tableJson, 'gemeenten.topo.json': gemeentenTopo },
  );
  layers[layer] = output[`${layer}.topo.json`];
}

// --- the outline in the bundle --------------------------------------------------------------------

const projected = await run(
  `-i gemeenten.topo.json -dissolve name=nederland
   -proj +proj=eqc +lat_ts=${PARALLEL} +lon_0=0 +R=${SPHERE_RADIUS} +units=m
   -simplify interval=${OUTLINE_INTERVAL_METRES} keep-shapes planar
   -o format=geojson precision=1 nederland.json`,
  { 'gemeenten.topo.json': gemeentenTopo },
);
const dissolved = JSON.parse(projected['nederland.json']);
const country = dissolved.features?.[0].geometry ?? dissolved.geometries[0];
const polygons = country.type === 'Polygon' ? [country.coordinates] : country.coordinates;
const points = polygons.flat(2);
const [minX, maxX] = [Math.min(...points.map(([x]) => x)), Math.max(...points.map(([x]) => x))];
const [minY, maxY] = [Math.min(...points.map(([, y]) => y)), Math.max(...points.map(([, y]) => y))];
const scale = (MAP_WIDTH - 2 * MAP_PADDING) / (maxX - minX);
const toMap = ([x, y]) => [MAP_PADDING + (x - minX) * scale, MAP_PADDING + (maxY - y) * scale];
const height = Math.ceil(2 * MAP_PADDING + (maxY - minY) * scale);

// The same in degrees, as the widget computes it: x = x0 + kx · lon, y = y0 − ky · lat.
const radians = Math.PI / 180;
const kx = scale * SPHERE_RADIUS * Math.cos(PARALLEL * radians) * radians;
const ky = scale * SPHERE_RADIUS * radians;
const x0 = MAP_PADDING - scale * minX;
const y0 = MAP_PADDING + scale * maxY;
const round = (n) => Number(n.toFixed(6));

const ringArea = (ring) =>
  Math.abs(ring.reduce((sum, [x, y], i) => sum + x * ring[(i + 1) % ring.length][1] - ring[(i + 1) % ring.length][0] * y, 0)) / 2;
let path = '';
for (const polygon of polygons) {
  for (const ring of polygon) {
    const mapRing = ring.map(toMap);
    if (ringArea(mapRing) < OUTLINE_MIN_AREA) continue;
    let previous;
    for (const [x, y] of mapRing.slice(0, -1).map(([x, y]) => [Math.round(x), Math.round(y)])) {
      if (!previous) path += `M${x} ${y}`;
      else if (x !== previous[0] || y !== previous[1]) path += `l${x - previous[0]} ${y - previous[1]}`;
      previous = [x, y];
    }
    path += 'z';
  }
}
path = path.replace(/ -/g, '-');

// Check the widget's formula against mapshaper's own projection at three places.
const probe = await run(
  `-i probe.json -proj +proj=eqc +lat_ts=${PARALLEL} +lon_0=0 +R=${SPHERE_RADIUS} +units=m -o format=geojson precision=0.001 probe.out.json`,
  {
    'probe.json': JSON.stringify({
      type: 'MultiPoint',
      coordinates: [
        [4.9, 52.37],
        [6.57, 53.22],
        [5.69, 50.85],
      ],
    }),
  },
);
const probed = JSON.parse(probe['probe.out.json']);
const probeGeometry = probed.geometries?.[0] ?? probed.features?.[0]?.geometry ?? probed;
probeGeometry.coordinates.forEach((projectedPoint, index) => {
  const [lon, lat] = [
    [4.9, 52.37],
    [6.57, 53.22],
    [5.69, 50.85],
  ][index];
  const [mx, my] = toMap(projectedPoint);
  if (Math.abs(mx - (x0 + kx * lon)) > 0.01 || Math.abs(my - (y0 - ky * lat)) > 0.01) {
    throw new Error(`the widget's projection differs from mapshaper's at ${lon},${lat}`);
  }
});

const outlineTs = `// GENERATED by scripts/build-data.mjs from the CBS gemeenten in data/src/ — do not edit; run
//   node scripts/build-data.mjs
// Bron: CBS, Kadaster (CC BY 4.0). The dissolved gemeenten, equirectangular with a standard
// parallel of ${PARALLEL}° N, simplified to ${OUTLINE_INTERVAL_METRES} m, so it lines up with the shipped boundaries.

/** Size of the map in SVG units (viewBox 0 0 width height). */
export const mapSize = { width: ${MAP_WIDTH}, height: ${height} } as const;

/** The projection the outline was drawn with: x = x0 + kx · lon, y = y0 − ky · lat (degrees). */
export const projection = { x0: ${round(x0)}, y0: ${round(y0)}, kx: ${round(kx)}, ky: ${round(ky)} } as const;

/** The European Netherlands as one SVG path in map units. */
export const outline =
  '${path}';
`;

// --- write or check --------------------------------------------------------------------------------

const files = {
  ...Object.fromEntries(Object.entries(layers).map(([layer, text]) => [`data/${layer}-${YEAR}.topo.json`, text])),
  [`data/gebieden-${YEAR}.json`]: gebiedenJson,
  [`data/gebieden-${YEAR}.csv`]: `${csv}\n`,
  'src/netwerkkaart/outline.ts': outlineTs,
};

let stale = 0;
for (const [file, text] of Object.entries(files)) {
  if (check) {
    const current = await read(file).catch(() => '');
    if (current !== text) {
      console.error(`${file} differs from what data/src/ gives: run \`npm run data\`.`);
      stale++;
    }
  } else {
    await writeFile(root + file, text);
    console.log(`wrote ${file} (${(text.length / 1024).toFixed(1)} KiB)`);
  }
}
if (stale > 0) process.exit(1);
if (check) console.log(`data/ and outline.ts are up to date with data/src/ (${Object.keys(files).length} files)`);
else console.log(`outline: ${path.length} characters of path, viewBox 0 0 ${MAP_WIDTH} ${height}`);
