// The server as `npm start` runs it on a fresh data folder: the set-up link on stdout works, and
// every form's hosted page (/f/:id) is accessible in Chromium (axe on the whole page, violations AND
// incomplete) at 1024 and 320 px, in each of its languages, under its own strict CSP with no
// violation, no cookie and no request to another site.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, root, settle, startServer, widgetProblems } from './harness.mjs';

const axePath = join(root, 'node_modules/axe-core/axe.min.js');
const TAGS = ['ouder-peiling', 'ouder-meedenksessie', 'ouder-ervaring'];
const PAGES = [
  ['ouderbetrokkenheid-2027', 'nl'],
  ['ouderbetrokkenheid-2027', 'en'],
  ['meedenksessies-2027', 'nl'],
  ['deel-je-ervaring', 'nl'],
];

describe('npm start and the hosted form pages', () => {
  let browser, server;
  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanUp();
  });

  it('prints a one-time set-up link for the demo organisation on stdout', async () => {
    const line = server.log().split('\n').find((text) => text.startsWith('Beheer: maak de eerste beheerder aan via '));
    assert.ok(line, server.log().slice(0, 2000));
    const link = new URL(/(http\S+\/beheer\/setup\/[\w-]+)/.exec(line)[1]);
    assert.equal(link.origin, server.url);
    const token = link.pathname.split('/').pop();
    const info = await fetch(`${server.url}/beheer/api/setup/${token}`);
    assert.equal(info.status, 200);
    assert.deepEqual(await info.json(), { organisation: { name: 'Demo-organisatie Ouderstem' }, user: null });
  });

  for (const [id, lang] of PAGES) {
    it(`/f/${id}?lang=${lang}: axe clean, nothing sideways at 320 px, no CSP violation, no cookie, nothing from elsewhere`, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      try {
        const page = await context.newPage();
        const problems = [];
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => /Content Security Policy|Trusted Type/i.test(message.text()) && problems.push(`console: ${message.text()}`));
        page.on('request', (request) => !request.url().startsWith(server.url) && problems.push(`request to ${request.url()}`));
        await page.addInitScript(() => {
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
        });
        await page.goto(`${server.url}/f/${id}?lang=${lang}`);
        await settle(page, TAGS);
        const tags = await page.evaluate((tags) => tags.filter((tag) => document.querySelector(tag)), TAGS);
        assert.equal(tags.length, 1, 'the page has its widget');
        assert.equal(await page.locator(`${tags[0]} form`).count() + (await page.locator(`${tags[0]} fieldset`).count()) > 0, true, 'the form itself loaded, not its fallback');
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.ok(await page.getByRole('heading', { level: 1, name: 'Demo-organisatie Ouderstem' }).isVisible());

        problems.push(...(await page.evaluate(() => window.__violations)).map((violation) => `CSP: ${violation}`));
        assert.deepEqual(await context.cookies(), []);

        // axe itself writes script and markup the page's Trusted Types forbid (rightly): it runs in a
        // second tab that ignores the CSP, which the first tab has already held the page to.
        const audit = await browser.newContext({ viewport: { width: 1024, height: 800 }, bypassCSP: true });
        try {
          const tab = await audit.newPage();
          await tab.goto(`${server.url}/f/${id}?lang=${lang}`);
          await settle(tab, tags);
          await tab.addScriptTag({ path: axePath });
          for (const width of [1024, 320]) {
            await tab.setViewportSize({ width, height: 800 });
            await settle(tab, tags);
            const results = await tab.evaluate(() =>
              window.axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                resultTypes: ['violations', 'incomplete'],
              }),
            );
            for (const [kind, list] of [['violation', results.violations], ['needs review', results.incomplete]]) {
              for (const result of list) problems.push(`at ${width} px, ${kind}: ${result.id} (${result.nodes.map((node) => node.target.join(' ')).join(', ')})`);
            }
            problems.push(...(await widgetProblems(tab, tags)).map((problem) => `at ${width} px: ${problem}`));
          }
        } finally {
          await audit.close();
        }
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  it('a form that does not exist gets a plain page in the parent\'s language', async () => {
    const response = await fetch(`${server.url}/f/bestaat-niet?lang=en`);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /<h1>This form is not available<\/h1>/);
  });
});
