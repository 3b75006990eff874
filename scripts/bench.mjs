// Two sets of figures, in Chromium, from the CDN build in dist/ (run `npm run build:widgets` first):
//
// 1. First render of each widget next to a bare Lit element that renders the same native
//    controls (the widget's own rendered markup as one static Lit template). A widget is timed
//    from being added to the page (with its `definition` property, so no network) to
//    `ouder-ready`; the bare element from being added to its first `updateComplete`.
// 2. A Dutch poll's first render on a slow phone: CDP network emulation (1.6 Mbps down, 750 kbps
//    up, 150 ms round trip, no cache) and the CPU 4× slower, from navigation to `ouder-ready`, for
//    the three ways to load it: dist/ouderstem.js (the loader: one more round trip, fewer bytes),
//    dist/ouderstem.all.js (one file, everything) and the single widget entry as an application's
//    bundler ships it (`ouderstem/peiling`, one file for a Dutch page). Files go out brotli-compressed.
//
//   npm run bench [-- --runs 30 --slow-runs 5]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { brotliCompressSync, constants } from 'node:zlib';
import { plugins } from '../rollup.config.mjs';
import { hostPage, htmlRoute, launchBrowser, root, startStaticServer } from '../test/e2e/harness.mjs';
import { presentWidgets } from '../test/e2e/widgets.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, 'slow-runs': { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const slowRuns = Number(values['slow-runs']);

const demo = (file) => JSON.parse(readFileSync(join(root, 'server/content/demo', file), 'utf8'));
const definitions = {
  peiling: demo('peiling-ouderbetrokkenheid.json'),
  meedenksessie: demo('meedenksessies-2027.json'),
  ervaring: demo('ervaring.json'),
  netwerkkaart: demo('networks.json'),
};

/** A bare Lit element that renders a given piece of markup as a static template, with the widget's styles. */
const bare = await build({
  stdin: {
    contents: `
      import { LitElement } from 'lit';
      import { html, unsafeStatic } from 'lit/static-html.js';
      class BareElement extends LitElement {
        static properties = { markup: { attribute: false } };
        createRenderRoot() {
          const root = super.createRenderRoot();
          if (this.sheets) root.adoptedStyleSheets = this.sheets;
          return root;
        }
        render() { return html\`\${unsafeStatic(this.markup ?? '')}\`; }
      }
      customElements.define('bare-element', BareElement);`,
    resolveDir: root,
    loader: 'js',
  },
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  conditions: ['production'],
});

/** `ouderstem/peiling` bundled with Lit as an application's bundler would: the entry, and its language chunks beside it. */
const single = await rollup({ input: 'src/peiling/index.ts', plugins: plugins({ minify: true }), onwarn: () => {} });
const singleFiles = (await single.generate({ format: 'es' })).output.filter((file) => file.type === 'chunk');
await single.close();

/** Serves JavaScript compressed once, as the static files are (compressing on every request would slow the server down). */
const javascript = (code) => {
  const brotli = brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return (request, response) => {
    const compress = /\bbr\b/.test(request.headers['accept-encoding'] ?? '');
    response.writeHead(200, { 'Content-Type': 'text/javascript', ...(compress ? { 'Content-Encoding': 'br' } : {}) });
    response.end(compress ? brotli : code);
  };
};
const poll = '<ouder-peiling src="/bench/peiling.json" storage="none"><p>Doe mee op <a href="/elders">deze pagina</a>.</p></ouder-peiling>';
const ways = [
  { name: 'dist/ouderstem.js (loader)', page: 'loader', script: '/ouderstem.js' },
  { name: 'dist/ouderstem.all.js (one file)', page: 'all', script: '/ouderstem.all.js' },
  { name: 'ouderstem/peiling (single widget entry)', page: 'single', script: `/single/${singleFiles.find((file) => file.isEntry).fileName}` },
];

const widgets = presentWidgets();
const routes = {
  '/bench.html': htmlRoute(hostPage('<div id="stage"></div>', { head: '<script type="module" src="/bare.js"></script>', script: '/ouderstem.all.js' })),
  '/bare.js': javascript(bare.outputFiles[0].contents),
  '/bench/peiling.json': (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(definitions.peiling));
  },
};
for (const file of singleFiles) routes[`/single/${file.fileName}`] = javascript(file.code);
for (const way of ways) routes[`/slow/${way.page}.html`] = htmlRoute(hostPage(poll, { script: way.script }));
const server = await startStaticServer(join(root, 'dist'), { routes, compress: true });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/bench.html`);
  await page.waitForFunction(() => customElements.get('bare-element') && customElements.get('ouder-peiling'));
  const rows = [];
  for (const widget of widgets) {
    const result = await page.evaluate(
      async ({ tag, definition, runs }) => {
        const stage = document.getElementById('stage');
        const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
        const widgetTimes = [];
        let markup = '';
        let sheets = [];
        for (let i = 0; i < runs; i++) {
          stage.replaceChildren();
          await frame();
          const element = document.createElement(tag);
          element.setAttribute('endpoint', '/bench/none');
          element.setAttribute('storage', 'none');
          element.definition = structuredClone(definition);
          const ready = new Promise((resolve) => element.addEventListener('ouder-ready', resolve, { once: true }));
          const start = performance.now();
          stage.append(element);
          await ready;
          await element.updateComplete;
          widgetTimes.push(performance.now() - start);
          markup = element.shadowRoot.innerHTML.replace(/<!--[^>]*-->/g, '');
          sheets = element.shadowRoot.adoptedStyleSheets;
        }
        const bareTimes = [];
        for (let i = 0; i < runs; i++) {
          stage.replaceChildren();
          await frame();
          const element = document.createElement('bare-element');
          element.sheets = sheets;
          // A fresh string each run, so every run compiles its template like a first render does.
          element.markup = `${markup}<!-- ${i} -->`;
          const start = performance.now();
          stage.append(element);
          await element.updateComplete;
          bareTimes.push(performance.now() - start);
        }
        stage.replaceChildren();
        const controls = (markup.match(/<(input|select|textarea|button)\b/g) ?? []).length;
        return { widget: median(widgetTimes), first: widgetTimes[0], bare: median(bareTimes), bareFirst: bareTimes[0], controls };
      },
      { tag: widget.tag, definition: definitions[widget.name], runs },
    );
    rows.push({
      widget: `<${widget.tag}>`,
      controls: result.controls,
      'first ms': result.first.toFixed(2),
      'median ms': result.widget.toFixed(2),
      'bare Lit first ms': result.bareFirst.toFixed(2),
      'bare Lit median ms': result.bare.toFixed(2),
      'widget / bare': (result.widget / result.bare).toFixed(1),
    });
  }
  console.log(`\nFirst render in Chromium (${runs} runs each, median; dist/ouderstem.all.js)\n`);
  console.table(rows);

  // One run of each way in turn, so that a busy moment of the machine does not fall on one way only.
  const measured = new Map(ways.map((way) => [way, { times: [], files: 0, bytes: 0 }]));
  for (let run = 0; run < slowRuns; run++) {
    for (const way of ways) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const sizes = [];
      tab.on('requestfinished', (request) => {
        if (request.resourceType() === 'script') sizes.push(request.sizes().then((size) => size.responseBodySize));
      });
      await tab.addInitScript(() => {
        document.addEventListener('ouder-ready', () => (window.__ready = performance.now()), { once: true });
      });
      await tab.goto(`${server.url}/slow/${way.page}.html`);
      await tab.waitForFunction(() => window.__ready !== undefined, undefined, { timeout: 60_000 });
      const result = measured.get(way);
      result.times.push(await tab.evaluate(() => window.__ready));
      await tab.waitForLoadState('networkidle');
      const bytes = await Promise.all(sizes);
      result.files = bytes.length;
      result.bytes = bytes.reduce((total, size) => total + size, 0);
      await context.close();
    }
  }
  const slow = ways.map((way) => {
    const { times, files, bytes } = measured.get(way);
    const sorted = [...times].sort((a, b) => a - b);
    return {
      'a Dutch <ouder-peiling> with': way.name,
      'JS files': files,
      'JS KiB (brotli)': (bytes / 1024).toFixed(1),
      'median ms to ouder-ready': Math.round(sorted[Math.floor(sorted.length / 2)]),
      'fastest ms': Math.round(sorted[0]),
      'slowest ms': Math.round(sorted.at(-1)),
    };
  });
  console.log(`\nFirst render on a slow phone (1.6 Mbps, 150 ms round trip, CPU 4× slower; ${slowRuns} runs each, from navigation to ouder-ready)\n`);
  console.table(slow);
} finally {
  await browser.close();
  await server.stop();
}
