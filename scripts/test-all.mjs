// The README's test command (`npm test`): every suite of the project in one run, ending with one
// plain line "N passed, N failed" over all of them. `npm test -- --only=unit,server` runs a part.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const scratch = mkdtempSync(join(tmpdir(), 'ouderstem-test-'));
const wtrCounts = join(scratch, 'wtr.json');
const consoleCounts = join(scratch, 'wtr-console.json');

/** Counts from node:test's spec reporter ("ℹ pass 12", "ℹ fail 0"). */
function nodeTestCounts(output) {
  const pass = [...output.matchAll(/^ℹ pass (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  const fail = [...output.matchAll(/^ℹ fail (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  return { passed: pass, failed: fail };
}

/** Counts a web-test-runner run wrote through scripts/wtr-count-reporter.mjs. */
const wtrCount = (file) => (_output, code) => {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: counts.passed, failed: counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0) };
};

/** A step that is one check: it passes when its command exits 0. */
const oneCheck = (_output, code) => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });

const steps = [
  { group: 'static', name: 'schema types up to date', command: 'node', args: ['scripts/build-schema-types.mjs', '--check'], count: oneCheck },
  { group: 'static', name: 'server copies of shared modules up to date', command: 'node', args: ['scripts/share-with-server.mjs', '--check'], count: oneCheck },
  { group: 'static', name: 'shipped data up to date with data/src (mapshaper)', command: 'node', args: ['scripts/build-data.mjs', '--check'], count: oneCheck },
  { group: 'static', name: 'typecheck', command: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'], count: oneCheck },
  { group: 'static', name: 'typecheck (console)', command: 'npx', args: ['tsc', '-p', 'server/beheer/tsconfig.json'], count: oneCheck },
  { group: 'unit', name: 'component tests (web-test-runner, Chromium)', command: 'npx', args: ['web-test-runner'], env: { WTR_COUNT_FILE: wtrCounts }, count: wtrCount(wtrCounts) },
  {
    group: 'unit',
    name: 'console component tests (web-test-runner, Chromium)',
    command: 'npx',
    args: ['web-test-runner', '--config', 'server/beheer/web-test-runner.config.mjs'],
    env: { WTR_COUNT_FILE: consoleCounts },
    count: wtrCount(consoleCounts),
  },
  { group: 'unit', name: 'schemas and fixtures (node:test)', command: 'node', args: ['--test', '--test-reporter=spec', 'test/node/*.test.mjs'], count: nodeTestCounts },
  // The whole build, as `npm start` runs it: the widgets, the server and its console (the e2e
  // tests drive the console, which a fresh checkout has not built).
  { group: 'build', name: 'build (rollup, types, manifest, server, console)', command: 'npm', args: ['run', 'build'], count: oneCheck },
  { group: 'build', name: 'size budgets', command: 'node', args: ['scripts/size.mjs'], count: oneCheck },
  { group: 'build', name: 'storybook build', command: 'npm', args: ['run', 'build-storybook'], count: oneCheck },
  // Figures, not a timed test: it passes when it ran and printed them (#7).
  { group: 'build', name: 'benchmark: first render next to bare Lit (npm run bench)', command: 'node', args: ['scripts/bench.mjs'], count: oneCheck },
  { group: 'server', name: 'reference server', command: 'npm', args: ['test', '-w', 'ouderstem-server'], count: nodeTestCounts, when: () => existsSync('server/test') },
  { group: 'e2e', name: 'end to end (Chromium against the real server)', command: 'node', args: ['--test', '--test-reporter=spec', '--test-concurrency=1', 'test/e2e/*.e2e.test.mjs'], count: nodeTestCounts, when: () => existsSync('test/e2e') },
];

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      env: { ...process.env, ...step.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ output, code: code ?? 1 }));
  });
}

const totals = { passed: 0, failed: 0 };
const report = [];
for (const step of steps) {
  if (only && !only.includes(step.group)) continue;
  if (step.when && !step.when()) continue;
  console.log(`\n▶ ${step.name}\n`);
  const started = Date.now();
  const { output, code } = await run(step);
  let counts = step.count(output, code);
  // A suite that failed without a failing test (it crashed) still counts as a failure.
  if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  if (code === 0 && counts.passed + counts.failed === 0) counts = { passed: 0, failed: 1 }; // ran no test
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  report.push(`${counts.failed ? '✗' : '✓'} ${step.name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

console.log(`\n${report.join('\n')}\n`);
const summary = `${totals.passed} passed, ${totals.failed} failed`;
if (process.env.OUDERSTEM_SUMMARY_FILE) writeFileSync(process.env.OUDERSTEM_SUMMARY_FILE, summary + '\n');
console.log(summary);
process.exit(totals.failed > 0 ? 1 : 0);
