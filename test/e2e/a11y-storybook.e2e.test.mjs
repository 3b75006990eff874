// Every story of the built Storybook, in Chromium: axe-core (violations AND incomplete), ARIA id
// references inside each shadow root, no sideways scrolling at 320 CSS px, targets ≥ 24×24 px.
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

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
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
  const sources = Math.max(...['stories', 'src', '.storybook', 'test/fixtures'].map((dir) => newest(join(root, dir))));
  if (existsSync(built) && statSync(built).mtimeMs > sources) return { dir: join(root, 'storybook-static'), temporary: false };
  const dir = mkdtempSync(join(tmpdir(), 'ouderstem-storybook-'));
  const build = spawnSync('npx', ['storybook', 'build', '--quiet', '-o', dir], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`storybook build failed:\n${build.stdout}\n${build.stderr}`);
  return { dir, temporary: true };
}

const storybook = storybookFolder();
const stories = Object.values(JSON.parse(readFileSync(join(storybook.dir, 'index.json'), 'utf8')).entries).filter(
  (entry) => entry.type === 'story',
);

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

  it('has a reviewed allow-list: every entry names a rule and says why', () => {
    for (const entry of allowList) {
      assert.equal(typeof entry.rule, 'string', JSON.stringify(entry));
      assert.ok(typeof entry.reason === 'string' && entry.reason.length > 20, `no reason for ${entry.rule}`);
    }
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name} (${story.id})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      try {
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
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
        problems.push(...errors.map((message) => `page error: ${message}`));
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
