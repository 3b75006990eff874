// Sign-ups end to end: the last place, the waiting list, a cancellation through the link in the
// confirmation, and the first person on the waiting list promoted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportRows, launchBrowser, startServer } from './harness.mjs';

const formId = 'meedenksessies-2027';
/** In the demo content: Alkmaar, one place, with a waiting list. */
const lastPlace = 'input[name="sessionIds"][value="alkmaar-april"]';

async function signUp(page, url, name, email) {
  await page.goto(`${url}/`);
  const widget = page.locator('ouder-meedenksessie');
  await widget.locator('form').waitFor();
  await widget.locator(lastPlace).check();
  await widget.locator('#name').fill(name);
  await widget.locator('#email').fill(email);
  await widget.locator('#consent').check();
  await widget.locator('button[type=submit]').click();
  await widget.locator('.panel--success').waitFor({ timeout: 20_000 });
  return widget;
}

const statusOf = (rows, email) => rows.find((row) => row.includes(email))?.split(',')[3];

describe('the demo sign-up, end to end', () => {
  let browser;
  before(async () => (browser = await launchBrowser()));
  after(async () => browser?.close());

  it('gives the last place, then the waiting list, and promotes the next parent when the first cancels', async () => {
    const server = await startServer();
    try {
      const first = await browser.newContext();
      const second = await browser.newContext();
      const firstWidget = await signUp(await first.newPage(), server.url, 'Fatima El Amrani', 'fatima@example.org');
      await firstWidget.getByText('U bent aangemeld').first().waitFor(); // the demo page says u (register="u")

      const secondPage = await second.newPage();
      const secondWidget = await signUp(secondPage, server.url, 'Joost de Vries', 'joost@example.org');
      await secondWidget.getByText(/wachtlijst/i).first().waitFor();

      let rows = (await exportRows(server.url, formId)).filter((row) => row.includes('alkmaar-april'));
      assert.equal(statusOf(rows, 'fatima@example.org'), 'confirmed');
      assert.equal(statusOf(rows, 'joost@example.org'), 'waitlisted');

      // The first parent cancels through the link in her confirmation.
      const cancelPage = first.pages()[0];
      const cancel = firstWidget.locator('a[href*="/api/cancel/"]');
      await cancel.click();
      // Someone waits for this place, and the page says so.
      await cancelPage.getByText('Dan gaat je plaats naar iemand op de wachtlijst.').waitFor();
      await cancelPage.getByRole('button', { name: 'Ja, meld me af' }).click();
      await cancelPage.getByRole('heading', { name: 'Je bent afgemeld' }).waitFor();

      rows = (await exportRows(server.url, formId)).filter((row) => row.includes('alkmaar-april'));
      assert.equal(statusOf(rows, 'joost@example.org'), 'confirmed');
      assert.notEqual(statusOf(rows, 'fatima@example.org'), 'confirmed');
      await first.close();
      await second.close();
    } finally {
      await server.stop();
      server.cleanUp();
    }
  });
});
