// Issue #11's proof: an organisation goes from a fresh install to a poll on its own web page
// without a developer. The real server as `npm start` runs it (demo content, a fresh data
// folder), the console in Chromium: the set-up link from the server's output, the first account,
// a poll with two questions in Dutch and English, its preview, publishing, the snippet pasted on
// a plain page of a second origin, a parent voting there by keyboard, and the coordinator seeing
// the vote counted. Each step prints how long it took. From a site that is not allowed, the
// fallback text stays visible.
//
// BEHEER_SCREENSHOTS=docs/images also saves the README's screenshots of the console on the way.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerWithKeyboard, htmlRoute, launchBrowser, root, setupFormShown, startServer, startStaticServer, until } from './harness.mjs';

const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the whole console page as it is (violations AND incomplete, WCAG 2.0–2.2 A and AA
 * and best practices, every rule on). Evaluated through DevTools: the console's CSP forbids an
 * injected script tag, as it should.
 */
async function axeProblems(page, screen) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations', 'incomplete'],
    }),
  );
  return [...results.violations, ...results.incomplete].map(
    (result) => `${screen}: ${result.id} (${result.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(', ')})`,
  );
}

const screenshots = process.env.BEHEER_SCREENSHOTS ? resolve(root, process.env.BEHEER_SCREENSHOTS) : undefined;

/** A plain page of a school's site with the copied code in it. */
const schoolPage = (snippet) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Basisschool De Linde: ouders</title></head>
<body><main><h1>Voor ouders</h1>
<p>Wat vindt u van het leerlingenvervoer? Laat het ons weten.</p>
${snippet}
</main></body></html>`;

describe('beheer: from a fresh install to a poll on the organisation\'s own page', () => {
  let browser, server, school, otherSite, console_;
  const timings = [];
  const routes = {};
  const otherRoutes = {};

  /** Runs one step of the path and keeps how long it took. */
  async function step(name, work) {
    const started = performance.now();
    const result = await work();
    timings.push([name, performance.now() - started]);
    return result;
  }

  /** With BEHEER_SCREENSHOTS: the page's top at 1024 × 720 CSS px, or one part of it. */
  async function shot(page, name, part) {
    if (!screenshots) return;
    mkdirSync(screenshots, { recursive: true });
    await page.setViewportSize({ width: 1024, height: 720 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const path = join(screenshots, `beheer-${name}.png`);
    await (part ? page.locator(part).screenshot({ path }) : page.screenshot({ path }));
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  before(async () => {
    browser = await launchBrowser();
    school = await startStaticServer([], { routes });
    otherSite = await startStaticServer([], { routes: otherRoutes });
    // `npm start`: the demo content, the demo page and the widgets, on a fresh data folder.
    server = await startServer();
  });

  after(async () => {
    console.log(
      `\nthe ten-minute path, step by step:\n${timings.map(([name, ms]) => `  ${(ms / 1000).toFixed(1).padStart(5)} s  ${name}`).join('\n')}\n` +
        `  ${(timings.reduce((sum, [, ms]) => sum + ms, 0) / 1000).toFixed(1).padStart(5)} s  in all\n`,
    );
    await console_?.context().close();
    await browser?.close();
    await server?.stop();
    server?.cleanUp();
    await school?.stop();
    await otherSite?.stop();
  });

  it('walks the path: set-up link, first account, a poll in two languages, preview, publish, a vote on another site, the count', async () => {
    const setupUrl = await step('the set-up link from the server\'s output', async () => {
      const link = /https?:\/\/\S+\/beheer\/setup\/\S+/.exec(server.log())?.[0];
      assert.ok(link, `the server prints a set-up link; it printed:\n${server.log().slice(0, 2000)}`);
      return link.replace(/^https?:\/\/[^/]+/, server.url);
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    console_ = await context.newPage();
    const page = console_;
    const problems = [];
    // Any breach of the console's strict Content Security Policy (no inline script or style).
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const checkScreen = async (screen) => {
      problems.push(...(await axeProblems(page, screen)));
      problems.push(...(await page.evaluate(() => window.__cspViolations)).map((violation) => `${screen}: CSP ${violation}`));
    };
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()} (${message.location().url})`));
    page.on('response', (response) => response.status() >= 500 && problems.push(`${response.status()} ${response.url()}`));

    await step('the first account (the organisation\'s first beheerder)', async () => {
      await page.goto(setupUrl);
      await setupFormShown(page, server);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await checkScreen('set-up');
      await shot(page, 'setup');
      const organisation = page.getByLabel('Naam van je organisatie');
      if (await organisation.count()) await organisation.fill('Gemeente Voorbeeldstad');
      await page.getByLabel('Je naam').fill('Anna de Vries');
      await page.getByLabel('Je e-mailadres').fill('anna@voorbeeldstad.nl');
      await page.getByLabel('Kies een wachtwoord').fill('een lange zin als wachtwoord');
      await page.getByRole('button', { name: 'Account aanmaken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Formulieren' }).waitFor();
      assert.doesNotMatch(page.url(), /setup/, 'the one-time token leaves the address bar');
      await page.locator('beheer-forms table').waitFor();
      await checkScreen('forms');
      await shot(page, 'formulieren');
    });

    await step('a poll with two questions, in Dutch and English', async () => {
      await page.getByRole('link', { name: 'Nieuw: peiling' }).click();
      await page.getByLabel('Titel', { exact: true }).fill('Hoe gaat het leerlingenvervoer?');
      await page.locator('#f-questions-0-label').fill('Komt de bus op tijd?');
      await page.locator('#f-questions-0-options-0-label').fill('Ja, bijna altijd');
      await page.locator('#f-questions-0-options-1-label').fill('Nee, vaak te laat');
      await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
      await page.locator('#f-questions-1-type').selectOption('scale');
      await page.locator('#f-questions-1-label').fill('Hoe tevreden ben je over de chauffeur?');
      await page.locator('#f-questions-1-minLabel').fill('Niet tevreden');
      await page.locator('#f-questions-1-maxLabel').fill('Heel tevreden');
      await page.locator('#add-language').selectOption('en');
      await page.locator('.language-add').getByRole('button', { name: 'Toevoegen' }).click();
      await page.getByRole('tab', { name: /Engels/ }).waitFor();
      const english = {
        'f-title': 'How is school transport going?',
        'f-questions-0-label': 'Is the bus on time?',
        'f-questions-0-options-0-label': 'Yes, nearly always',
        'f-questions-0-options-1-label': 'No, often late',
        'f-questions-1-label': 'How happy are you with the driver?',
        'f-questions-1-minLabel': 'Not happy',
        'f-questions-1-maxLabel': 'Very happy',
      };
      for (const [id, text] of Object.entries(english)) await page.locator(`#${id}`).fill(text);
      await page.getByText('Engels: alle teksten zijn vertaald.').waitFor();
      await page.getByRole('tab', { name: 'Nederlands' }).click();
    });

    await step('the preview: the real widget, in both languages, and it sends nothing', async () => {
      const preview = page.locator('beheer-preview ouder-peiling');
      await preview.getByRole('heading', { name: 'Hoe gaat het leerlingenvervoer?' }).waitFor();
      await checkScreen('poll builder with its preview');
      await shot(page, 'peiling-bewerken');
      await page.locator('beheer-preview').getByLabel('Engels').check();
      await preview.getByRole('heading', { name: 'How is school transport going?' }).waitFor();
      await page.locator('beheer-preview').getByLabel('Nederlands').check();
      // Answered to the end in the preview: vetoed before it is posted.
      const posts = [];
      const record = (request) => request.method() === 'POST' && request.url().includes('/api/forms/') && posts.push(request.url());
      page.on('request', record);
      await preview.getByRole('radio', { name: 'Ja, bijna altijd' }).check();
      const next = preview.getByRole('button', { name: 'Volgende vraag' });
      if (await next.count()) await next.click(); // a widget that asks one question at a time
      await preview.getByRole('radio', { name: /^4/ }).check();
      await preview.getByRole('button', { name: 'Versturen' }).click();
      await page.getByText('Dit is een voorbeeld: er is niets verstuurd.').waitFor();
      page.off('request', record);
      assert.deepEqual(posts, []);
    });

    const formId = await step('save (a concept) and publish', async () => {
      await page.getByRole('button', { name: 'Opslaan als concept' }).click();
      await page.getByText('Ouders zien het formulier pas als je het publiceert').waitFor();
      const id = decodeURIComponent(/#\/formulieren\/([^/]+)/.exec(page.url())[1]);
      assert.equal((await fetch(`${server.url}/api/forms/${id}`)).status, 404, 'a concept is not served to parents');
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await page.getByText(/Versie 1 is gepubliceerd/).waitFor();
      assert.equal((await fetch(`${server.url}/api/forms/${id}`)).status, 200, 'published: parents get it');
      return id;
    });

    const snippet = await step('copy the code, allow the school\'s site, paste the code on its page', async () => {
      await page.getByRole('link', { name: 'Delen' }).click();
      const code = page.locator('#share-element');
      await code.waitFor();
      await page.locator('.code-block').first().getByRole('button', { name: /Kopiëren/ }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied.trim(), (await code.textContent()).trim(), 'the button copies the code shown');
      await page.getByLabel('Adres van je website').fill(`${school.url}/ouders`);
      await page.getByRole('button', { name: 'Controleren' }).click();
      await page.getByText(`Nee, ${school.url} mag het formulier nog niet tonen.`).waitFor();
      await page.getByRole('button', { name: 'Toestaan voor dit formulier' }).click();
      await page.getByText(`Ja, ${school.url} mag het formulier tonen`).waitFor();
      await checkScreen('share');
      await shot(page, 'delen', 'section[aria-labelledby=share-embed]');
      routes['/ouders'] = htmlRoute(schoolPage(copied));
      return copied;
    });

    await step('a parent on the school\'s site votes with the keyboard', async () => {
      const parent = await browser.newContext({ locale: 'nl-NL' });
      const tab = await parent.newPage();
      await tab.goto(`${school.url}/ouders`);
      const poll = tab.locator('ouder-peiling');
      await poll.getByRole('heading', { name: 'Hoe gaat het leerlingenvervoer?' }).waitFor();
      for (let question = 0; question < 2; question++) {
        const button = await answerWithKeyboard(tab, /^(Volgende vraag|Versturen)$/);
        await tab.keyboard.press('Enter');
        if (button === 'Versturen') break;
      }
      await poll.getByText('Bedankt voor je antwoord!').waitFor();
      assert.deepEqual(await parent.cookies(), [], 'no cookie for a parent');
      await parent.close();
    });

    await step('the coordinator sees the vote counted', async () => {
      await page.getByRole('link', { name: 'Resultaten' }).click();
      await page.getByText('1 ouder heeft meegedaan.').waitFor();
      const rows = await page.locator('beheer-results section.result table').first().locator('tbody tr').allTextContents();
      assert.equal(rows.filter((row) => /\b1\b/.test(row) && /100%/.test(row)).length, 1, `one answer counted once: ${rows.join(' | ')}`);
      await checkScreen('results');
      await shot(page, 'resultaten');
    });

    await step('from a site that is not allowed, the fallback text stays visible', async () => {
      otherRoutes['/ouders'] = htmlRoute(schoolPage(snippet));
      const tab = await browser.newPage();
      const warnings = [];
      tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
      await tab.goto(`${otherSite.url}/ouders`);
      const fallback = tab.getByText('Lukt het invullen hier niet?');
      await until(async () => warnings.some((text) => text.includes(`/api/forms/${formId}`)), { message: 'the console warning' });
      assert.ok(await fallback.isVisible(), 'the fallback text from the snippet is visible');
      assert.ok(await tab.getByRole('link', { name: new RegExp(`/f/${formId}`) }).isVisible(), 'with its link to the hosted page');
      await tab.close();
    });

    assert.deepEqual(problems, []);
    assert.equal(snippet.includes(`${server.url}/api/forms/${formId}`), true);
  });
});
