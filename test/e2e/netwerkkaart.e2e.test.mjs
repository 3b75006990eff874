// A parent finds their network with the keyboard only, on a phone (320 px) and on a laptop
// (1280 px), in Debian's Chromium against the real reference server: the demo networks, the
// gazetteer and the jeugdregio's of the shipped CBS data beside /ouderstem.js.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hostPage, launchBrowser, root, startServer, until } from './harness.mjs';

/** What has focus, through shadow roots: its tag, text and where it is. */
const focused = (page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active
      ? { tag: active.tagName, id: active.id, text: (active.getAttribute('aria-label') ?? active.textContent ?? '').replace(/\s+/g, ' ').trim(), inResult: !!active.closest('.result') }
      : null;
  });

/** Presses Tab (or Shift+Tab) until `wanted(focused)`; fails after `max` presses. */
async function tabTo(page, wanted, what, max = 80, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now && wanted(now)) return now;
  }
  throw new Error(`${what} not reached with Tab`);
}

/** Types into the focused search box as a parent would, replacing what was there, presses Enter, and waits for `answer`. */
async function search(page, widget, text, answer) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 20 });
  await page.keyboard.press('Enter');
  const heading = widget.locator('.result h2');
  await until(async () => (await heading.count()) > 0 && (await heading.innerText()) === answer, { message: `"${answer}" for ${text}` });
}

describe('<ouder-netwerkkaart> end to end, keyboard only', () => {
  let browser;
  let server;
  let pages;
  before(async () => {
    browser = await launchBrowser();
    pages = mkdtempSync(join(tmpdir(), 'ouderstem-kaart-'));
    writeFileSync(
      join(pages, 'kaart.html'),
      hostPage('<ouder-netwerkkaart endpoint="/api/networks" regions="jeugdregio"><p><a href="/api/networks">Alle netwerken</a></p></ouder-netwerkkaart>'),
    );
    server = await startServer({ statics: [pages, join(root, 'dist')] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanUp();
    rmSync(pages, { recursive: true, force: true });
  });

  for (const [width, height] of [
    [320, 640],
    [1280, 900],
  ]) {
    it(`at ${width} px: Zoetermeer says why, Bergen asks which one, 2511 gets the kind sentence, the chosen jeugdregio is highlighted and in view`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        const outside = [];
        page.on('request', (request) => !request.url().startsWith(server.url) && outside.push(request.url()));
        await page.goto(`${server.url}/kaart.html`);
        const widget = page.locator('ouder-netwerkkaart');
        await until(async () => (await widget.locator('.region').count()) === 42, { message: '42 jeugdregio’s' });

        await tabTo(page, (now) => now.id === 'place', 'the search box');
        await search(page, widget, 'Zoetermeer', 'Voor Zoetermeer:');
        const haaglanden = widget.locator('.result .network', { hasText: 'Oudersraad Haaglanden' });
        assert.equal((await haaglanden.locator('.via').innerText()).trim(), 'Zoetermeer hoort bij jeugdregio Haaglanden');
        await until(async () => /Oudersraad Haaglanden \(Zoetermeer hoort bij jeugdregio Haaglanden\)/.test(await widget.locator('.search ~ [role=status]').innerText()), {
          message: 'the reason in the live region',
        });

        assert.equal((await focused(page)).id, 'place', 'the search box keeps focus after a search');
        await search(page, widget, 'Bergen', 'Welke Bergen bedoel je?');
        const choice = await tabTo(page, (now) => now.tag === 'BUTTON' && now.inResult, 'the first Bergen', 5);
        assert.equal(choice.text, 'Bergen (NH.), Noord-Holland');
        await page.keyboard.press('Enter');
        await until(async () => (await widget.locator('.result h2').innerText()) === 'Voor Bergen (NH.):', { message: 'the answer for Bergen (NH.)' });
        assert.equal((await focused(page)).id, 'answer', 'focus moves to the answer, not to the page');
        assert.match(await widget.locator('.result').innerText(), /Oudersteunpunt PPO Noord-Kennemerland/);

        await tabTo(page, (now) => now.id === 'place', 'the search box once more', 3, 'Shift+Tab');
        await search(page, widget, '2511', 'Zoeken op postcode kan nog niet');
        assert.equal(await widget.locator('.result p').innerText(), 'Typ de naam van je gemeente, bijvoorbeeld Zoetermeer of Den Haag.');

        await search(page, widget, 'Zoetermeer', 'Voor Zoetermeer:');
        await tabTo(page, (now) => now.inResult && now.text === 'Toon op de kaart: Oudersraad Haaglanden', '“Toon op de kaart” for Oudersraad Haaglanden');
        await page.keyboard.press('Enter');
        await until(async () => (await widget.locator('.region--chosen').count()) === 1, { message: 'the highlight' });
        assert.equal(await widget.locator('.region--chosen').getAttribute('data-key'), 'JZ24');
        const frame = widget.locator('.map-frame');
        await until(
          async () => {
            const box = await frame.boundingBox();
            return box && box.y >= -1 && box.y + box.height <= height + 1;
          },
          { message: 'the map scrolled into view' },
        );
        await until(async () => (await widget.locator('.map-panel [role=status]').innerText()) === 'Gekozen: Oudersraad Haaglanden', { message: 'the choice announced' });
        const viewBox = (await widget.locator('svg').getAttribute('viewBox')).split(' ').map(Number);
        assert.ok(viewBox[2] < 200, `zoomed in on Haaglanden (viewBox ${viewBox.join(' ')})`);
        assert.equal((await focused(page)).text, 'Toon op de kaart: Oudersraad Haaglanden', 'focus stays on the pressed button');

        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'nothing scrolls sideways');
        assert.equal(await widget.locator('.credit').innerText(), 'Bron: CBS, Kadaster (CC BY 4.0)');
        assert.deepEqual(outside, []);
      } finally {
        await context.close();
      }
    });
  }
});
