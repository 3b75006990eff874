// A click at a person's pace is never lost. A parent corrects a field that shows an error and,
// straight from that field, clicks the next thing with a real mouse: the button goes down, and
// comes up 100 ms later. Leaving the field checks it; if its error went away between press and
// release, everything below it moved up and the release landed elsewhere: no click, nothing
// sent, a checkbox not ticked. At the default viewport, against the real server.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { contentDir, exportRows, hostPage, htmlRoute, humanClick, launchBrowser, root, rowHas, startServer, startStaticServer } from './harness.mjs';
import { presentWidgets, widgetMarkup, widgetOn } from './widgets.mjs';

/** Types into a field and leaves it with Tab, so its check runs and the error shows. */
async function typeAndLeave(page, control, text) {
  await control.fill(text);
  await control.focus();
  await page.keyboard.press('Tab');
}

/**
 * Per form widget: a field that shows an error, how to correct it, and the control right under it
 * that the parent clicks next (the submit button, or a checkbox), with what that click must do.
 */
const cases = {
  peiling: {
    what: 'the poll: a too long answer shortened, then "Versturen"',
    async open(widget) {
      await widget.locator('#q-betrokken-0').check();
      await widget.locator('button[type=submit]').click();
      await widget.locator('button[type=submit]').click();
      await widget.locator('#q-gehoord-2').check();
      await widget.locator('button[type=submit]').click();
      return widget.locator('#q-tip');
    },
    wrong: 'x'.repeat(501),
    right: 'Een avond per maand in de bibliotheek, met kinderopvang.',
    target: (widget) => widget.locator('button[type=submit]'),
    async done(widget, server) {
      await widget.locator('.panel--success').waitFor({ timeout: 10_000 });
      const rows = await exportRows(server.url, 'ouderbetrokkenheid-2027');
      assert.equal(rows.filter((row) => rowHas(row, 'in de bibliotheek, met kinderopvang')).length, 1);
    },
  },
  meedenksessie: {
    what: 'the sign-up: a too long remark shortened, then the consent checkbox under it',
    async open(widget) {
      return widget.locator('#remarks');
    },
    wrong: 'x'.repeat(2001),
    right: 'Ik neem mijn dochter mee.',
    target: (widget) => widget.locator('#consent'),
    async done(widget) {
      assert.equal(await widget.locator('#consent').isChecked(), true, 'the click ticked the consent');
    },
  },
  ervaring: {
    what: 'the story: a too short story written out, then the theme "Onderwijs" under it',
    async open(widget) {
      return widget.locator('#story');
    },
    wrong: 'Te kort.',
    right: 'De school luisterde goed en dacht met ons mee over de overstap naar het voortgezet onderwijs.',
    target: (widget) => widget.locator('#themes-0'),
    async done(widget) {
      assert.equal(await widget.locator('#themes-0').isChecked(), true, 'the click ticked "Onderwijs"');
    },
  },
};

describe('a click at a person\'s pace after a correction is not lost', () => {
  let browser;
  let server;
  let site;
  let content;
  const widgets = presentWidgets({ form: true });
  before(async () => {
    browser = await launchBrowser();
    content = contentDir({ config: { rateLimit: { max: 1000, timeWindowSeconds: 60 } } });
    server = await startServer({ content });
    const routes = Object.fromEntries(widgets.map((widget) => [`/${widget.name}.html`, htmlRoute(hostPage(widgetMarkup(widget)))]));
    site = await startStaticServer(join(root, 'dist'), { routes, target: server.url });
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
    await server?.stop();
    server?.cleanUp();
    rmSync(content, { recursive: true, force: true });
  });

  for (const widget of widgets) {
    const steps = cases[widget.name];
    it(`<${widget.tag}>: ${steps.what}`, async () => {
      const page = await browser.newPage(); // the default viewport
      try {
        await page.goto(`${site.url}/${widget.name}.html`);
        const element = widgetOn(page, widget);
        await element.locator('form[part="form"]').waitFor();
        const field = await steps.open(element);
        await typeAndLeave(page, field, steps.wrong);
        const error = element.locator(`#${await field.getAttribute('id')}-error`);
        await error.waitFor();
        assert.ok((await error.boundingBox()).height > 10, 'the error takes room: when it goes, what is under it moves up');
        await field.fill(steps.right); // corrected; focus is still in the field
        await humanClick(page, steps.target(element));
        await steps.done(element, server);
        // The check did run, once the click was done.
        await error.waitFor({ state: 'detached' });
      } finally {
        await page.close();
      }
    });
  }
});
