// Every story of the built Storybook, in Chromium: axe-core (violations AND incomplete), ARIA id
// references inside each shadow root, no sideways scrolling at 320 CSS px, targets ≥ 24×24 px, and
// a clean browser console (no page error, no warning, no error). Every documentation page too:
// it renders, its widgets' tables come from the Custom Elements Manifest, and its console is clean.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, root, settle, startStaticServer, widgetProblems } from './harness.mjs';
import { widgets } from './widgets.mjs';

// <ouder-terugkoppeling> has stories but is not (yet) one of the widgets the other gates drive
// (test/e2e/widgets.mjs): it only shows, so there is nothing for them to fill in.
const tags = [...widgets.map((widget) => widget.tag), 'ouder-terugkoppeling'];
const axePath = join(root, 'node_modules/axe-core/axe.min.js');
const allowList = JSON.parse(readFileSync(new URL('./axe-allow.json', import.meta.url), 'utf8'));
const consoleAllowList = JSON.parse(readFileSync(new URL('./console-allow.json', import.meta.url), 'utf8'));

/** The newest modification time of `dir` (a file, or any file under a folder). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  if (statSync(dir).isFile()) return statSync(dir).mtimeMs;
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return time;
}

/**
 * `storybook-static/` when it is newer than the stories and sources it was built from (the `build`
 * group of `npm test` just made it); otherwise one fresh build in a temporary folder.
 */
function storybookFolder() {
  const built = join(root, 'storybook-static/index.json');
  // The web-editor page shows the README's snippets; the widget pages come from custom-elements.json.
  const sources = Math.max(...['stories', 'src', '.storybook', 'test/fixtures', 'README.md', 'custom-elements.json'].map((dir) => newest(join(root, dir))));
  if (existsSync(built) && statSync(built).mtimeMs > sources) return { dir: join(root, 'storybook-static'), temporary: false };
  const dir = mkdtempSync(join(tmpdir(), 'ouderstem-storybook-'));
  const manifest = spawnSync('npm', ['run', 'manifest'], { cwd: root, encoding: 'utf8' });
  if (manifest.status !== 0) throw new Error(`npm run manifest failed:\n${manifest.stdout}\n${manifest.stderr}`);
  const build = spawnSync('npx', ['storybook', 'build', '--quiet', '-o', dir], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`storybook build failed:\n${build.stdout}\n${build.stderr}`);
  return { dir, temporary: true };
}

const storybook = storybookFolder();
const entries = Object.values(JSON.parse(readFileSync(join(storybook.dir, 'index.json'), 'utf8')).entries);
const stories = entries.filter((entry) => entry.type === 'story');
const docs = entries.filter((entry) => entry.type === 'docs');

/**
 * Everything a page says on its console that is a warning or an error, and every page error,
 * but what console-allow.json expects of that story (`story`: a regular expression over the
 * story's id; for a story that shows a failed load).
 */
function watchConsole(page, storyId) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (!['warning', 'error'].includes(message.type())) return;
    const text = message.text();
    if (consoleAllowList.some((entry) => new RegExp(entry.story).test(storyId) && text.includes(entry.message))) return;
    problems.push(`console ${message.type()}: ${text}`);
  });
  return problems;
}

/** An allow-list entry matches a rule, optionally only in stories whose id contains `story`. */
function allowed(result, storyId) {
  return allowList.some((entry) => entry.rule === result.id && (!entry.story || storyId.includes(entry.story)));
}

function explain(kind, results) {
  return results.map(
    (result) =>
      `${kind} ${result.id} (${result.impact ?? 'no impact'}): ${result.help}\n` +
      result.nodes
        .slice(0, 5)
        .map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n'),
  );
}

describe('every story of the built Storybook', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launchBrowser();
    server = await startStaticServer(storybook.dir);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (storybook.temporary) rmSync(storybook.dir, { recursive: true, force: true });
  });

  it('has reviewed allow-lists: every entry names a rule (or a console message) and says why', () => {
    for (const entry of allowList) {
      assert.equal(typeof entry.rule, 'string', JSON.stringify(entry));
      assert.ok(typeof entry.reason === 'string' && entry.reason.length > 20, `no reason for ${entry.rule}`);
    }
    for (const entry of consoleAllowList) {
      assert.ok(typeof entry.story === 'string' && typeof entry.message === 'string', JSON.stringify(entry));
      assert.ok(typeof entry.reason === 'string' && entry.reason.length > 20, `no reason for ${entry.message}`);
      assert.ok(entries.some(({ id }) => new RegExp(entry.story).test(id)), `console-allow.json: no story matches ${entry.story}`);
    }
  });

  it('documents every widget, and has the pages for web editors and for theming', () => {
    const titles = docs.map((entry) => entry.title);
    for (const tag of tags) assert.ok(titles.includes(`Widgets/${tag}`), `no documentation page for <${tag}>`);
    assert.ok(titles.includes('Ouderstem/Voor webredacteuren'));
    assert.ok(titles.includes('Ouderstem/Thema en NL Design System'));
  });

  for (const entry of docs) {
    it(`documentation: ${entry.title} (${entry.id})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      try {
        const page = await context.newPage();
        const problems = watchConsole(page, entry.id);
        await page.goto(`${server.url}/iframe.html?id=${entry.id}&viewMode=docs`);
        await page.locator('.sbdocs-content h1').first().waitFor();
        const tag = /^Widgets\/(ouder-[a-z]+)$/.exec(entry.title)?.[1];
        if (tag) {
          // The tables come from custom-elements.json: an attribute, an event, a part and a custom property of the widget.
          const table = page.locator('.docblock-argstable').first();
          await table.waitFor();
          const text = await table.innerText();
          for (const expected of ['privacy-url', 'ouder-ready', 'css shadow parts', 'css custom properties']) {
            assert.ok(text.toLowerCase().includes(expected), `the table of <${tag}> shows no ${expected}`);
          }
        }
        await settle(page, tags);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  for (const story of stories) {
    it(`${story.title} / ${story.name} (${story.id})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      try {
        const page = await context.newPage();
        const errors = watchConsole(page, story.id);
        await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`);
        await settle(page, tags);
        const present = await page.evaluate((tags) => tags.filter((tag) => document.querySelector(tag)), tags);
        assert.ok(present.length > 0, 'the story shows no widget');

        await page.addScriptTag({ path: axePath });
        const results = await page.evaluate(
          (present) =>
            window.axe.run(
              { include: present.map((tag) => [tag]) },
              {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                // Every rule runs; what a story page lacks that a host page has is in axe-allow.json.
                resultTypes: ['violations', 'incomplete'],
              },
            ),
          present,
        );
        const violations = results.violations.filter((result) => !allowed(result, story.id));
        const incomplete = results.incomplete.filter((result) => !allowed(result, story.id));
        const problems = [...explain('violation', violations), ...explain('needs review', incomplete)];

        problems.push(...(await widgetProblems(page, present)).map((problem) => `at 1024 px: ${problem}`));
        await page.setViewportSize({ width: 320, height: 800 });
        await settle(page, present);
        problems.push(...(await widgetProblems(page, present)).map((problem) => `at 320 px: ${problem}`));
        problems.push(...errors);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
