// First-render time of each widget next to a bare Lit element that renders the same native
// controls (the widget's own rendered markup as one static Lit template), in one Chromium run.
//
//   npm run bench [-- --runs 30]
//
// A widget is timed from being added to the page (with its `definition` property, so no network)
// to `ouder-ready`; the bare element from being added to its first `updateComplete`. Uses the
// CDN build in dist/ (run `npm run build:widgets` first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { hostPage, htmlRoute, launchBrowser, root, startStaticServer } from '../test/e2e/harness.mjs';
import { presentWidgets } from '../test/e2e/widgets.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = Number(values.runs);

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

const widgets = presentWidgets();
const server = await startStaticServer(join(root, 'dist'), {
  routes: {
    '/bench.html': htmlRoute(hostPage('<div id="stage"></div>', { head: '<script type="module" src="/bare.js"></script>' })),
    '/bare.js': (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(bare.outputFiles[0].contents);
    },
  },
});
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
  console.log(`\nFirst render in Chromium (${runs} runs each, median; dist/ouderstem.js)\n`);
  console.table(rows);
} finally {
  await browser.close();
  await server.stop();
}
