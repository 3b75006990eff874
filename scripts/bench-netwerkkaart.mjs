// How long does <ouder-netwerkkaart> take to show the 342 real gemeente boundaries it ships
// (data/gemeenten-2025.topo.json, CBS) and 100 networks, next to a baseline that fetches the same
// TopoJSON and draws the same SVG paths by hand?
//
//   node scripts/bench-netwerkkaart.mjs [runs=7]
//
// Everything stays on the loopback interface (any other request is aborted); the networks are made
// up by scripts/netwerkkaart-testdata.mjs over the real gemeenten; the whole run is bounded by a
// time limit. Uses playwright-core with Debian's Chromium (or $CHROME_PATH) and the production
// build of the widget.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import { plugins } from '../rollup.config.mjs';
import { exampleNetworks } from './netwerkkaart-testdata.mjs';

const runs = Number(process.argv[2] ?? 7);
const limit = setTimeout(() => {
  console.error('bench-netwerkkaart: gave up after 120 s');
  process.exit(1);
}, 120_000);

// The same outline and projection constants the widget uses.
const outlineSource = readFileSync(new URL('../src/netwerkkaart/outline.ts', import.meta.url), 'utf8');
const outline = /export const outline =\s*'([^']+)'/.exec(outlineSource)[1];
const projection = JSON.parse(/export const projection = (\{[^}]+\})/.exec(outlineSource)[1].replace(/(\w+):/g, '"$1":'));
const mapSize = JSON.parse(/export const mapSize = (\{[^}]+\})/.exec(outlineSource)[1].replace(/(\w+):/g, '"$1":'));

const regions = readFileSync(new URL('../data/gemeenten-2025.topo.json', import.meta.url), 'utf8');
const gebieden = JSON.parse(readFileSync(new URL('../data/gebieden-2025.json', import.meta.url), 'utf8'));
const networks = JSON.stringify(exampleNetworks(gebieden, 100));
const regionCount = Object.values(JSON.parse(regions).objects)[0].geometries.length;

const build = await rollup({ input: 'src/netwerkkaart/index.ts', plugins: plugins({ minify: true }), onwarn: () => {} });
const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
await build.close();

const page = (body) => `<!doctype html><html lang="nl"><meta charset="utf-8"><title>bench</title><body>${body}</body></html>`;

// Measured in the page: from inserting the element (or starting the baseline) until the map is
// complete and a frame with it has been painted.
const widgetPage = page(`<script type="module">
  import '/widget.js';
  window.measure = async () => {
    const start = performance.now();
    const el = document.createElement('ouder-netwerkkaart');
    el.setAttribute('src', '/networks.json');
    el.setAttribute('regions-src', '/regions.json');
    document.body.replaceChildren(el);
    await new Promise((resolve) => {
      const check = () => el.shadowRoot?.querySelectorAll('.region').length === ${regionCount} && el.shadowRoot.querySelector('.marker')
        ? resolve() : requestAnimationFrame(check);
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return performance.now() - start;
  };
</script>`);

// The same work by hand: decode the TopoJSON (delta-encoded, quantised arcs; ~i is arc i reversed),
// project, write one path per gemeente, and a dot per network.
const baselinePage = page(`<script type="module">
  const p = ${JSON.stringify(projection)};
  const project = (lon, lat) => [p.x0 + p.kx * lon, p.y0 - p.ky * lat];
  const ns = 'http://www.w3.org/2000/svg';
  window.measure = async () => {
    const start = performance.now();
    const [topology, data] = await Promise.all(['/regions.json', '/networks.json'].map((url) => fetch(url).then((r) => r.json())));
    const { scale: [sx, sy], translate: [tx, ty] } = topology.transform;
    const arcs = topology.arcs.map((arc) => {
      let x = 0;
      let y = 0;
      return arc.map(([dx, dy]) => project((x += dx) * sx + tx, (y += dy) * sy + ty));
    });
    const ring = (indexes) => indexes.flatMap((i, n) => (i < 0 ? [...arcs[~i]].reverse() : arcs[i]).slice(n ? 1 : 0));
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ${mapSize.width} ${mapSize.height}');
    svg.setAttribute('width', '400');
    const land = document.createElementNS(ns, 'path');
    land.setAttribute('d', ${JSON.stringify(outline)});
    svg.append(land);
    for (const geometry of Object.values(topology.objects)[0].geometries) {
      const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
      let d = '';
      for (const rings of polygons) {
        for (const indexes of rings) d += ring(indexes).map(([x, y], i) => (i ? 'L' : 'M') + Math.round(x * 10) / 10 + ' ' + Math.round(y * 10) / 10).join('') + 'Z';
      }
      const path = document.createElementNS(ns, 'path');
      path.setAttribute('d', d);
      svg.append(path);
    }
    for (const network of data.networks) {
      if (!network.location) continue;
      const [x, y] = project(network.location.lon, network.location.lat);
      const dot = document.createElementNS(ns, 'circle');
      dot.setAttribute('cx', x);
      dot.setAttribute('cy', y);
      dot.setAttribute('r', 6);
      svg.append(dot);
    }
    document.body.replaceChildren(svg);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return performance.now() - start;
  };
</script>`);

const files = {
  '/widget.js': ['text/javascript', output[0].code],
  '/networks.json': ['application/json', networks],
  '/regions.json': ['application/json', regions],
  // Where the widget looks for the gazetteer: next to its script, as in the package.
  '/data/gebieden-2025.json': ['application/json', JSON.stringify(gebieden)],
  '/widget.html': ['text/html', widgetPage],
  '/baseline.html': ['text/html', baselinePage],
};
const server = createServer((request, response) => {
  const file = files[new URL(request.url, 'http://localhost').pathname];
  response.writeHead(file ? 200 : 404, { 'Content-Type': file?.[0] ?? 'text/plain', 'Cache-Control': 'no-store' });
  response.end(file?.[1] ?? 'not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function measure(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const tab = await context.newPage();
  tab.setDefaultTimeout(20_000);
  await tab.goto(`${origin}/${name}.html`);
  await tab.waitForFunction(() => typeof window.measure === 'function');
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await tab.evaluate(() => window.measure()));
    await tab.evaluate(() => document.body.replaceChildren());
  }
  await context.close();
  return times;
}

try {
  // One warm-up each, so both sides start with a compiled script and a warm server.
  await measure('baseline');
  await measure('widget');
  const baseline = await measure('baseline');
  const widget = await measure('widget');
  const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  const row = (label, times) =>
    `${label.padEnd(34)}${median(times).toFixed(1).padStart(9)}${Math.min(...times).toFixed(1).padStart(9)}${Math.max(...times).toFixed(1).padStart(9)}`;
  console.log(`First render, the ${regionCount} CBS gemeente boundaries (${(regions.length / 1024).toFixed(0)} KiB TopoJSON) and 100 networks, ${runs} runs, ms`);
  console.log(`${''.padEnd(34)}${'median'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}`);
  console.log(row('baseline (fetch + plain SVG paths)', baseline));
  console.log(row('<ouder-netwerkkaart>', widget));
  console.log(`widget / baseline (median): ${(median(widget) / median(baseline)).toFixed(2)}×`);
} finally {
  await browser.close();
  server.close();
  clearTimeout(limit);
}
