// A parent answers the demo poll in Debian's Chromium against the real reference server.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { answerWithKeyboard, exportRows, launchBrowser, startServer } from './harness.mjs';

const formId = 'ouderbetrokkenheid-2027';

/** Other parents' votes, so the poll has enough responses to show results. */
async function otherVotes(url, count) {
  const definition = await (await fetch(`${url}/api/forms/${formId}`)).json();
  const first = definition.questions[0].options[0].value;
  for (let i = 0; i < count; i++) {
    const submissionId = randomUUID();
    const response = await fetch(`${url}/api/forms/${formId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': submissionId },
      body: JSON.stringify({
        type: 'peiling',
        formId,
        submissionId,
        submittedAt: new Date().toISOString(),
        lang: 'nl',
        data: { answers: { betrokken: first, gehoord: 4 }, voterToken: randomUUID() },
        meta: {},
      }),
    });
    assert.equal(response.status, 201, await response.text());
  }
}

describe('the demo poll, end to end', () => {
  let browser;
  before(async () => (browser = await launchBrowser()));
  after(async () => browser?.close());

  it('a parent answers with the keyboard only, sees the results, and the database holds one row', async () => {
    const server = await startServer();
    try {
      await otherVotes(server.url, 10);
      const page = await browser.newPage();
      const requests = [];
      page.on('request', (request) => requests.push(request.url()));
      const posts = [];
      page.on('request', (request) => request.method() === 'POST' && posts.push(request.postDataJSON()));
      await page.goto(`${server.url}/`);
      const poll = page.locator('ouder-peiling');
      await poll.locator('form').waitFor();
      await poll.locator('.title').focus();
      // Four questions: asked one at a time; "Volgende vraag" until the last, then "Versturen".
      for (let step = 0; step < 3; step++) {
        await answerWithKeyboard(page, /^Volgende vraag$/);
        await page.keyboard.press('Enter');
      }
      await answerWithKeyboard(page, /^Versturen$/);
      await page.keyboard.press('Enter');
      await poll.getByText('Bedankt voor uw antwoord!').waitFor(); // the demo page says u (register="u")
      await poll.getByText('11 ouders deden mee.').waitFor();
      assert.equal(await poll.locator('.results').count(), 1);

      assert.equal(posts.length, 1);
      const rows = await exportRows(server.url, formId);
      assert.equal(rows.length, 11);
      assert.equal(rows.filter((row) => row.includes('Meer uitleg over de plannen, graag.')).length, 1);
      // Private by default: nothing but the page's own origin, and no cookie.
      assert.deepEqual(requests.filter((url) => !url.startsWith(server.url)), []);
      assert.deepEqual(await page.context().cookies(), []);
      await page.close();
    } finally {
      await server.stop();
      server.cleanUp();
    }
  });

  it('keeps the answer when the server is down during submit, and sends it once when it is back', async () => {
    let server = await startServer();
    const { port, data } = server;
    try {
      const page = await browser.newPage();
      const posts = [];
      page.on('request', (request) => request.method() === 'POST' && posts.push(request.postDataJSON()));
      await page.goto(`${server.url}/`);
      const poll = page.locator('ouder-peiling');
      await poll.locator('form').waitFor();
      await poll.locator('#q-betrokken-0').check();
      await poll.getByRole('button', { name: 'Volgende vraag' }).click();
      await poll.getByRole('button', { name: 'Volgende vraag' }).click();
      await poll.locator('#q-gehoord-2').check();
      await poll.getByRole('button', { name: 'Volgende vraag' }).click();
      await poll.locator('#q-tip').fill('Verstuurd terwijl de server uit stond.');
      await server.stop();
      await poll.getByRole('button', { name: 'Versturen' }).click();
      await poll.getByText('Nog niet verstuurd').waitFor({ timeout: 20_000 });
      assert.ok(posts.length >= 1);
      const submissionId = posts[0].submissionId;
      assert.ok(posts.every((post) => post.submissionId === submissionId), 'every try carries the same key');

      server = await startServer({ port, data });
      await page.reload();
      await poll.locator('.panel--success').waitFor({ timeout: 20_000 });
      const rows = await exportRows(server.url, formId);
      assert.equal(rows.length, 1);
      assert.ok(rows[0].includes('Verstuurd terwijl de server uit stond.'));
      assert.equal(await page.evaluate(() => localStorage.getItem('ouderstem:outbox')), null);
      await page.close();
    } finally {
      await server.stop();
      server.cleanUp();
    }
  });
});
