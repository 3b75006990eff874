// The load test (scripts/load-test.mjs) as #7 asks: 30 s at 50 submissions/s against the real
// server on loopback, with the embedded storage and (when DATABASE_URL is set, as in .ci/run)
// PostgreSQL. `npm run load` runs it at 100/s.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { root } from './harness.mjs';

it('the server holds 50 submissions/s for 30 s: zero errors, zero non-2xx, rows = 2xx answers', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ouderstem-load-'));
  try {
    const resultFile = join(scratch, 'result.json');
    const run = spawnSync(process.execPath, [join(root, 'scripts/load-test.mjs'), '--duration', '30', '--rate', '50'], {
      env: { ...process.env, LOAD_TEST_RESULT: resultFile },
      encoding: 'utf8',
      timeout: 240_000,
    });
    console.log(run.stdout);
    const { results, failures } = JSON.parse(readFileSync(resultFile, 'utf8'));
    assert.deepEqual(failures, [], run.stderr);
    assert.equal(run.status, 0, run.stderr);
    for (const result of results) {
      assert.equal(result.ok, 1500);
      assert.equal(result.rows, 1500);
      // Held the rate: 1500 answers take about 30 s, not much longer.
      assert.ok(result.throughput >= 45, `${result.storage}: ${result.throughput.toFixed(1)} submissions/s, wanted about 50`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
