/**
 * PGlite is a database inside one process: a second process that opens the same data folder reads
 * what was last written to disk, not what the server holds (an export that was silently out of
 * date), and may damage it by writing. So a server claims its folder with a small file in it, and
 * the command line asks that running server instead of opening the folder itself.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from './content.js';

const FILE = 'ouderstem-server.json';

/** The server that holds a data folder: its process, and (once it listens) where and with which token the command line reaches it. */
export interface RunningServer {
  pid: number;
  url?: string;
  /** A random bearer token of this process for `GET /api/export/:id`; only who can read the data folder has it. */
  token?: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live server holding `dir`, if any (a file left by a process that died does not count). */
export function runningServer(dir: string): RunningServer | undefined {
  let server: RunningServer;
  try {
    server = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as RunningServer;
  } catch {
    return undefined;
  }
  return Number.isInteger(server.pid) && server.pid !== process.pid && alive(server.pid) ? server : undefined;
}

export class DataLock {
  readonly token = randomBytes(32).toString('base64url');

  private constructor(private readonly dir: string) {}

  /** Claims `dir` for this process; refused (with what to do) while another live server holds it. */
  static claim(dir: string): DataLock {
    const other = runningServer(dir);
    if (other) {
      throw new ContentError(
        `Er draait al een Ouderstem-server op de gegevensmap ${dir} (proces ${other.pid}${other.url ? `, ${other.url}` : ''}). Stop die eerst, of gebruik PostgreSQL (DATABASE_URL) voor meer processen.`,
      );
    }
    const lock = new DataLock(dir);
    lock.write({ pid: process.pid });
    return lock;
  }

  /** Says where the server listens, so the command line can reach it. */
  listening(url: string): void {
    this.write({ pid: process.pid, url, token: this.token });
  }

  release(): void {
    if (runningServer(this.dir) === undefined) rmSync(join(this.dir, FILE), { force: true });
  }

  private write(server: RunningServer): void {
    writeFileSync(join(this.dir, FILE), `${JSON.stringify(server)}\n`, { mode: 0o600 });
  }
}
