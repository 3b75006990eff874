// Plausible, made-up test data for <ouder-netwerkkaart>: gemeente-like boundaries that tile the
// Netherlands and networks that serve a few of them. Deterministic (seeded), no downloads. Used
// by scripts/bench-netwerkkaart.mjs and the stories; works in Node and in the browser.

/** A small seeded random generator (mulberry32), so every run draws the same country. */
export function random(seed = 528) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The outline's rings in map units, from its path ("M x y l dx dy … z"). */
function outlineRings(outline) {
  const rings = [];
  for (const part of outline.split('M').filter(Boolean)) {
    const numbers = part.replace(/z/g, '').split(/[ l]|(?=-)/).filter(Boolean).map(Number);
    const ring = [[numbers[0], numbers[1]]];
    for (let i = 2; i + 1 < numbers.length; i += 2) {
      const [x, y] = ring[ring.length - 1];
      ring.push([x + numbers[i], y + numbers[i + 1]]);
    }
    rings.push(ring);
  }
  return rings;
}

function inside([x, y], rings) {
  let hit = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
    }
  }
  return hit;
}

const syllables = ['berg', 'dam', 'dijk', 'horst', 'veen', 'wijk', 'hoven', 'broek', 'drecht', 'lo', 'rade', 'meer', 'zand', 'hout'];
const starts = ['Alde', 'Bree', 'Cort', 'Dor', 'Eem', 'Gel', 'Haar', 'Ter', 'Lin', 'Moer', 'Noord', 'Oost', 'Rijn', 'Sint', 'Vree', 'West', 'Zuid', 'Wolde'];

/**
 * About `count` gemeente-like areas as a GeoJSON FeatureCollection (WGS84): a grid of cells over
 * the country, each a wobbly polygon of `vertices` points, named "Oostveen", "Haardijk 2", ….
 * `outline` and `projection` come from src/netwerkkaart/outline.ts.
 */
export function fakeGemeenten({ outline, projection }, count = 342, vertices = 120, seed = 528) {
  const next = random(seed);
  const rings = outlineRings(outline);
  const toLonLat = ([x, y]) => [(x - projection.x0) / projection.kx, (projection.y0 - y) / projection.ky];
  const xs = rings.flat().map(([x]) => x);
  const ys = rings.flat().map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Shrink the cell size until enough cell centres fall on land.
  let size = Math.sqrt(((maxX - minX) * (maxY - minY)) / count);
  let centres = [];
  while (size > 1) {
    centres = [];
    for (let y = minY + size / 2; y < maxY; y += size) {
      for (let x = minX + size / 2; x < maxX; x += size) if (inside([x, y], rings)) centres.push([x, y]);
    }
    if (centres.length >= count) break;
    size *= 0.97;
  }
  const names = new Set();
  return {
    type: 'FeatureCollection',
    features: centres.slice(0, count).map(([cx, cy], index) => {
      let name = `${starts[index % starts.length]}${syllables[Math.floor(next() * syllables.length)]}`;
      for (let n = 2; names.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
      names.add(name);
      const ring = [];
      for (let i = 0; i < vertices; i++) {
        const angle = (i / vertices) * 2 * Math.PI;
        // Square-ish cell with a wobbly edge, like a boundary along ditches and roads.
        const square = 1 / Math.max(Math.abs(Math.cos(angle)), Math.abs(Math.sin(angle)));
        const radius = (size / 2) * square * (0.92 + 0.08 * next());
        ring.push(toLonLat([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]).map((n) => Math.round(n * 1e5) / 1e5));
      }
      ring.push(ring[0]);
      return {
        type: 'Feature',
        properties: { statcode: `GM${String(index + 1).padStart(4, '0')}`, statnaam: name },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    }),
  };
}

const types = ['oudersraad', 'oudersteunpunt', 'ouderplatform', 'ervaringsdeskundigen', 'transformatieproject'];

/** `count` networks, each serving 1–5 of the gemeenten, located in the first one (some without a location). */
export function fakeNetworks(gemeenten, count = 100, seed = 6) {
  const next = random(seed);
  const features = gemeenten.features;
  return {
    type: 'netwerkkaart',
    networks: Array.from({ length: count }, (_, index) => {
      const home = features[Math.floor(next() * features.length)];
      const served = [home, ...Array.from({ length: Math.floor(next() * 5) }, () => features[Math.floor(next() * features.length)])];
      const [lon, lat] = home.geometry.coordinates[0].reduce(([x, y], [a, b], _, all) => [x + a / all.length, y + b / all.length], [0, 0]);
      const type = types[index % types.length];
      return {
        id: `netwerk-${index + 1}`,
        name: `${type[0].toUpperCase()}${type.slice(1)} ${home.properties.statnaam}`,
        type,
        gemeenten: [...new Set(served.map((feature) => feature.properties.statnaam))],
        ...(index % 10 === 9 ? {} : { location: { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 } }),
        website: `https://example.org/netwerk-${index + 1}`,
        ...(index % 3 === 0 ? { email: `netwerk-${index + 1}@example.org` } : {}),
        ...(index % 4 === 0 ? { phone: '030 123 45 67' } : {}),
        description: 'Ouders die samen meedenken over onderwijs, jeugdhulp en zorg in hun gemeente.',
      };
    }),
  };
}
