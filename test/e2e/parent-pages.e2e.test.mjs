// The pages behind the links parents get (cancel a sign-up, withdraw a story, /intrekken), in
// Chromium against the real server with mail on: axe (violations AND incomplete), keyboard only,
// 320 px reflow, the truth about the waiting list, a used link said at once, the parent's
// language, a strict CSP, no cookies and no request to another origin.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, root, startServer } from './harness.mjs';

const { TestSmtp } = await import(join(root, 'server/dist/test/mail-helpers.js'));
// Injected through DevTools: the pages' own CSP (rightly) refuses an inline script tag.
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const form = 'meedenksessies-2027';

async function submit(url, formId, type, data, lang = 'nl') {
  const submissionId = randomUUID();
  const response = await fetch(`${url}/api/forms/${formId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': submissionId },
    body: JSON.stringify({ type, formId, submissionId, submittedAt: new Date().toISOString(), lang, data, meta: {} }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

const signUp = (url, sessionId, email, extra = {}) =>
  submit(url, form, 'meedenksessie', { sessionIds: [sessionId], name: 'Fatima', email, consent: true, ...extra });

/** axe on the whole page (every rule of these tags; violations and incomplete), and reflow at 320 px. */
async function pageProblems(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations', 'incomplete'],
    }),
  );
  const problems = [...results.violations, ...results.incomplete].map(
    (result) => `${result.id}: ${result.help} (${result.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  for (const width of [1024, 320]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`at ${width} px the page scrolls sideways by ${overflow} px`);
  }
  return problems;
}

/** Presses Tab until the element matching `selector` has focus. */
async function tabTo(page, selector, maxTabs = 20) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector), selector)) return;
  }
  throw new Error(`${selector} not reached with Tab`);
}

describe('the pages behind parents’ links', () => {
  let browser;
  let server;
  let smtp;
  let context;
  let page;
  const requests = [];
  const securityProblems = [];

  before(async () => {
    smtp = await TestSmtp.start();
    server = await startServer({ env: { OUDERSTEM_SMTP_URL: smtp.url, OUDERSTEM_MAIL_FROM: 'Ouderstem <ouders@ouderstem.test>' } });
    browser = await launchBrowser();
    context = await browser.newContext();
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on('console', (message) => /Content Security Policy/i.test(message.text()) && securityProblems.push(message.text()));
    page.on('pageerror', (error) => securityProblems.push(error.message));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanUp();
    await smtp?.close();
  });

  it('cancel: names the session, says the place goes to the one waiting, works by keyboard, then says at once it was used', async () => {
    const first = await signUp(server.url, 'alkmaar-april', 'eerste@example.nl');
    const second = await signUp(server.url, 'alkmaar-april', 'tweede@example.nl', { waitlist: true });
    assert.equal(second.status, 'waitlisted');
    await page.goto(first.cancelUrl);
    assert.equal(await page.locator('h1').textContent(), 'Afmelden');
    assert.match(await page.locator('main').textContent(), /Alkmaar — met het Oudersteunpunt/);
    assert.match(await page.locator('main').textContent(), /Dan gaat je plaats naar iemand op de wachtlijst\./);
    assert.deepEqual(await pageProblems(page), []);

    await page.setViewportSize({ width: 1024, height: 800 });
    await tabTo(page, 'button[type="submit"]');
    await Promise.all([page.waitForURL(first.cancelUrl), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').textContent(), 'Je bent afgemeld');
    assert.match(await page.locator('main').textContent(), /Je krijgt hierover ook een e-mail\./);
    assert.deepEqual(await pageProblems(page), []);

    // The parent moved up hears so by mail.
    await smtp.waitFor(4);
    assert.ok(smtp.to('tweede@example.nl').some((received) => /Er is een plaats voor je/.test(received.mail.subject)));

    // The link again: said at once, no button to press first.
    const again = await page.goto(first.cancelUrl);
    assert.equal(again.status(), 410);
    assert.equal(await page.locator('h1').textContent(), 'Je bent al afgemeld');
    assert.equal(await page.locator('button').count(), 0);
    assert.deepEqual(await pageProblems(page), []);
  });

  it('cancel: without anyone waiting it does not mention a waiting list; in Arabic it reads right to left', async () => {
    const answer = await signUp(server.url, 'passenderwijs-mei', 'derde@example.nl', {});
    await page.goto(answer.cancelUrl);
    const text = await page.locator('main').textContent();
    assert.match(text, /Dan komt je plaats vrij voor iemand anders\./);
    assert.doesNotMatch(text, /wachtlijst/);
    await page.goto(`${answer.cancelUrl}?lang=ar`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.locator('h1').textContent(), 'إلغاء التسجيل');
    assert.deepEqual(await pageProblems(page), []);
  });

  it('an unknown link says so in the browser’s language', async () => {
    const englishContext = await browser.newContext({ locale: 'en-GB' });
    try {
      const english = await englishContext.newPage();
      const response = await english.goto(`${server.url}/api/cancel/bestaat-niet`);
      assert.equal(response.status(), 404);
      assert.equal(await english.locator('h1').textContent(), 'This link does not work');
      assert.deepEqual(await pageProblems(english), []);
    } finally {
      await englishContext.close();
    }
  });

  it('/intrekken: type the code (a wrong one gets a clear error with focus on it), confirm, done; the link then says it is gone', async () => {
    const story = await submit(
      server.url,
      'deel-je-ervaring',
      'ervaring',
      { story: 'Mijn zoon kreeg na twee jaar wachten eindelijk een plek op een school die bij hem past.', themes: ['onderwijs'], anonymous: true, consent: 'internal' },
      'en',
    );
    await page.goto(`${server.url}/intrekken?lang=en`);
    assert.equal(await page.locator('h1').textContent(), 'Take your story back');
    assert.deepEqual(await pageProblems(page), []);

    await page.setViewportSize({ width: 1024, height: 800 });
    await tabTo(page, '#code');
    await page.keyboard.type('ABCD-EFGH-JKMN-PQRS');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.error-summary');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'the summary has focus');
    assert.match(await page.title(), /^Error: /);
    assert.equal(await page.getAttribute('#code', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#code', 'aria-describedby'), 'code-hint code-error');
    assert.deepEqual(await pageProblems(page), []);

    await page.setViewportSize({ width: 1024, height: 800 });
    await page.keyboard.press('Tab'); // to the summary's link
    await page.keyboard.press('Enter'); // which moves focus to the field
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'code');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(story.withdrawCode.toLowerCase());
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('h1:text("Delete your story")');
    assert.match(await page.locator('main').textContent(), /You shared a story for “/);
    assert.deepEqual(await pageProblems(page), []);

    await page.setViewportSize({ width: 1024, height: 800 });
    await tabTo(page, 'button[type="submit"]');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('h1:text("Your story has been deleted")');
    assert.deepEqual(await pageProblems(page), []);

    const again = await page.goto(story.withdrawUrl);
    assert.equal(again.status(), 410);
    assert.equal(await page.locator('h1').textContent(), 'This story has already been deleted');
    assert.equal(await page.locator('button').count(), 0);
  });

  it('no cookies, no request to another origin, nothing the CSP refused', async () => {
    assert.deepEqual(await context.cookies(), []);
    assert.ok(requests.length > 0);
    assert.deepEqual(requests.filter((url) => new URL(url).origin !== server.url), []);
    assert.deepEqual(securityProblems, []);
  });
});
