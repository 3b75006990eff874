import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { MIGRATIONS } from './migrations.js';

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** What both storage backends offer: parameterised queries and transactions, with the same SQL. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

/** How the storage is doing, as `/healthz` and `/metrics` report it. */
export interface Health {
  ok: boolean;
  /** Why not: the database does not answer, its disk is (nearly) full, or writes fail. */
  problem?: 'unreachable' | 'disk-full' | 'writes-failing';
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  health(): Promise<Health>;
  close(): Promise<void>;
}

/** Start-up stops with this message: a storage problem an operator must look at, named with its path. */
export class StorageError extends Error {}

/**
 * The database cannot do its work right now, for a reason that passes by itself or by an
 * operator's hand (connection gone, server shutting down, disk full): answered 503 with
 * Retry-After, so the widget keeps the submission and tries again.
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // SQLSTATE classes 08 (connection), 53 (insufficient resources: disk full, memory,
    // connections), 57P (shutdown, cannot connect now), 58 (I/O error).
    if (/^(08|53|57P|58)/.test(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENOSPC', 'EROFS', 'EIO'].includes(code)) return true;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|could not (extend|write|read)/i.test(error.message);
}

/**
 * What may go to a log about a failed request: the error's class and SQLSTATE (with the table and
 * constraint it names), never a database error's message, detail or parameters: they can hold a
 * name, an e-mail address, a story or a cancel token. Our own errors keep message and stack.
 */
export function loggableError(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { type: typeof error };
  const fields = error as Error & { code?: unknown; severity?: unknown; table?: unknown; constraint?: unknown };
  if (typeof fields.severity === 'string' || isUnavailable(error)) {
    const safe: Record<string, string> = { type: typeof fields.severity === 'string' ? 'DatabaseError' : error.constructor.name };
    for (const key of ['code', 'table', 'constraint'] as const) if (typeof fields[key] === 'string') safe[key] = fields[key];
    return safe;
  }
  return { type: error.constructor.name, message: error.message, stack: error.stack ?? '' };
}

/** The disk under the database refuses writes (full, read-only, failing): SQLSTATE 53100 and 58xxx, or the file system's own code. */
function isWriteFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(53100|58|ENOSPC|EROFS|EIO)/.test(code)) return true;
  return /could not (extend|write)|No space left/i.test(error.message);
}

/**
 * Remembers a write the disk refused until a write succeeds again, so /healthz does not say ok
 * meanwhile (`SELECT 1` still works on a full disk). A lost connection shows in `SELECT 1` itself.
 */
const WRITE = /^\s*(INSERT|UPDATE|DELETE|WITH)\b/i;

class WriteTracker {
  failing = false;
  async watch<T>(work: () => Promise<T>, writes = true): Promise<T> {
    try {
      const result = await work();
      if (writes) this.failing = false;
      return result;
    } catch (error) {
      if (isWriteFailure(error)) this.failing = true;
      throw error;
    }
  }
}

/** Below this much free space in the PGlite folder /healthz reports `disk-full` (PostgreSQL needs room for a new WAL segment). */
const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;

class PGliteDatabase implements Database {
  readonly kind = 'pglite';
  private readonly writes = new WriteTracker();
  constructor(
    private readonly db: PGlite,
    private readonly dataDir: string | undefined,
    private readonly minFreeBytes: number,
  ) {}

  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = await this.writes.watch(() => this.db.query<Row>(sql, params), WRITE.test(sql));
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.writes.watch(() =>
      this.db.transaction((tx) =>
        work({
          async query<Row>(sql: string, params: unknown[] = []) {
            const result = await tx.query<Row>(sql, params);
            return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
          },
        }),
      ),
    );
  }

  async health(): Promise<Health> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      return { ok: false, problem: 'unreachable' };
    }
    if (this.dataDir) {
      const disk = statfsSync(this.dataDir);
      if (disk.bavail * disk.bsize < this.minFreeBytes) return { ok: false, problem: 'disk-full' };
    }
    return this.writes.failing ? { ok: false, problem: 'writes-failing' } : { ok: true };
  }

  async close(): Promise<void> {
    await this.db.close();
    // PGlite writes new files 0666; the folder's 0700 keeps others out meanwhile, and this tidies up.
    if (this.dataDir) makePrivate(this.dataDir);
  }
}

class PostgresDatabase implements Database {
  readonly kind = 'postgres';
  private readonly writes = new WriteTracker();
  constructor(private readonly pool: pg.Pool) {}

  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = await this.writes.watch(() => this.pool.query(sql, params), WRITE.test(sql));
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.writes.watch(async () => {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work({
          async query<Row>(sql: string, params: unknown[] = []) {
            const answer = await client.query(sql, params);
            return { rows: answer.rows as Row[], rowCount: answer.rowCount ?? 0 };
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = isUnavailable(error);
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        // A connection that failed goes, instead of back to the pool for the next request to trip over.
        client.release(broken);
      }
    });
  }

  async health(): Promise<Health> {
    try {
      await this.pool.query('SELECT 1');
    } catch {
      return { ok: false, problem: 'unreachable' };
    }
    return this.writes.failing ? { ok: false, problem: 'writes-failing' } : { ok: true };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; when absent (and no URL) the database lives in memory. */
  dataDir?: string;
  /** PGlite: below this many free bytes in the data folder /healthz reports `disk-full` (default 64 MiB). */
  minFreeBytes?: number;
  /** Connections per process to PostgreSQL (default 10). */
  poolSize?: number;
  /** Called with what may be logged when an idle PostgreSQL connection breaks (the pool replaces it). */
  onIdleError?: (error: Record<string, string>) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.databaseUrl ? openPostgres(options) : await openPGlite(options);
  try {
    await migrate(database);
    if (database.kind === 'pglite' && options.dataDir) await checkTables(database, options.dataDir);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  return database;
}

function openPostgres(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    // A database that does not answer must not hold requests for ever: they get 503 and are retried.
    connectionTimeoutMillis: 5_000,
    // Ends a statement stuck behind a lock or a dying server instead of the client waiting on it.
    statement_timeout: 15_000,
  });
  // Without a listener, a connection that breaks while idle (PostgreSQL restarted, network gone)
  // is an unhandled 'error' event and ends the process. The pool drops that connection by itself.
  pool.on('error', (error) => options.onIdleError?.(loggableError(error)));
  return new PostgresDatabase(pool);
}

/**
 * Opens (or creates) the PGlite folder. It must be private to the user running the server (0700,
 * files 0600): it holds names, e-mail addresses and stories. A folder that holds files but no
 * database, or a database without its control file, stops start-up instead of becoming a new,
 * empty database.
 */
async function openPGlite(options: DatabaseOptions): Promise<Database> {
  const dir = options.dataDir;
  if (dir) prepareDataDir(dir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dir);
  } catch (error) {
    throw new StorageError(
      `${dir}: the database in this folder could not be opened (${(error as Error).message ?? error}). ` +
        'Restore the folder from a backup, or move it away to start with an empty database.',
    );
  }
  return new PGliteDatabase(pglite, dir, options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES);
}

function prepareDataDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return;
  }
  if (!lstatSync(dir).isDirectory()) throw new StorageError(`${dir}: the data folder is not a folder.`);
  const entries = readdirSync(dir);
  if (entries.length > 0) {
    if (!entries.includes('PG_VERSION')) {
      throw new StorageError(`${dir}: this folder holds files but no database (no PG_VERSION). Give the server an empty or new folder, or the right one.`);
    }
    if (!existsSync(join(dir, 'global', 'pg_control'))) {
      throw new StorageError(`${dir}: the database is damaged (global/pg_control is missing). Restore the folder from a backup.`);
    }
  }
  makePrivate(dir);
}

/** Folder and subfolders 0700, files 0600 (PGlite writes its files 0666): the folder's own mode already keeps others out. */
function makePrivate(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
    for (const entry of readdirSync(path)) makePrivate(join(path, entry));
  } else if ((stat.mode & 0o077) !== 0) {
    chmodSync(path, stat.mode & 0o700);
  }
}

/**
 * Reads every table through its primary key, heap rows included. PostgreSQL does not notice a
 * table file that lost its end until a row in the lost part is asked for; this asks for all of them
 * at start-up, so a damaged folder stops the server instead of answering with holes.
 */
async function checkTables(database: Database, dir: string): Promise<void> {
  const tables = await database.query<{ table_name: string; columns: string[] }>(
    `SELECT c.relname AS table_name, array_agg(a.attname ORDER BY k.ord) AS columns
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary
     GROUP BY c.relname`,
  );
  await database.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    await tx.query('SET LOCAL enable_bitmapscan = off');
    await tx.query('SET LOCAL enable_indexonlyscan = off');
    for (const { table_name: table, columns } of tables.rows) {
      const order = columns.map((column) => `"${column}"`).join(', ');
      try {
        await tx.query(`SELECT count(t.*) FROM (SELECT * FROM "${table}" ORDER BY ${order}) t`);
      } catch (error) {
        throw new StorageError(`${dir}: the database is damaged (table ${table}: ${(error as Error).message}). Restore the folder from a backup.`);
      }
    }
  });
}

/**
 * Applies the numbered migrations that are not yet in `schema_migrations`. The advisory lock lets
 * several server processes start against one PostgreSQL at the same time.
 */
export async function migrate(database: Database): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4242001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(applied.rows.map((row) => row.version));
    for (const [index, statements] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      for (const statement of statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
  });
}
