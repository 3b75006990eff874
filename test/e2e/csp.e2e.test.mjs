// Every widget in every state on a host page with a strict Content-Security-Policy and Trusted
// Types enforced: no `unsafe-inline`, no `unsafe-eval`, zero violations.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  contentDir,
  hostPage,
  htmlRoute,
  launchBrowser,
  root,
  sendJson,
  startServer,
  startStaticServer,
  until,
} from './harness.mjs';
import { presentWidgets, submitButton, widgetMarkup, widgetOn } from './widgets.mjs';

/**
 * Lit renders through one Trusted Types policy it names `lit-html` (lit-html.ts:
 * `trustedTypes.createPolicy('lit-html', …)`), so that is the only policy name allowed. Styles
 * arrive as constructed stylesheets (adoptedStyleSheets), which `style-src 'self'` permits.
 */
const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** The same, for a page that loads two bundles (each carries its own Lit and so its own `lit-html` policy). */
const policyForTwoBundles = policy.replace('trusted-types lit-html', "trusted-types lit-html 'allow-duplicates'");

const widgets = presentWidgets();

/** Watches a page for anything the policy blocked: violation events, console reports, thrown TypeErrors. */
async function watchViolations(page) {
  const reports = [];
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) => window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`),
      true,
    );
  });
  page.on('console', (message) => {
    if (/content security policy|trusted ?type|TrustedHTML|TrustedScript/i.test(message.text())) reports.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => reports.push(`page error: ${error.message}`));
  return async () => [...reports, ...(await page.evaluate(() => window.__violations ?? []))];
}

describe('strict CSP with Trusted Types', () => {
  let browser;
  let server;
  let host;
  let content;
  before(async () => {
    browser = await launchBrowser();
    content = contentDir({ config: { rateLimit: { max: 1000, timeWindowSeconds: 60 } } });
    server = await startServer({ content });
    const routes = { '/two-bundles.html': htmlRoute(hostPage(widgets.map((widget) => widgetMarkup(widget)).join('\n'), { head: '<script type="module" src="/ouderstem.js?copy=2"></script>', script: '/ouderstem.all.js' })) };
    for (const widget of widgets) routes[`/${widget.name}.html`] = htmlRoute(hostPage(widgetMarkup(widget)));
    // Every boundary of the shipped CBS data, from data/ beside the script.
    routes['/netwerkkaart-layers.html'] = htmlRoute(
      hostPage(['gemeente', 'jeugdregio', 'provincie', 'ggd'].map((layer) => `<ouder-netwerkkaart endpoint="/api/networks" regions="${layer}"></ouder-netwerkkaart>`).join('\n')),
    );
    // The states before a definition: loading (an answer that never comes), a failed load, a file
    // that is no JSON, and a definition that is wrong.
    const json = (text) => (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(text);
    };
    routes['/states/never.json'] = () => {};
    routes['/states/not-json.json'] = json('<html>niet gevonden</html>');
    routes['/states/wrong.json'] = json('{"type": "onbekend", "id": 7}');
    for (const widget of widgets) {
      const states = ['never', 'missing', 'not-json', 'wrong'].map((name) => widgetMarkup(widget, `src="/states/${name}.json"`));
      routes[`/${widget.name}-states.html`] = htmlRoute(hostPage(states.join('\n')));
    }
    host = await startStaticServer(join(root, 'dist'), {
      headers: { 'Content-Security-Policy': policy },
      routes,
      target: server.url,
      // A text containing WANT-422 gets the server's field-error answer, to show that state too.
      api: ({ request, response, body }) => {
        if (request.method !== 'POST' || !body.includes('WANT-422')) return false;
        const widget = widgets.find((candidate) => request.url === candidate.endpoint);
        sendJson(response, 422, { errors: [{ field: widget.serverField.field, code: 'invalid-format', message: 'Dit klopt niet <b>echt</b> niet.' }] });
        return true;
      },
    });
  });
  after(async () => {
    await browser?.close();
    await host?.stop();
    await server?.stop();
    server?.cleanUp();
    rmSync(content, { recursive: true, force: true });
  });

  it('the host page really enforces the policy (an inline script is blocked and reported)', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const violations = await watchViolations(page);
      await page.goto(`${host.url}/${widgets[0].name}.html`);
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.body.append(script);
      }).catch(() => {});
      await page.waitForTimeout(100);
      assert.ok((await violations()).length > 0, 'an inline script went unreported: the test would see nothing');
      assert.equal(await page.evaluate(() => window.inlineRan), undefined);
    } finally {
      await context.close();
    }
  });

  for (const widget of widgets) {
    it(`<${widget.tag}>: every state, zero violations`, async () => {
      const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
      try {
        const page = await context.newPage();
        const violations = await watchViolations(page);
        await page.goto(`${host.url}/${widget.name}.html`);
        const element = widgetOn(page, widget);
        if (!widget.form) {
          await element.locator('#place').waitFor();
          await widget.explore(element);
          const filter = element.locator('#filter');
          if ((await filter.count()) > 0) await filter.selectOption({ index: 1 });
          assert.deepEqual(await violations(), []);
          return;
        }
        await element.locator('form[part="form"]').waitFor();
        // Client-side validation: the error summary.
        await submitButton(element).click();
        await element.locator('.error-summary').waitFor();
        // The server's field errors: inline and in the summary.
        await widget.fill(element, 'WANT-422 in een test met een strikt beleid.');
        await submitButton(element).click();
        await element.locator(`#${widget.serverField.control}-error`).waitFor();
        // Sent: the success view.
        await widget.fill(element, 'Verstuurd onder een strikt beleid.');
        await submitButton(element).click();
        await element.locator('.panel--success').waitFor({ timeout: 15_000 });

        // Offline: queued, then sent once the connection is back.
        const offline = await context.newPage();
        const offlineViolations = await watchViolations(offline);
        await context.clearCookies();
        await offline.goto(`${host.url}/${widget.name}.html`);
        await offline.evaluate(() => localStorage.clear());
        await offline.reload();
        const again = widgetOn(offline, widget);
        await again.locator('form[part="form"]').waitFor();
        await widget.fill(again, 'Verstuurd toen de verbinding terug was.');
        await context.setOffline(true);
        await submitButton(again).click();
        await again.locator('.panel--queued').waitFor({ timeout: 15_000 });
        await context.setOffline(false);
        await again.locator('.panel--success').waitFor({ timeout: 15_000 });
        assert.deepEqual([...(await violations()), ...(await offlineViolations())], []);
      } finally {
        await context.close();
      }
    });
  }

  for (const widget of widgets) {
    it(`<${widget.tag}>: loading, a failed load, a file that is no JSON and a wrong definition, zero violations`, async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const violations = await watchViolations(page);
        const warnings = [];
        page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
        await page.goto(`${host.url}/${widget.name}-states.html`);
        const instances = page.locator(widget.tag);
        await instances.nth(0).locator('[role="status"]').first().waitFor();
        for (const index of [1, 2, 3]) await instances.nth(index).locator('[role="alert"]').first().waitFor();
        // A file that is no JSON: one plain sentence for the parent, the reason on the console.
        const said = await instances.nth(2).locator('[role="alert"]').first().innerText();
        assert.match(said, /niet beschikbaar/);
        assert.doesNotMatch(said, /JSON/);
        assert.ok(warnings.some((warning) => /not-json\.json cannot be used: .*JSON/.test(warning)), warnings.join('\n'));
        assert.deepEqual(await violations(), []);
      } finally {
        await context.close();
      }
    });
  }

  if (widgets.some((widget) => widget.name === 'netwerkkaart')) {
    it('<ouder-netwerkkaart>: all 342 gemeenten, 42 jeugdregio’s, 12 provincies and 25 GGD regions of the shipped files, searched, zoomed and chosen, zero violations', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const violations = await watchViolations(page);
        await page.goto(`${host.url}/netwerkkaart-layers.html`);
        const maps = page.locator('ouder-netwerkkaart');
        for (const [index, count] of [342, 42, 12, 25].entries()) {
          await until(async () => (await maps.nth(index).locator('.region').count()) === count, { message: `${count} regions` });
        }
        const gemeenten = maps.nth(0);
        await gemeenten.locator('#place').fill('Zoetermeer');
        await gemeenten.locator('#place').press('Enter');
        await gemeenten.locator('.result .network').first().waitFor();
        await gemeenten.locator('#area').selectOption({ label: 'Bergen (NH.)' });
        await gemeenten.locator('.whole-map').click();
        assert.deepEqual(await violations(), []);
      } finally {
        await context.close();
      }
    });
  }

  it('two bundles with Lit on one page (the loader, whose chunks arrive after ouderstem.all.js has run) run under the policy with duplicate lit-html policies allowed', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.route(`${host.url}/two-bundles.html`, async (route) => {
        const answer = await route.fetch();
        await route.fulfill({ response: answer, headers: { ...answer.headers(), 'content-security-policy': policyForTwoBundles } });
      });
      const violations = await watchViolations(page);
      await page.goto(`${host.url}/two-bundles.html`);
      for (const widget of widgets) await widgetOn(page, widget).locator(widget.form ? 'form[part="form"]' : '#place').waitFor();
      await page.waitForLoadState('networkidle');
      // Each copy of Lit says so in litHtmlVersions: the page really runs two.
      assert.equal(await page.evaluate(() => globalThis.litHtmlVersions?.length), 2);
      assert.deepEqual(await violations(), []);
    } finally {
      await context.close();
    }
  });
});
