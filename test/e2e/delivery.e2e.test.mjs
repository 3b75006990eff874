// dist/ouderstem.js, the loader, in Chromium: what pages fetch (every JavaScript response added
// up, brotli as a host with pre-compressed files sends it), and that the load path holds up: a
// chunk that fails, two copies of the loader, elements that appear later, a page in another
// language. The file-based figures are `npm run size`; these are what a browser really fetched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { budgets, ceilings } from '../../scripts/entries.mjs';
import { htmlRoute, launchBrowser, root, startStaticServer, until } from './harness.mjs';
import { presentWidgets } from './widgets.mjs';

const widgets = presentWidgets();
const fixture = (name) => readFileSync(join(root, 'test/fixtures', `${name}.json`));
const definitions = {
  peiling: fixture('peiling-short'),
  meedenksessie: fixture('meedenksessie'),
  ervaring: fixture('ervaring'),
  netwerkkaart: fixture('netwerkkaart'),
};
const fallback = '<p class="fallback">Doe mee op <a href="/elders">deze pagina</a>.</p>';
const markup = (widget, attributes = '') => `<${widget.tag} src="/definitions/${widget.name}.json" storage="none" ${attributes}>${fallback}</${widget.tag}>`;
const page = (body, { lang = 'nl', head = '<script type="module" src="/ouderstem.js"></script>' } = {}) =>
  htmlRoute(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Ouderstem</title>${head}</head><body><main><h1>Ouderstem</h1>${body}</main></body></html>`);

/** The chunks the build made for the loader: per element its files, per widget and language its chunk. */
const chunkList = () => JSON.parse(readFileSync(join(root, 'dist/ouderstem/chunks.json'), 'utf8'));

/** Serves a file of dist/ after answering 503 `failures` times: a chunk that does not arrive. */
function failing(path, failures) {
  let left = failures;
  return (_request, response) => {
    if (left-- > 0) {
      response.writeHead(503, { 'Content-Type': 'text/plain' });
      return response.end('busy');
    }
    response.writeHead(200, { 'Content-Type': 'text/javascript' });
    response.end(readFileSync(join(root, 'dist', path)));
  };
}

describe('dist/ouderstem.js, the loader', () => {
  let browser;
  let host;
  const routes = {};
  before(async () => {
    browser = await launchBrowser();
    for (const [name, json] of Object.entries(definitions)) {
      routes[`/definitions/${name}.json`] = (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(json);
      };
    }
    // The browser asks for one; a 404 of it would be the only error on the console.
    routes['/favicon.ico'] = (_request, response) => response.writeHead(204).end();
    host = await startStaticServer(join(root, 'dist'), { routes, compress: true });
  });
  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  /**
   * Opens a page. Collects what it requests (path → times), its JavaScript responses (encoded
   * body sizes, once `done()` has waited for them), console warnings and errors, page errors,
   * and counts `ouder-ready` events in `window.__ready`.
   */
  async function open(path) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const requested = new Map();
    const pending = [];
    const scripts = [];
    const problems = [];
    tab.on('request', (request) => {
      const { pathname } = new URL(request.url());
      requested.set(pathname, (requested.get(pathname) ?? 0) + 1);
    });
    tab.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      pending.push(
        (async () => {
          const response = await request.response();
          if (response?.ok()) scripts.push({ path: new URL(request.url()).pathname, bytes: (await request.sizes()).responseBodySize });
        })(),
      );
    });
    tab.on('console', (message) => ['warning', 'error'].includes(message.type()) && problems.push(`${message.type()}: ${message.text()}`));
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await tab.addInitScript(() => {
      window.__ready = 0;
      document.addEventListener('ouder-ready', () => window.__ready++);
    });
    await tab.goto(`${host.url}${path}`);
    /** Waits until the network is quiet and every response is measured. */
    const done = async () => {
      await tab.waitForLoadState('networkidle');
      await Promise.all(pending);
    };
    return { context, tab, requested, scripts, problems, done };
  }

  const kib = (scripts) => scripts.reduce((total, script) => total + script.bytes, 0) / 1024;
  const report = (name, key, scripts) => {
    const size = kib(scripts);
    console.log(`${name}: ${scripts.length} JavaScript files, ${size.toFixed(2)} KiB brotli as fetched (budget ${budgets[key] ?? '-'}, ceiling ${ceilings[key] ?? '-'})`);
    return size;
  };

  it('a page with one Dutch poll fetches the loader, the poll and the core it uses, nothing else', async () => {
    routes['/one-poll.html'] = page(markup(widgets[0]));
    const { context, tab, scripts, problems, done } = await open('/one-poll.html');
    try {
      await tab.locator('ouder-peiling form').waitFor();
      await done();
      const { elements } = chunkList();
      const expected = ['/ouderstem.js', ...elements['ouder-peiling'].files.map((file) => `/ouderstem/${file}`)];
      assert.deepEqual(scripts.map((script) => script.path).sort(), expected.sort(), 'exactly the poll and what it imports');
      const size = report('one Dutch <ouder-peiling>', 'page: one poll', scripts);
      assert.ok(size <= ceilings['page: one poll'], `${size.toFixed(2)} KiB is more than the ceiling`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it(`a page with all ${widgets.length} widgets fetches each chunk once`, async () => {
    routes['/all.html'] = page(widgets.map((widget) => markup(widget)).join('\n'));
    const { context, tab, scripts, problems, done } = await open('/all.html');
    try {
      await tab.waitForFunction((count) => window.__ready === count, widgets.length);
      await done();
      const paths = scripts.map((script) => script.path);
      assert.equal(new Set(paths).size, paths.length, `a chunk was fetched twice: ${paths.join(', ')}`);
      const languageChunks = new Set(Object.values(chunkList().languages).flatMap((files) => Object.values(files).map((file) => `/ouderstem/${file}`)));
      assert.deepEqual(paths.filter((path) => languageChunks.has(path)), [], 'no language chunk on a Dutch page');
      const size = report(`all ${widgets.length} widgets, Dutch`, widgets.length === 4 ? 'page: all four' : undefined, scripts);
      if (widgets.length === 4) assert.ok(size <= ceilings['page: all four'], `${size.toFixed(2)} KiB is more than the ceiling`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('a poll on an Arabic page loads the Arabic chunks of the texts it shows, no other language, and renders right-to-left', async () => {
    routes['/arabic.html'] = page(markup(widgets[0]), { lang: 'ar' });
    const { context, tab, scripts, problems, done } = await open('/arabic.html');
    try {
      const poll = tab.locator('ouder-peiling');
      await poll.locator('form').waitFor();
      await done();
      const { elements, languages } = chunkList();
      const paths = scripts.map((script) => script.path);
      const texts = elements['ouder-peiling'].texts;
      assert.ok(texts.includes('peiling') && texts.includes('core'), `the poll shows its own texts and the core's: ${texts}`);
      for (const owner of texts) assert.ok(paths.includes(`/ouderstem/${languages[owner].ar}`), `${owner}'s Arabic chunk was fetched`);
      assert.ok(!paths.some((path) => /\.en-/.test(path)), 'no English chunk');
      assert.equal(paths.filter((path) => /\.ar-/.test(path)).length, texts.length, 'one Arabic chunk per set of texts the poll shows');
      assert.equal(await poll.locator('.root').getAttribute('dir'), 'rtl');
      assert.match(await poll.locator('button[type="submit"]').innerText(), /إرسال/);
      report('one <ouder-peiling> in Arabic', undefined, scripts);
      for (const path of paths.filter((path) => /\.ar-/.test(path))) {
        const size = scripts.find((script) => script.path === path).bytes / 1024;
        assert.ok(size <= ceilings['language chunk'], `${path}: ${size.toFixed(2)} KiB`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('a poll on a Ukrainian page (<html lang="uk">) renders in Ukrainian after loading only the Ukrainian chunks of its texts', async () => {
    routes['/ukrainian.html'] = page(markup(widgets[0]), { lang: 'uk' });
    const { context, tab, scripts, problems, done } = await open('/ukrainian.html');
    try {
      const poll = tab.locator('ouder-peiling');
      await poll.locator('form').waitFor();
      await done();
      const { elements, languages } = chunkList();
      const languageChunks = new Set(Object.values(languages).flatMap((files) => Object.values(files).map((file) => `/ouderstem/${file}`)));
      const fetched = scripts.map((script) => script.path).filter((path) => languageChunks.has(path));
      const ukrainian = elements['ouder-peiling'].texts.map((owner) => `/ouderstem/${languages[owner].uk}`);
      assert.deepEqual(fetched.sort(), ukrainian.sort(), 'the Ukrainian chunk of each set of texts the poll shows, and no other language');
      assert.equal(await poll.locator('.root').getAttribute('lang'), 'uk');
      assert.equal(await poll.locator('.root').getAttribute('dir'), 'ltr');
      assert.equal(await poll.locator('button[type="submit"]').innerText(), 'Надіслати');
      report('one <ouder-peiling> in Ukrainian', undefined, scripts);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  /** Opens a page with one poll whose own chunk answers 503 `failures` times before it is served. */
  async function withFailingPoll(failures, check) {
    const file = `ouderstem/${chunkList().elements['ouder-peiling'].files[0]}`;
    routes[`/${file}`] = failing(file, failures);
    routes['/failing.html'] = page(markup(widgets[0]));
    const opened = await open('/failing.html');
    try {
      await check({ ...opened, file });
    } finally {
      delete routes[`/${file}`];
      await opened.context.close();
    }
  }

  it('a chunk that fails once is tried again, and the poll appears', () =>
    withFailingPoll(1, async ({ tab, requested, problems, file }) => {
      await tab.locator('ouder-peiling form').waitFor({ timeout: 15_000 });
      assert.equal(requested.get(`/${file}`), 2, 'fetched twice: the failure and the retry');
      assert.deepEqual(problems.filter((problem) => !/status of 503/.test(problem)), [], 'nothing on the console but the failed request itself');
    }));

  it('a chunk that keeps failing leaves the fallback visible, and the console says what could not load', () =>
    withFailingPoll(2, async ({ tab, requested, problems, file }) => {
      await until(() => problems.some((problem) => problem.includes('ouderstem: could not load <ouder-peiling>')), { timeout: 15_000, message: 'the warning' });
      assert.equal(requested.get(`/${file}`), 2, 'tried twice, no more');
      assert.ok(await tab.locator('ouder-peiling p.fallback').isVisible(), "the web editor's text stays");
      assert.equal(await tab.evaluate(() => !!customElements.get('ouder-peiling')), false);
      assert.ok(problems.some((problem) => problem.includes('could not load') && problem.includes(file)), 'the warning names the file');
      assert.deepEqual(problems.filter((problem) => /page error/.test(problem)), []);
    }));

  it('two copies of the loader (the same file twice, and a copy at another address) load and define each element once', async () => {
    const copies = ['/ouderstem.js', '/ouderstem.js?copy=2', '/copy/ouderstem.js']
      .map((src) => `<script type="module" src="${src}"></script>`)
      .join('');
    // The copy lives in another folder, with its own chunks: a second install on the same site.
    routes['/copy/ouderstem.js'] = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(readFileSync(join(root, 'dist/ouderstem.js')));
    };
    routes['/two-loaders.html'] = page(widgets.map((widget) => markup(widget)).join('\n'), { head: copies });
    const context = await browser.newContext();
    const tab = await context.newPage();
    const scripts = [];
    const problems = [];
    tab.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname + new URL(request.url()).search));
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.addInitScript(() => {
      window.__defined = [];
      const define = customElements.define.bind(customElements);
      customElements.define = (name, ...rest) => {
        window.__defined.push(name);
        return define(name, ...rest);
      };
    });
    try {
      await tab.goto(`${host.url}/two-loaders.html`);
      for (const widget of widgets) await tab.locator(`${widget.tag} .root`).first().waitFor();
      await tab.waitForLoadState('networkidle');
      const defined = await tab.evaluate(() => window.__defined);
      assert.deepEqual([...defined].sort(), widgets.map((widget) => widget.tag).sort(), 'each element defined once');
      const chunks = scripts.filter((path) => path.startsWith('/ouderstem/') || path.startsWith('/copy/ouderstem/'));
      assert.equal(new Set(chunks).size, chunks.length, `a chunk was fetched twice: ${chunks.join(', ')}`);
      assert.ok(!chunks.some((path) => path.startsWith('/copy/')), 'the second copy fetched nothing');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('loads what appears later, elements and compatibility <div>s alike, and only then', async () => {
    routes['/later.html'] = page(markup(widgets[0]));
    const { context, tab, requested, problems, done } = await open('/later.html');
    try {
      await tab.locator('ouder-peiling form').waitFor();
      await done();
      const { elements } = chunkList();
      const others = widgets.slice(1);
      for (const widget of others) {
        assert.ok(!requested.has(`/ouderstem/${elements[widget.tag].files[0]}`), `${widget.tag} not fetched before it is on the page`);
      }
      await tab.evaluate(
        ({ others, fallback }) => {
          for (const [index, widget] of others.entries()) {
            const host = document.createElement('div');
            if (index % 2) {
              host.innerHTML = `<${widget.tag} src="/definitions/${widget.name}.json" storage="none">${fallback}</${widget.tag}>`;
            } else {
              host.dataset.ouderstem = widget.name;
              host.dataset.src = `/definitions/${widget.name}.json`;
              host.dataset.storage = 'none';
              host.innerHTML = fallback;
            }
            document.querySelector('main').append(host);
          }
        },
        { others: others.map(({ tag, name }) => ({ tag, name })), fallback },
      );
      for (const widget of others) await tab.locator(`${widget.tag} .root`).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
