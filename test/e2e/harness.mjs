// Shared pieces of the end-to-end tests: the real reference server on a free loopback port with
// a fresh data directory, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';

export const root = new URL('../../', import.meta.url).pathname;
export const exportToken = 'e2e-export-token-0123456789';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts `ouderstem-server` with the demo content, the demo page and the built widgets.
 * `content` and `statics` replace the demo's folders; `env` is added (e.g. a `DATABASE_URL`).
 */
export async function startServer({ port, data, content, statics, env = {} } = {}) {
  port ??= await freePort();
  data ??= mkdtempSync(join(tmpdir(), 'ouderstem-e2e-'));
  content ??= join(root, 'server/content/demo');
  statics ??= [join(root, 'demo'), join(root, 'dist')];
  const child = spawn(
    process.execPath,
    [
      join(root, 'server/bin/ouderstem-server.js'),
      '--host', '127.0.0.1',
      '--port', String(port),
      '--data', data,
      '--content', content,
      ...statics.flatMap((dir) => ['--static', dir]),
      // Every test content is the demo's or a copy of it: --demo rolls its dates forward once they
      // pass (server/src/demo-dates.ts); the explicit --content and --static still win.
      '--demo',
    ],
    {
      env: { ...process.env, DATABASE_URL: '', OUDERSTEM_EXPORT_TOKEN: exportToken, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  // 90 s: on a busy 2-core machine PGlite's first initdb alone takes 15 s, before the migrations, and a
  // start under heavy load has been seen to take 82 s.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL'); // else its open pipes keep the test process waiting for minutes
      throw new Error(`server did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    data,
    log: () => log,
    /** True while the process runs. */
    alive: () => child.exitCode === null && child.signalCode === null,
    /** SIGTERM, as a process manager stops it; SIGKILL (and the log, to see why) if it has not gone in 15 s. */
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        console.error(`server on port ${port} did not stop within 15 s; killing it. Its log ends:\n${log.slice(-3000)}`);
        child.kill('SIGKILL');
      }, 15_000);
      await exited;
      clearTimeout(timer);
    },
    cleanUp() {
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** The CSV export of a form, through the coordinators' HTTP route, read as Excel would: one object per row, by column header. */
export async function exportRows(url, formId) {
  const response = await fetch(`${url}/api/export/${formId}`, { headers: { Authorization: `Bearer ${exportToken}` } });
  if (!response.ok) throw new Error(`export ${formId}: ${response.status}`);
  return parseCsv(await response.text(), { bom: true, delimiter: ';', columns: true });
}

/**
 * Waits until the console's set-up page shows its form, and fails with what the page shows and
 * what the server printed when it does not (CI saw it not come twice, with no trace of why).
 */
export async function setupFormShown(page, server) {
  try {
    await page.locator('beheer-setup form, beheer-setup .notice').first().waitFor({ timeout: 60_000 });
  } catch (error) {
    throw new Error(`the set-up page shows no form after 60 s; it shows: "${await page.locator('body').innerText()}"\nthe server printed:\n${server.log().slice(-4000)}`, { cause: error });
  }
  const notice = page.locator('beheer-setup .notice');
  if (await notice.count()) throw new Error(`the set-up page refuses the printed link: "${await notice.innerText()}"\nthe server printed:\n${server.log().slice(-4000)}`);
}

/** Whether some cell of an exported row holds `text`. */
export function rowHas(row, text) {
  return Object.values(row).some((cell) => cell.includes(text));
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromePath, headless: true, args: chromeArgs });
}

/** A click at a person's pace: a real `page.mouse` press in the middle of `locator`, released 100 ms later. */
export async function humanClick(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
}

/**
 * Answers whatever form has focus next with the keyboard only, as a parent with no mouse would:
 * Space on the first radio of a group and on checkboxes, text into text fields, until the
 * button `stopAt` has focus.
 */
export async function answerWithKeyboard(page, stopAt, { maxTabs = 60 } = {}) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active ? { tag: active.tagName, type: active.getAttribute('type'), text: active.textContent?.trim() } : null;
    });
    if (!focused) continue;
    if (focused.tag === 'BUTTON' && stopAt.test(focused.text ?? '')) return focused.text;
    if (focused.tag === 'INPUT' && (focused.type === 'radio' || focused.type === 'checkbox')) await page.keyboard.press('Space');
    else if (focused.tag === 'TEXTAREA' || (focused.tag === 'INPUT' && (focused.type === 'text' || !focused.type))) {
      await page.keyboard.type('Meer uitleg over de plannen, graag.');
    }
  }
  throw new Error(`no button matching ${stopAt} reached with the keyboard`);
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * A copy of the demo content in a temporary folder, with `config` merged into its config.json
 * (e.g. a higher rate limit for tests that send many submissions) and `files` added or replaced.
 */
export function contentDir({ config = {}, files = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ouderstem-content-'));
  cpSync(join(root, 'server/content/demo'), dir, { recursive: true });
  const current = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...current, ...config }, null, 2));
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
  return dir;
}

/** Sends a buffered request on to `target` (with its own Host header, so the server sees the page's origin). */
export function forward(target, request, body) {
  const { hostname, port } = new URL(target);
  return new Promise((resolve, reject) => {
    const upstream = httpRequest({ hostname, port, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/** Writes an answer from `forward()` back to the browser. */
export function relay(response, answer) {
  const headers = { ...answer.headers };
  delete headers['transfer-encoding'];
  delete headers.connection;
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

/** Files compressed once, as a host that serves pre-compressed files (brotli at its best) sends them. */
const compressed = new Map();
function brotliOf(file) {
  const key = `${file} ${statSync(file).mtimeMs}`;
  if (!compressed.has(key)) {
    compressed.set(key, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return compressed.get(key);
}

/**
 * A tiny server on loopback for host pages. In order: `routes` (path → `(request, response) => void`);
 * paths under `/api/` go to `api({ request, response, body })` (it returns true when it answered
 * itself) and otherwise on to `target` (the reference server); then files from `dirs`, first match
 * wins. `headers` go on every answer (e.g. a Content-Security-Policy). With `compress`, files go
 * out brotli-compressed to a browser that accepts it.
 */
export async function startStaticServer(dirs, { headers = {}, routes = {}, target, api, compress = false } = {}) {
  const folders = [dirs].flat();
  const server = createHttpServer(async (request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (routes[path]) return routes[path](request, response);
    if (target && path.startsWith('/api/')) {
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      const body = Buffer.concat(chunks);
      try {
        if (api && (await api({ request, response, body }))) return;
        relay(response, await forward(target, request, body));
      } catch (error) {
        if (!response.headersSent) sendJson(response, 502, { errors: [{ code: 'proxy', message: String(error) }] });
      }
      return;
    }
    // The shipped CBS data, where a widget looks for it beside /ouderstem.js (as the reference server serves it).
    for (const folder of path.startsWith('/data/') ? [...folders, root] : folders) {
      const file = join(folder, normalize(path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) continue;
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      if (compress && /\bbr\b/.test(request.headers['accept-encoding'] ?? '') && /text|json|svg/.test(type)) {
        response.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'br', Vary: 'Accept-Encoding' });
        return response.end(brotliOf(file));
      }
      response.writeHead(200, { 'Content-Type': type });
      return response.end(readFileSync(file));
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.keepAliveTimeout = 500;
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((resolve) => server.close(resolve).closeAllConnections()),
  };
}

/** A host page: `body` inside a minimal HTML document that loads the CDN build (`script`: the loader, or another file). */
export function hostPage(body, { lang = 'nl', head = '', htmlAttributes = '', script = '/ouderstem.js' } = {}) {
  return `<!doctype html>
<html lang="${lang}" ${htmlAttributes}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ouderstem test page</title>
${head}
<script type="module" src="${script}"></script>
</head>
<body>
<main>
<h1>Ouderstem test page</h1>
${body}
</main>
</body>
</html>`;
}

/** Serves a string as an HTML page. */
export const htmlRoute = (html) => (_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(html);
};

/** Answers with JSON. */
export function sendJson(response, status, body, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

/** Resolves when `condition()` (sync or async) is truthy; fails with `message` after `timeout` ms. */
export async function until(condition, { timeout = 10_000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Waits until every widget on the page has rendered and its shadow DOM stopped changing. */
export async function settle(page, tags, { quiet = 400, timeout = 8_000 } = {}) {
  await page.waitForFunction((tags) => tags.some((tag) => document.querySelector(tag)?.shadowRoot), tags, { timeout });
  const deadline = Date.now() + timeout;
  let last = '';
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const now = await page.evaluate(async (tags) => {
      const hosts = tags.flatMap((tag) => [...document.querySelectorAll(tag)]);
      await Promise.all(hosts.map((host) => host.updateComplete));
      return hosts.map((host) => host.shadowRoot?.innerHTML ?? '').join('\n');
    }, tags);
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quiet) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What every widget's shadow root must get right, whatever state it is in:
 * - every id in `for`, `aria-labelledby`, `aria-describedby` (and `aria-controls`) resolves in the same root;
 * - nothing sticks out sideways at the current width;
 * - every visible interactive control is at least 24×24 CSS px (WCAG 2.5.8; links inside running text are exempt).
 * Returns a list of problems, each a readable sentence.
 */
export function widgetProblems(page, tags, { minTarget = 24, pageScroll = true } = {}) {
  return page.evaluate(
    ({ tags, minTarget, pageScroll }) => {
      const problems = [];
      const width = document.documentElement.clientWidth;
      if (pageScroll && document.scrollingElement.scrollWidth > width + 1) {
        problems.push(`the page scrolls sideways: ${document.scrollingElement.scrollWidth} px content in ${width} px`);
      }
      const describe = (el) => {
        const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `<${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}>${text ? ` "${text}"` : ''}`;
      };
      const hidden = (el) => !!el.closest('[aria-hidden="true"], .visually-hidden, .honeypot, [hidden]');
      const visible = (el) => {
        const rect = el.getBoundingClientRect();
        return rect.width > 0 && rect.height > 0 && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      };
      for (const tag of tags) {
        for (const host of document.querySelectorAll(tag)) {
          const root = host.shadowRoot;
          if (!root) {
            problems.push(`<${tag}> has no shadow root`);
            continue;
          }
          for (const el of root.querySelectorAll('[for], [aria-labelledby], [aria-describedby], [aria-controls], [aria-activedescendant]')) {
            for (const attribute of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-activedescendant']) {
              const value = el.getAttribute(attribute);
              if (value === null) continue;
              for (const id of value.split(/\s+/).filter(Boolean)) {
                if (!root.getElementById(id)) problems.push(`<${tag}> ${describe(el)} ${attribute}="${id}" names no element in its shadow root`);
              }
            }
          }
          const hostRect = host.getBoundingClientRect();
          if (hostRect.right > width + 1 || hostRect.left < -1) {
            problems.push(`<${tag}> itself spans ${Math.round(hostRect.left)}…${Math.round(hostRect.right)} px in a ${width} px viewport`);
          }
          let outside = 0;
          for (const el of root.querySelectorAll('*')) {
            if (hidden(el) || !visible(el)) continue;
            const rect = el.getBoundingClientRect();
            // The first few are enough to find the cause; their descendants stick out too.
            if (rect.width > 1 && (rect.right > width + 1 || rect.left < -1) && outside++ < 3) {
              problems.push(`<${tag}> ${describe(el)} sticks out sideways (${Math.round(rect.left)}…${Math.round(rect.right)} px of ${width})`);
            }
            const style = getComputedStyle(el);
            if (/(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.localName !== 'textarea') {
              problems.push(`<${tag}> ${describe(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth})`);
            }
          }
          const interactive = root.querySelectorAll(
            'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="option"], [tabindex]:not([tabindex="-1"])',
          );
          for (const el of interactive) {
            if (hidden(el) || !visible(el) || el.disabled) continue;
            const style = getComputedStyle(el);
            // WCAG 2.5.8 "inline" exception: a link in a sentence is sized by the text's line height.
            if (el.localName === 'a' && style.display === 'inline') continue;
            const rect = el.getBoundingClientRect();
            if (rect.width < minTarget - 0.5 || rect.height < minTarget - 0.5) {
              problems.push(`<${tag}> ${describe(el)} is ${rect.width.toFixed(1)}×${rect.height.toFixed(1)} px, smaller than ${minTarget}×${minTarget}`);
            }
          }
        }
      }
      return [...new Set(problems)];
    },
    { tags, minTarget, pageScroll },
  );
}
