// The PGlite data folder as an operator meets it: private to the server's user, refused when it is
// damaged or holds no database, and reported on /healthz when its disk fills up (#17).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase, StorageError } from '../src/db.js';
import { makeApp, post, story } from './helpers.js';

/** Every mode under `dir`, as octal text, with how many entries have it. */
function modes(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (path: string) => {
    const mode = (statSync(path).mode & 0o777).toString(8);
    found.set(mode, (found.get(mode) ?? 0) + 1);
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
  return found;
}

describe('the PGlite data folder', () => {
  let scratch: string;
  let good: string;

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'ouderstem-storage-'));
    good = join(scratch, 'good');
    const db = await openDatabase({ dataDir: good });
    const app = await makeApp(db);
    // Enough stories that the table spans many pages, so a file that lost its end can be noticed.
    for (let index = 0; index < 150; index++) {
      const sent = await post(app, 'story', story({ story: `Verhaal ${index}: ${'de school luisterde en dacht mee. '.repeat(5)}` }));
      assert.equal(sent.statusCode, 201);
    }
    await app.close();
    await db.close();
  });
  after(() => rm(scratch, { recursive: true, force: true }));

  it('is created 0700, and an existing folder is made private at start-up', async () => {
    assert.equal((statSync(good).mode & 0o777).toString(8), '700');
    const copy = join(scratch, 'open-to-all');
    cpSync(good, copy, { recursive: true });
    chmodSync(copy, 0o755);
    for (const entry of readdirSync(join(copy, 'base'))) chmodSync(join(copy, 'base', entry), 0o777);
    chmodSync(join(copy, 'PG_VERSION'), 0o666);
    const db = await openDatabase({ dataDir: copy });
    assert.equal((statSync(copy).mode & 0o777).toString(8), '700', 'private while it runs');
    await db.close();
    assert.deepEqual([...modes(copy).keys()].sort(), ['600', '700'], 'folders 0700, files 0600');
  });

  it('a folder that holds files but no database stops start-up, naming the path', async () => {
    const other = join(scratch, 'not-a-database');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'boodschappen');
    await assert.rejects(openDatabase({ dataDir: other }), (error: Error) => error instanceof StorageError && error.message.includes(other) && /no database/.test(error.message));
    assert.deepEqual(readdirSync(other), ['notes.txt'], 'nothing was written into it');
  });

  it('a database without its control file stops start-up, naming the path', async () => {
    const broken = join(scratch, 'no-control');
    cpSync(good, broken, { recursive: true });
    rmSync(join(broken, 'global', 'pg_control'));
    await assert.rejects(openDatabase({ dataDir: broken }), (error: Error) => error instanceof StorageError && error.message.includes(broken) && /pg_control/.test(error.message));
  });

  it('a table file that lost its end stops start-up instead of answering with holes', async () => {
    const broken = join(scratch, 'truncated');
    cpSync(good, broken, { recursive: true });
    const db = await openDatabase({ dataDir: broken });
    const file = (await db.query<{ path: string }>("SELECT pg_relation_filepath('stories') AS path")).rows[0]!.path;
    await db.close();
    const size = statSync(join(broken, file)).size;
    assert.ok(size >= 3 * 8192, `stories spans ${size} bytes`);
    truncateSync(join(broken, file), 8192);
    await assert.rejects(openDatabase({ dataDir: broken }), (error: Error) => error instanceof StorageError && error.message.includes(broken) && /stories/.test(error.message));
  });

  it('/healthz says disk-full when the folder has less free space than it needs', async () => {
    const db = await openDatabase({ dataDir: good, minFreeBytes: Number.MAX_SAFE_INTEGER });
    const app = await makeApp(db);
    try {
      const health = await app.inject('/healthz');
      assert.equal(health.statusCode, 503);
      assert.deepEqual(health.json(), { status: 'unavailable', storage: 'pglite', problem: 'disk-full' });
      assert.ok(Number(health.headers['retry-after']) > 0);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

// A real full disk needs a small file system of its own: a tmpfs, which only root may mount (and
// only where the machine lets it: tried once here).
const canMount = process.getuid?.() === 0 && (() => {
  const probe = mkdtempSync(join(tmpdir(), 'ouderstem-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

if (canMount) describe('a disk that fills up under PGlite', () => {
  let mountPoint: string;
  before(async () => {
    mountPoint = await mkdtemp(join(tmpdir(), 'ouderstem-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', mountPoint]);
  });
  after(async () => {
    execFileSync('umount', ['-l', mountPoint]);
    await rm(mountPoint, { recursive: true, force: true });
  });

  it('writes answer 503 with Retry-After, /healthz says so, and both recover when space returns', async () => {
    const dataDir = join(mountPoint, 'data');
    const db = await openDatabase({ dataDir, minFreeBytes: 0 });
    const app = await makeApp(db);
    const ballast = join(mountPoint, 'ballast');
    try {
      assert.equal((await app.inject('/healthz')).statusCode, 200);
      // Fill what is left, then write stories until the database notices.
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${ballast}`, 'bs=1M', 'count=100'], { stdio: 'ignore' });
      } catch {
        // dd stops at a full disk: that is the point
      }
      let refused;
      for (let index = 0; index < 400 && !refused; index++) {
        const sent = await post(app, 'story', story({ story: `Verhaal ${index}: ${'x'.repeat(180)}` }));
        if (sent.statusCode !== 201) refused = sent;
      }
      assert.ok(refused, 'the full disk was noticed');
      assert.equal(refused.statusCode, 503, refused.body);
      assert.equal(refused.json().errors[0].code, 'unavailable');
      assert.ok(Number(refused.headers['retry-after']) > 0);
      const health = await app.inject('/healthz');
      assert.equal(health.statusCode, 503);
      assert.equal(health.json().problem, 'writes-failing');
      rmSync(ballast);
      const again = await post(app, 'story', story());
      assert.equal(again.statusCode, 201, again.body);
      assert.equal((await app.inject('/healthz')).statusCode, 200);
    } finally {
      if (existsSync(ballast)) rmSync(ballast);
      await app.close();
      await db.close().catch(() => undefined);
    }
  });
});
