// A host page whose CSS works against the widgets: resets, a huge inherited font size, odd
// inherited text settings, `dir=rtl` on <html>. Only what reaches a shadow root counts: the host
// element itself, inherited properties and `rem`. Every widget must stay legible and usable.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hostPage, htmlRoute, launchBrowser, root, sendJson, startStaticServer, widgetProblems } from './harness.mjs';
import { presentWidgets, submitButton, widgetMarkup, widgetOn } from './widgets.mjs';

const widgets = presentWidgets();
const axePath = join(root, 'node_modules/axe-core/axe.min.js');

const hostileCss = `
* { all: unset; }
html { font-size: 40px; }
body {
  font-size: 40px;
  line-height: 0.8;
  /* WCAG 1.4.12's text spacing, set by the page instead of the reader. */
  letter-spacing: 0.12em;
  word-spacing: 0.16em;
  text-align: justify;
  text-transform: uppercase;
  font-family: "Comic Sans MS", cursive;
  font-weight: 100;
  caret-color: transparent;
  cursor: none;
  list-style: square inside;
}
button, input, select, textarea, label, a { display: none !important; }
head, script, style, link, title, meta { display: none; }
`;

/** Every definition and network file the widgets ask for, from the demo content. */
const demoFiles = {
  '/api/forms/ouderbetrokkenheid-2027': 'peiling-ouderbetrokkenheid.json',
  '/api/forms/meedenksessies-2027': 'meedenksessies-2027.json',
  '/api/forms/deel-je-ervaring': 'ervaring.json',
  '/api/networks': 'networks.json',
};
const postAnswers = {
  '/api/forms/meedenksessies-2027': { status: 'confirmed', sessions: [{ id: 'twente-online-april', status: 'confirmed' }] },
  '/api/forms/deel-je-ervaring': { withdrawCode: 'ABCD-EFGH-JKMN-PQRS' },
};

describe('a hostile host page', () => {
  let browser;
  let host;
  before(async () => {
    browser = await launchBrowser();
    const routes = {
      '/hostile.css': (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/css' });
        response.end(hostileCss);
      },
    };
    for (const widget of widgets) {
      routes[`/${widget.name}.html`] = htmlRoute(
        hostPage(widgetMarkup(widget), { htmlAttributes: 'dir="rtl"', head: '<link rel="stylesheet" href="/hostile.css">' }),
      );
    }
    host = await startStaticServer(join(root, 'dist'), {
      routes,
      target: 'http://127.0.0.1:9', // never reached: answered below
      api: ({ request, response }) => {
        const file = demoFiles[request.url];
        if (!file) return sendJson(response, 404, {}) ?? true;
        if (request.method === 'GET') sendJson(response, 200, JSON.parse(readFileSync(join(root, 'server/content/demo', file), 'utf8')));
        else sendJson(response, 201, postAnswers[request.url] ?? {});
        return true;
      },
    });
  });
  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  for (const widget of widgets) {
    it(`<${widget.tag}>: legible, usable, ≥ 24 px targets and no sideways scroll at 320 px`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(`${host.url}/${widget.name}.html`);
        const element = widgetOn(page, widget);
        const problems = [];
        const check = async (state) => {
          problems.push(...(await widgetProblems(page, [widget.tag], { pageScroll: false })).map((problem) => `${state}: ${problem}`));
          await page.addScriptTag({ path: axePath });
          const { violations, incomplete } = await page.evaluate(
            (tag) =>
              window.axe.run(
                { include: [[tag]] },
                { runOnly: { type: 'rule', values: ['color-contrast', 'target-size', 'label', 'button-name'] }, resultTypes: ['violations', 'incomplete'] },
              ),
            widget.tag,
          );
          for (const result of [...violations, ...incomplete]) {
            problems.push(`${state}: axe ${violations.includes(result) ? 'violation' : 'needs review'} ${result.id}: ${result.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(', ')}`);
          }
          // Legible: the widget's own text is not shrunk, hidden or set in a 100-weight font.
          const text = await element.evaluate((host) => {
            const heading = host.shadowRoot.querySelector('h2, h3, label, legend');
            const style = heading && getComputedStyle(heading);
            return style && { size: parseFloat(style.fontSize), visibility: style.visibility, lineHeight: style.lineHeight, fontSize: style.fontSize };
          });
          if (!text || text.size < 12 || text.visibility !== 'visible') problems.push(`${state}: text is not legible (${JSON.stringify(text)})`);
          else if (text.lineHeight !== 'normal' && parseFloat(text.lineHeight) < text.size) {
            problems.push(`${state}: lines overlap (line-height ${text.lineHeight} for ${text.fontSize} text)`);
          }
        };

        if (!widget.form) {
          await element.locator('#place').waitFor();
          await check('loaded');
          await widget.explore(element);
          await check('found');
        } else {
          await element.locator('form[part="form"]').waitFor();
          await check('loaded');
          await widget.fill(element, 'Een antwoord op een pagina die de widgets dwarszit.');
          await submitButton(element).click();
          await element.locator('.panel--success').waitFor({ timeout: 10_000 });
          await check('sent');
        }
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
