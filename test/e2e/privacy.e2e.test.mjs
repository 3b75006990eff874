// Privacy by default, checked during a full run through every widget against the real server:
// requests only to the page's origin, no cookies, and only documented `ouderstem:` storage keys.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hostPage, launchBrowser, root, startServer } from './harness.mjs';
import { presentWidgets, submitButton, widgetMarkup, widgetOn } from './widgets.mjs';

const widgets = presentWidgets();

/**
 * The storage keys the README and docs/*.md document, as patterns: `ouderstem:draft:<formId>`
 * becomes /^ouderstem:draft:[^:]+$/.
 */
function documentedKeys() {
  const files = [join(root, 'README.md'), ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'docs', f))];
  const keys = new Set();
  for (const file of files) for (const [, key] of readFileSync(file, 'utf8').matchAll(/`(ouderstem:[^`\s]+)`/g)) keys.add(key);
  return [...keys].map((key) => ({
    key,
    pattern: new RegExp(`^${key.split(/<[^>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^:]+')}$`),
  }));
}

/** Uses every widget on the page as a parent would, to the end: sent, or a network shown on the map. */
async function useEveryWidget(page) {
  for (const widget of widgets) {
    const element = widgetOn(page, widget);
    if (!widget.form) {
      await element.locator('#place').waitFor();
      await widget.explore(element);
      continue;
    }
    await element.locator('form[part="form"]').waitFor();
    await widget.fill(element, `Privacy-run van ${widget.name}: alles blijft op deze server.`);
    await submitButton(element).click();
    await element.locator('.panel--success').waitFor({ timeout: 20_000 });
  }
}

/** Every Web Storage key the page holds, per storage area. */
const storageKeys = (page) =>
  page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));

describe('privacy during a full run through every widget', () => {
  let browser;
  let server;
  let pages;
  before(async () => {
    browser = await launchBrowser();
    // A page with every widget set to storage="none", next to the demo page.
    pages = mkdtempSync(join(tmpdir(), 'ouderstem-privacy-'));
    writeFileSync(join(pages, 'no-storage.html'), hostPage(widgets.map((widget) => widgetMarkup(widget, 'storage="none"')).join('\n')));
    server = await startServer({ statics: [pages, join(root, 'demo'), join(root, 'dist')] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanUp();
    rmSync(pages, { recursive: true, force: true });
  });

  it('the demo page: only its own origin, no cookies, only documented ouderstem: keys', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const requests = [];
      context.on('request', (request) => requests.push(request.url()));
      await page.goto(`${server.url}/`);
      await useEveryWidget(page);
      await page.reload();
      await page.waitForLoadState('networkidle');

      assert.ok(requests.length > 0);
      assert.deepEqual(requests.filter((url) => new URL(url).origin !== server.url), [], 'requests to another origin');
      assert.equal(await page.evaluate(() => document.cookie), '');
      assert.deepEqual(await context.cookies(), []);

      const documented = documentedKeys();
      assert.ok(documented.length > 0, 'the README documents the storage keys');
      const { local, session } = await storageKeys(page);
      for (const key of [...local, ...session]) {
        assert.ok(key.startsWith('ouderstem:'), `${key} does not start with ouderstem:`);
        assert.ok(documented.some(({ pattern }) => pattern.test(key)), `${key} is not documented (documented: ${documented.map((d) => d.key).join(', ')})`);
      }
      assert.ok(!local.includes('ouderstem:outbox'), 'the outbox is removed once everything is sent');
      assert.ok(!session.some((key) => key.startsWith('ouderstem:draft:')), 'a draft is removed after sending');
    } finally {
      await context.close();
    }
  });

  it('storage="none": the same run leaves no key at all, and no cookie', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const requests = [];
      context.on('request', (request) => requests.push(request.url()));
      await page.goto(`${server.url}/no-storage.html`);
      await useEveryWidget(page);
      assert.deepEqual(await storageKeys(page), { local: [], session: [] });
      assert.deepEqual(requests.filter((url) => new URL(url).origin !== server.url), []);
      assert.deepEqual(await context.cookies(), []);
    } finally {
      await context.close();
    }
  });
});
