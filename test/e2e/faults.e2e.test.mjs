// Nothing lost, nothing doubled: every form widget against the real server behind a proxy that
// injects faults (503s, a dropped connection after the commit, 422s), plus double submits and
// going offline with two tabs open. Rows are counted through the server's CSV export.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  contentDir,
  exportRows,
  forward,
  hostPage,
  htmlRoute,
  humanClick,
  launchBrowser,
  relay,
  root,
  sendJson,
  startServer,
  startStaticServer,
  until,
} from './harness.mjs';
import { presentWidgets, submitButton, widgetMarkup, widgetOn } from './widgets.mjs';

const widgets = presentWidgets({ form: true });

/**
 * What the proxy does with the next POSTs: a list of steps, each 'pass', 'drop-after-commit' or
 * an HTTP status to answer with (a 422 carries a field error); the last step repeats.
 */
let plan = ['pass'];
/** Every POST the browser made, as the proxy saw it. */
let posts = [];

let counter = 0;
/** A text no other test uses, to find this test's rows in the export. */
const marker = (label) => `${label} test ${++counter} ${Date.now()}`;

/** Watches the widget in the page: did it ever show the retry message, or any error? */
async function watchWidget(page, tag) {
  await page.evaluate((tag) => {
    const seen = (window.__seen = { retrying: false, error: false, statuses: [] });
    const host = document.querySelector(tag);
    const look = () => {
      const root = host.shadowRoot;
      if (!root) return;
      const text = root.textContent ?? '';
      if (/proberen het zo opnieuw/i.test(text)) seen.retrying = true;
      const error = [...root.querySelectorAll('.panel--error, .error-summary, .error-message, [role="alert"]')].some(
        (el) => el.checkVisibility() && el.textContent.trim() !== '',
      );
      if (error) seen.error = true;
    };
    new MutationObserver(look).observe(host.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
    look();
  }, tag);
  return () => page.evaluate(() => window.__seen);
}

/** The element that has focus, through shadow roots: is it inside the error summary? */
const focusInErrorSummary = (page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return !!active?.closest('.error-summary');
  });

describe('faults between widget and server', () => {
  let browser;
  let server;
  let proxy;
  let content;
  before(async () => {
    browser = await launchBrowser();
    content = contentDir({ config: { rateLimit: { max: 10_000, timeWindowSeconds: 60 } } });
    server = await startServer({ content });
    const routes = {};
    for (const widget of widgets) routes[`/${widget.name}.html`] = htmlRoute(hostPage(widgetMarkup(widget)));
    proxy = await startStaticServer(join(root, 'dist'), {
      routes,
      target: server.url,
      api: async ({ request, response, body }) => {
        if (request.method !== 'POST') return false;
        posts.push({ url: request.url, key: request.headers['idempotency-key'], body: body.toString() });
        const step = plan.length > 1 ? plan.shift() : plan[0];
        if (step === 'pass') return false;
        if (step === 'drop-after-commit') {
          const answer = await forward(server.url, request, body);
          assert.equal(answer.status, 201, 'the server committed');
          response.socket.destroy();
          return true;
        }
        if (step === 422) {
          const widget = widgets.find((candidate) => candidate.endpoint === request.url);
          sendJson(response, 422, {
            errors: [{ field: widget.serverField.field, code: 'invalid-format', message: 'Dit is niet goed ingevuld (server).' }],
          });
          return true;
        }
        sendJson(response, step, step === 503 ? { errors: [{ code: 'unavailable', message: 'Even niet.' }] } : undefined);
        return true;
      },
    });
  });
  after(async () => {
    await browser?.close();
    await proxy?.stop();
    await server?.stop();
    server?.cleanUp();
    rmSync(content, { recursive: true, force: true });
  });
  beforeEach(() => {
    plan = ['pass'];
    posts = [];
  });

  /** A fresh browser context (its own storage) with the widget's page open, ready to fill in. */
  async function open(widget, context) {
    const page = await context.newPage();
    await page.goto(`${proxy.url}/${widget.name}.html`);
    const element = widgetOn(page, widget);
    await element.locator('form[part="form"]').waitFor();
    return { page, element };
  }

  /** This test's rows in the export (each widget's rows carry the parent's text). */
  const rowsWith = async (widget, text) => (await exportRows(server.url, widget.formId)).filter((row) => row.includes(text));
  const postsWith = (text) => posts.filter((post) => post.body.includes(text));

  for (const widget of widgets) {
    describe(`<${widget.tag}>`, () => {
      it('503 twice, then the server: the parent sees "we try again", not an error; one row', async () => {
        const context = await browser.newContext();
        try {
          const { page, element } = await open(widget, context);
          const text = marker('503');
          await widget.fill(element, text);
          const seen = await watchWidget(page, widget.tag);
          plan = [503, 503, 'pass'];
          await submitButton(element).click();
          await element.locator('.panel--success').waitFor({ timeout: 20_000 });
          const { retrying, error } = await seen();
          assert.ok(retrying, 'the parent saw "we proberen het zo opnieuw"');
          assert.equal(error, false, 'the parent saw no error while it was retried');
          const tries = postsWith(text);
          assert.equal(tries.length, 3);
          assert.equal(new Set(tries.map((post) => post.key)).size, 1, 'every try carries the same Idempotency-Key');
          assert.equal((await rowsWith(widget, text)).length, 1);
        } finally {
          await context.close();
        }
      });

      it('the server commits, then the connection drops: retried with the same key; one row', async () => {
        const context = await browser.newContext();
        try {
          const { element } = await open(widget, context);
          const text = marker('drop');
          await widget.fill(element, text);
          plan = ['drop-after-commit', 'pass'];
          await submitButton(element).click();
          await element.locator('.panel--success').waitFor({ timeout: 20_000 });
          const tries = postsWith(text);
          assert.ok(tries.length >= 2, 'the widget tried again');
          assert.equal(new Set(tries.map((post) => post.key)).size, 1, 'with the same Idempotency-Key');
          assert.equal((await rowsWith(widget, text)).length, 1);
        } finally {
          await context.close();
        }
      });

      it('a double click and a double Enter on submit: one POST each', async () => {
        for (const how of ['double click', 'double Enter']) {
          const context = await browser.newContext();
          try {
            const { page, element } = await open(widget, context);
            const text = marker(how);
            await widget.fill(element, text);
            if (how === 'double click') {
              await submitButton(element).dblclick();
            } else {
              await submitButton(element).focus();
              await page.keyboard.press('Enter');
              await page.keyboard.press('Enter');
            }
            await element.locator('.panel--success').waitFor({ timeout: 20_000 });
            await page.waitForTimeout(300);
            assert.equal(postsWith(text).length, 1, `${how}: one POST`);
            assert.equal((await rowsWith(widget, text)).length, 1, `${how}: one row`);
          } finally {
            await context.close();
          }
        }
      });

      it('422 with field errors: inline and in the summary, focus on the summary, no retry; fixed, one click sends', async () => {
        const context = await browser.newContext();
        try {
          const { page, element } = await open(widget, context);
          const text = marker('422');
          await widget.fill(element, text);
          plan = [422, 'pass'];
          await submitButton(element).click();
          const control = widget.serverField.control;
          await element.locator(`#${control}-error`).waitFor();
          assert.match(await element.locator(`#${control}-error`).innerText(), /Dit is niet goed ingevuld \(server\)/);
          await element.locator('.error-summary').waitFor();
          assert.match(await element.locator('.error-summary').innerText(), /Dit is niet goed ingevuld \(server\)/);
          assert.ok(await until(() => focusInErrorSummary(page), { timeout: 3_000, message: 'focus on the error summary' }));
          assert.match(
            (await element.locator(`#${control}`).getAttribute('aria-describedby')) ?? '',
            new RegExp(`\\b${control}-error\\b`),
            'the field is described by its error',
          );
          await page.waitForTimeout(2_000);
          assert.equal(postsWith(text).length, 1, 'a 422 is not retried');
          assert.equal((await rowsWith(widget, text)).length, 0);

          // The parent corrects the field and clicks "send" once, straight from the field (no Tab first).
          const fixed = marker('fixed');
          await element.locator(`#${control}`).fill(`${fixed} Nu wel goed ingevuld, met genoeg woorden om te versturen.`);
          await humanClick(page, submitButton(element));
          await element.locator('.panel--success').waitFor({ timeout: 10_000 }).catch(async (error) => {
            throw new Error(`${error.message}\nThe widget shows: ${await element.evaluate((host) => host.shadowRoot.textContent.replace(/\\s+/g, ' '))}\nPOSTs: ${JSON.stringify(posts.slice(-2).map((p) => p.body.slice(0, 300)))}`);
          });
          assert.equal((await rowsWith(widget, fixed)).length, 1);
        } finally {
          await context.close();
        }
      });

      it('422, then the parent fixes the field and leaves it: no "sending failed" alarm, the form stays as it was', async () => {
        const context = await browser.newContext();
        try {
          const { element } = await open(widget, context);
          await widget.fill(element, marker('alarm'));
          plan = [422, 'pass'];
          await submitButton(element).click();
          const control = element.locator(`#${widget.serverField.control}`);
          await element.locator(`#${widget.serverField.control}-error`).waitFor();
          await control.fill(`${marker('alarm fixed')} Nu wel goed ingevuld, met genoeg woorden om te versturen.`);
          await control.blur();
          await element.locator(`#${widget.serverField.control}-error`).waitFor({ state: 'detached' });
          const alarms = await element.locator('.panel--error:not(.error-summary), [role="alert"]').evaluateAll((found) =>
            found.filter((el) => el.checkVisibility() && el.textContent.trim()).map((el) => el.textContent.trim().replace(/\s+/g, ' ')),
          );
          assert.deepEqual(alarms, [], 'nothing failed: the parent only corrected a field');
        } finally {
          await context.close();
        }
      });

      it('offline during submit: "Nog niet verstuurd"; back online: sent exactly once, with two tabs open', async () => {
        const context = await browser.newContext();
        try {
          const first = await open(widget, context);
          const second = await open(widget, context);
          const text = marker('offline');
          await widget.fill(first.element, text);
          await context.setOffline(true);
          await submitButton(first.element).click();
          await first.element.locator('.panel--queued').waitFor({ timeout: 20_000 });
          assert.match(await first.element.locator('.panel--queued').innerText(), /Nog niet verstuurd/);
          assert.equal(postsWith(text).length, 0, 'nothing reached the server while offline');
          assert.ok(await first.page.evaluate(() => localStorage.getItem('ouderstem:outbox')), 'kept in the outbox');

          await context.setOffline(false);
          await first.element.locator('.panel--success').waitFor({ timeout: 20_000 });
          await until(async () => (await second.page.evaluate(() => localStorage.getItem('ouderstem:outbox'))) === null, {
            message: 'the outbox to be empty in the second tab',
          });
          await first.page.waitForTimeout(1_000);
          assert.equal(postsWith(text).length, 1, 'exactly one POST from both tabs together');
          assert.equal((await rowsWith(widget, text)).length, 1);
        } finally {
          await context.close();
        }
      });

      it('queued in one tab, sent by another: the first tab shows the server\'s answer', async () => {
        const context = await browser.newContext();
        try {
          const first = await open(widget, context);
          const second = await open(widget, context);
          // Each tab's connection on its own (DevTools network emulation), so the second tab can
          // come back online while the first stays offline, and is the one that delivers.
          const sessions = new Map();
          const offline = async ({ page }, value) => {
            if (!sessions.has(page)) sessions.set(page, await context.newCDPSession(page));
            const conditions = { offline: value, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
            await sessions.get(page).send('Network.emulateNetworkConditions', conditions);
          };
          const text = marker('other tab');
          await widget.fill(first.element, text);
          await Promise.all([offline(first, true), offline(second, true)]);
          await submitButton(first.element).click();
          await first.element.locator('.panel--queued').waitFor({ timeout: 20_000 });
          const sentBy = [];
          for (const [name, { page }] of Object.entries({ first, second })) {
            page.on('request', (request) => request.method() === 'POST' && sentBy.push(name));
          }
          await offline(second, false);
          await first.element.locator('.panel--success').waitFor({ timeout: 20_000 });
          assert.deepEqual(sentBy, ['second'], 'sent once, by the second tab');
          assert.equal(postsWith(text).length, 1);
          if (widget.serverAnswer) {
            assert.ok(
              await first.element.locator(widget.serverAnswer).isVisible(),
              `the first tab shows ${widget.serverAnswer} from the answer the second tab received`,
            );
          }
          assert.equal((await rowsWith(widget, text)).length, 1);
        } finally {
          await context.close();
        }
      });
    });
  }
});
