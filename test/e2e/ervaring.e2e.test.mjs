// A parent's story, end to end: sent while the server is down, kept, sent once when it is back,
// and taken back with the withdrawal code.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportRows, launchBrowser, rowHas, startServer } from './harness.mjs';

const formId = 'deel-je-ervaring';
const story =
  'Na maanden wachten kreeg onze zoon eindelijk begeleiding op school. Wat hielp: één vast aanspreekpunt dat terugbelde.';

describe('the demo story form, end to end', () => {
  let browser;
  before(async () => (browser = await launchBrowser()));
  after(async () => browser?.close());

  it('keeps a story sent while the server is down, sends it once when back, and withdraws it with its code', async () => {
    let server = await startServer();
    const { port, data } = server;
    try {
      const page = await browser.newPage();
      const posts = [];
      page.on('request', (request) => request.method() === 'POST' && request.url().includes(formId) && posts.push(request.postDataJSON()));
      await page.goto(`${server.url}/`);
      const widget = page.locator('ouder-ervaring');
      await widget.locator('form').waitFor();
      await widget.locator('#story').fill(story);
      await widget.locator('#themes-0').check();
      await widget.locator('#consent-1').check();

      await server.stop();
      await widget.locator('button[type=submit]').click();
      await widget.getByText('Nog niet verstuurd').waitFor({ timeout: 20_000 });
      assert.ok(posts.length >= 1);
      assert.ok(posts.every((post) => post.submissionId === posts[0].submissionId), 'every try carries the same key');

      server = await startServer({ port, data });
      await page.reload();
      await widget.locator('.panel--success').waitFor({ timeout: 20_000 });
      const code = (await widget.locator('[part~="withdraw-code"]').first().textContent()).trim();
      assert.match(code, /\S{6,}/);
      let rows = await exportRows(server.url, formId);
      assert.equal(rows.length, 1);
      assert.ok(rowHas(rows[0], 'vast aanspreekpunt'));

      const answer = await page.evaluate(
        async ({ url, code }) => (await fetch(`${url}/api/withdraw`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code }),
        })).status,
        { url: server.url, code },
      );
      assert.ok(answer >= 200 && answer < 300, `withdraw answered ${answer}`);
      rows = await exportRows(server.url, formId);
      assert.equal(rows.length, 0);
      assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length), 0, 'draft and outbox are gone');
      await page.close();
    } finally {
      await server.stop();
      server.cleanUp();
    }
  });
});
