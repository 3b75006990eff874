// The README's paste-snippet, as a web editor pastes it, on a page of another site than the
// server's: it works once that site is allowed, and from a site that is not allowed the editor's
// fallback stays visible while the console names the reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerWithKeyboard, contentDir, exportRows, htmlRoute, launchBrowser, root, startServer, startStaticServer } from './harness.mjs';

/** The first ```html block of the README's web-editor section, pointed at `serverUrl`. */
function readmeSnippet(serverUrl) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## For web editors'));
  const snippet = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(snippet?.includes('<ouder-peiling'), 'the README has a paste-snippet');
  return snippet.replaceAll('https://ouderstem.example.org', serverUrl);
}

const page = (snippet) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gemeente Elders</title></head>
<body><main><h1>Praat mee over onderwijs</h1>
${snippet}
</main></body></html>`;

describe('the README snippet pasted on another site', () => {
  let browser, server, allowedSite, otherSite, content;
  before(async () => {
    browser = await launchBrowser();
    // Two sites on other origins than the server; only the first is allowed.
    const routes = {};
    allowedSite = await startStaticServer([], { routes });
    otherSite = await startStaticServer([], { routes });
    content = contentDir({ config: { allowedOrigins: [allowedSite.url] } });
    server = await startServer({ content });
    routes['/'] = htmlRoute(page(readmeSnippet(server.url)));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanUp();
    await allowedSite?.stop();
    await otherSite?.stop();
  });

  it('works on an allowed site: a parent votes by keyboard, one row is stored, no cookie is set', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(allowedSite.url);
    const poll = tab.locator('ouder-peiling');
    await poll.locator('form').waitFor();
    assert.equal(await poll.locator('slot').count(), 0, 'the fallback is replaced by the widget');
    // The demo poll asks its four questions one at a time.
    for (let step = 0; step < 3; step++) {
      await answerWithKeyboard(tab, /^Volgende vraag$/);
      await tab.keyboard.press('Enter');
    }
    await answerWithKeyboard(tab, /^Versturen$/);
    await tab.keyboard.press('Enter');
    await poll.getByText('Bedankt voor je antwoord!').waitFor();
    assert.equal((await exportRows(server.url, 'ouderbetrokkenheid-2027')).length, 1);
    assert.deepEqual(await context.cookies(), []);
    await context.close();
  });

  it('on a site that is not allowed, the fallback stays visible and the console says why', async () => {
    const tab = await browser.newPage();
    const warnings = [];
    tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await tab.goto(otherSite.url);
    const poll = tab.locator('ouder-peiling');
    await poll.getByText('Dit onderdeel is nu niet beschikbaar.').waitFor();
    const fallback = tab.getByText('Lukt het invullen hier niet?');
    assert.ok(await fallback.isVisible(), 'the editor\'s fallback text is visible');
    assert.ok(await tab.getByRole('link', { name: 'deze pagina' }).isVisible());
    assert.equal(await poll.getByRole('button', { name: 'Probeer opnieuw' }).count(), 0, 'trying again cannot help');
    const reason = warnings.find((text) => text.startsWith('ouderstem: could not load'));
    assert.ok(reason, `a console warning, got: ${warnings.join(' | ')}`);
    assert.match(reason, new RegExp(`${server.url}/api/forms/ouderbetrokkenheid-2027: 403`));
    await tab.close();
  });
});
