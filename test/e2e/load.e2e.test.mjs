// The load run (scripts/load-test.mjs) as a bounded check in npm test (#7, #17): 10 s at 50
// requests/s of each scenario (votes with replays and participation codes, sign-ups for a session
// with a capacity, stories, the poll's GET), paced evenly, against the real server on loopback,
// with the embedded storage and (when DATABASE_URL is set, as in .ci/run) PostgreSQL. It fails
// when anything is lost, doubled or refused, when the rate is not held, or when p99 passes 250 ms
// (generous for a shared CI machine: the figures against the baseline are `npm run load`'s).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { root } from './harness.mjs';

it('the server holds 50 requests/s of every scenario for 10 s: nothing lost or doubled, rate held, p99 < 250 ms', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ouderstem-load-'));
  try {
    const resultFile = join(scratch, 'result.json');
    const run = spawnSync(process.execPath, [join(root, 'scripts/load-test.mjs'), '--rate', '50', '--duration', '10', '--p99', '250', '--processes', '1'], {
      env: { ...process.env, LOAD_TEST_RESULT: resultFile },
      encoding: 'utf8',
      timeout: 480_000,
    });
    console.log(run.stdout);
    const { results, failures } = JSON.parse(readFileSync(resultFile, 'utf8'));
    assert.deepEqual(failures, [], run.stderr);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(results.length, process.env.DATABASE_URL ? 8 : 4);
    for (const row of results) assert.ok(row.ours.passed, `${row.storage} ${row.scenario}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
