// A throw-away PostgreSQL cluster of its own, for tests that stop and start the database: initdb
// into a temporary folder and pg_ctl on a free loopback port. The shared cluster on 5432 is never
// touched. PostgreSQL refuses to run as root, so as root it runs as the user `postgres`.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './harness.mjs';

/** The folder with initdb and pg_ctl: Debian's newest /usr/lib/postgresql/<version>/bin, else pg_config's. */
export function postgresBinDir() {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((version) => existsSync(join(debian, version, 'bin', 'initdb')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return existsSync(join(dir, 'initdb')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

function owner() {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  return { uid, gid };
}

/** Starts a private cluster; `stop()` kills it as a crash would (`-m immediate`), `start()` brings it back. */
export async function startPrivatePostgres() {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found (initdb, pg_ctl)');
  const ids = owner();
  const dir = mkdtempSync(join(tmpdir(), 'ouderstem-pg-'));
  if (ids.uid !== undefined) chownSync(dir, ids.uid, ids.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (tool, args) => {
    const result = spawnSync(join(bin, tool), args, { ...ids, cwd: dir, encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    bin,
    start,
    stop: (mode = 'immediate') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    /** Runs one of the cluster's tools (pg_dump, pg_restore, psql) as the cluster's user. */
    tool: run,
    destroy() {
      spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...ids, stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
