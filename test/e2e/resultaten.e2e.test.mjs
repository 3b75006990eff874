// Issue #13's proof, lean: twelve parents vote in Chromium on the form's own page; the coordinator
// sees the counts in the console, downloads CSV and XLSX there (read back with csv-parse and
// exceljs: labels, Amsterdam time, totals), writes and publishes "Wat we met jullie inbreng doen";
// <ouder-terugkoppeling> on a school's page on another origin shows it, with the results.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { answerWithKeyboard, contentDir, htmlRoute, launchBrowser, root, setupFormShown, startServer, startStaticServer } from './harness.mjs';

const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core on the whole page (violations AND incomplete, WCAG 2.0–2.2 A and AA, best practices), at 1280 px and at 320 px. */
async function axeProblems(page, screen) {
  const problems = [];
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(axeSource);
    const results = await page.evaluate(() =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations', 'incomplete'],
      }),
    );
    problems.push(...[...results.violations, ...results.incomplete].map((result) => `${screen} at ${width} px: ${result.id} (${result.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(', ')})`));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${screen} at ${width} px: ${overflow} px wider than the screen`);
  }
  return problems;
}

const formId = 'ouderbetrokkenheid-2027';
const PARENTS = 12;

describe('results that reach policy and parents (#13)', () => {
  let browser, server, school, content;
  const routes = {};

  before(async () => {
    browser = await launchBrowser();
    content = contentDir({ config: { rateLimit: { max: 200, timeWindowSeconds: 60 } } });
    server = await startServer({ content });
    school = await startStaticServer([], { routes });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanUp();
    await school?.stop();
  });

  it('12 votes, counted and exported with labels and totals, and the outcome shown on another site', async () => {
    for (let parent = 0; parent < PARENTS; parent++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/f/${formId}`);
      const poll = page.locator('ouder-peiling');
      await poll.locator('form').waitFor();
      await poll.locator('h2').first().focus();
      for (let question = 0; question < 6; question++) {
        const button = await answerWithKeyboard(page, /^(Volgende vraag|Versturen)$/);
        await page.keyboard.press('Enter');
        if (button === 'Versturen') break;
      }
      await poll.getByText('Bedankt voor je antwoord!').waitFor();
      await context.close();
    }

    // The coordinator: the first account from the set-up link the server printed.
    const setupUrl = /https?:\/\/\S+\/beheer\/setup\/\S+/.exec(server.log())?.[0]?.replace(/^https?:\/\/[^/]+/, server.url);
    assert.ok(setupUrl, 'the server prints a set-up link');
    const coordinator = await browser.newContext({ acceptDownloads: true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await coordinator.newPage();
    await page.goto(setupUrl);
    await setupFormShown(page, server);
    await page.getByLabel('Je naam').fill('Anna de Vries');
    await page.getByLabel('Je e-mailadres').fill('anna@voorbeeldstad.nl');
    await page.getByLabel('Kies een wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Formulieren' }).waitFor();

    await page.goto(`${server.url}/beheer/#/formulieren/${formId}/resultaten`);
    await page.getByText(`${PARENTS} ouders hebben meegedaan.`).waitFor();
    const first = await page.locator('beheer-results table').first().locator('tbody tr').first().locator('td').first().textContent();
    assert.equal(first.trim(), String(PARENTS), 'every parent counted under the answer the keyboard chose');

    const download = async (name) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      return readFileSync(await file.path());
    };
    const csv = await download('Antwoorden als CSV (voor Excel)');
    assert.equal(csv.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 with a BOM');
    const rows = parseCsv(csv, { bom: true, delimiter: ';', columns: true });
    assert.equal(rows.length, PARENTS);
    const question = 'Heb je ooit meegedacht over beleid voor onderwijs of jeugdhulp?';
    assert.ok(rows.every((row) => row[question] === 'Ja, vaker dan eens'), 'the label, never ja-vaak');
    assert.ok(rows.every((row) => /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/.test(row.Ontvangen)), 'a Dutch date and time');
    const now = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
    const apart = (a, b) => Math.min((a - b + 1440) % 1440, (b - a + 1440) % 1440);
    assert.ok(rows.every((row) => apart(minutes(row.Ontvangen.slice(-5)), minutes(now)) <= 15), `Amsterdam time (now ${now}, a row ${rows[0].Ontvangen})`);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await download('Alles als Excel-bestand (XLSX, met de totalen)'));
    assert.deepEqual(book.worksheets.map((sheet) => sheet.name), ['Antwoorden', 'Totalen']);
    const totals = [];
    book.getWorksheet('Totalen').eachRow((row) => totals.push(row.values.slice(1)));
    assert.equal(totals.find((row) => row[0] === 'Inzendingen')[2], PARENTS);
    const chosen = totals.find((row) => row[0] === question && row[1] === 'Ja, vaker dan eens');
    assert.equal(chosen[2], PARENTS);
    assert.equal(chosen[3], 1, 'a share of 100 %');
    assert.equal(book.getWorksheet('Antwoorden').rowCount, PARENTS + 1);

    // What was done with it, in both languages of the poll, published.
    await page.locator('#outcome-status-2').check();
    await page.locator('#outcome-date').fill('2027-04-15');
    await page.locator('#outcome-text-nl').fill('Jullie willen vaker meedenken. Vanaf september organiseren we elk kwartaal een meedenksessie.');
    await page.locator('#outcome-text-en').fill('You want to take part more often. From September we hold a session every quarter.');
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('De terugkoppeling is gepubliceerd.').waitFor();
    const problems = await axeProblems(page, 'the console\'s results');

    // The school's site may show the organisation's widgets.
    const allowed = await page.request.patch(`${server.url}/beheer/api/organisation`, { headers: { Origin: server.url }, data: { allowedOrigins: [school.url] } });
    assert.equal(allowed.status(), 200, await allowed.text());
    routes['/'] = htmlRoute(`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Basisschool De Linde: wat er met uw inbreng gebeurt</title>
<script type="module" src="${server.url}/ouderstem.js"></script></head>
<body><main><h1>Voor ouders</h1>
<ouder-terugkoppeling endpoint="${server.url}/api/outcomes/demo" form="${formId}"><p>Lees het op de site van de gemeente.</p></ouder-terugkoppeling>
</main></body></html>`);
    const parent = await browser.newContext();
    const schoolPage = await parent.newPage();
    await schoolPage.goto(`${school.url}/`);
    const widget = schoolPage.locator('ouder-terugkoppeling');
    await widget.getByText('Vanaf september organiseren we elk kwartaal een meedenksessie.').waitFor();
    assert.match(await widget.locator('.badge').innerText(), /Besloten/);
    assert.match(await widget.locator('[part="results"]').innerText(), new RegExp(`${PARENTS} ouders deden mee`));
    assert.deepEqual(await parent.cookies(), [], 'no cookie for a parent');
    problems.push(...(await axeProblems(schoolPage, 'the school\'s page')));
    assert.deepEqual(problems, []);
    await parent.close();
    await coordinator.close();
  });
});

function minutes(clock) {
  const [hours, mins] = clock.split(':').map(Number);
  return hours * 60 + mins;
}
