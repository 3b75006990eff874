/**
 * The real `ouderstem-server` command, as a gemeente runs it: sign-up data is deleted when its
 * days after the session have passed, with the server running and after a restart; and
 * `ouderstem-server export` gives the running server's files, never a stale copy of its folder.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import pg from 'pg';
import { freePort } from './helpers.js';

const BIN = fileURLToPath(new URL('../../bin/ouderstem-server.js', import.meta.url));
const TOKEN = 'proces-token';
const run = promisify(execFile);
const databaseUrl = process.env.DATABASE_URL;

interface Server {
  child: ChildProcess;
  base: string;
  /** The one-time set-up link, printed while nobody has an account. */
  setupUrl?: string;
  exited: Promise<void>;
}

interface Storage {
  dataDir: string;
  databaseUrl?: string;
}

function env(storage: Storage) {
  return { ...process.env, DATABASE_URL: storage.databaseUrl ?? '', OUDERSTEM_EXPORT_TOKEN: TOKEN, OUDERSTEM_SMTP_URL: '', OUDERSTEM_MAIL_FROM: '' };
}

async function start(storage: Storage): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, '--port', String(port), '--host', '127.0.0.1', '--data', storage.dataDir], {
    cwd: storage.dataDir,
    env: env(storage),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: Server = { child, base: `http://127.0.0.1:${port}`, exited: once(child, 'exit').then(() => undefined) };
  let output = '';
  const started = new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      server.setupUrl ??= /(http:\/\/\S+\/beheer\/setup\/\S+)/.exec(output)?.[1];
      if (/^Beheer: /m.test(output)) resolve();
    });
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  await Promise.race([started, server.exited.then(() => Promise.reject(new Error(`the server stopped before it started:\n${output}`)))]);
  return server;
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await server.exited;
}

async function request(server: Server, path: string, init: RequestInit & { json?: unknown; cookie?: string } = {}) {
  const headers: Record<string, string> = { origin: server.base };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (init.cookie) headers.cookie = init.cookie;
  return fetch(`${server.base}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) }, body: init.json === undefined ? init.body : JSON.stringify(init.json) });
}

async function exportRows(server: Server, form: string): Promise<Record<string, string>[]> {
  const response = await request(server, `/api/export/${form}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  return parseCsv(await response.text(), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
}

async function signUp(server: Server, form: string, sessionIds: string[], name: string) {
  const submissionId = crypto.randomUUID();
  const body = { type: 'meedenksessie', formId: form, submissionId, submittedAt: new Date().toISOString(), lang: 'nl', data: { sessionIds, name, email: `${name.toLowerCase()}@example.nl`, consent: true }, meta: {} };
  const response = await request(server, `/api/forms/${form}`, { method: 'POST', json: body, headers: { 'idempotency-key': submissionId } });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as { cancelUrl: string };
}

const wait = (until: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));

const storages: { name: string; make(dir: string): Promise<Storage> }[] = [{ name: 'PGlite data folder', make: async (dir) => ({ dataDir: dir }) }];
if (databaseUrl) {
  storages.push({
    name: 'PostgreSQL',
    async make(dir) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
      await client.end();
      return { dataDir: dir, databaseUrl };
    },
  });
}

for (const { name, make } of storages) {
  describe(`the server process on ${name}`, () => {
    let dir: string;
    let storage: Storage;
    let server: Server | undefined;

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ouderstem-processes-'));
      storage = await make(dir);
    });
    after(async () => {
      if (server) await stop(server);
      await rm(dir, { recursive: true, force: true });
    });

    it('deletes sign-ups when their days after the session have passed: while it runs, and at start after a restart', async () => {
      server = await start(storage);
      const setup = await request(server, new URL(server.setupUrl!).pathname.replace('/beheer/setup/', '/beheer/api/setup/'), {
        method: 'POST',
        json: { organisationName: 'Gemeente Proef', name: 'Coördinator', email: 'coordinator@proef.nl', password: 'een lang genoeg wachtwoord' },
      });
      assert.equal(setup.status, 201, await setup.clone().text());
      const cookie = setup.headers.getSetCookie()[0]!.split(';')[0]!;
      // Sessions some seconds from now; the form keeps sign-ups 0 days after a session: gone right after it.
      // 'later' keeps its sign-ups for the rest of the test. The slow parts (a second process) come last.
      const t0 = Date.now();
      const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
      const definition = {
        type: 'meedenksessie',
        id: 'snel',
        title: 'Snel voorbij',
        multiple: true,
        sessions: [
          { id: 'nu', title: 'Nu', start: at(15), end: at(18) },
          { id: 'straks', title: 'Straks', start: at(15), end: at(40) },
          { id: 'later', title: 'Later', start: at(3600), end: at(7200) },
        ],
      };
      const created = await request(server, '/beheer/api/forms', { method: 'POST', cookie, json: { type: 'meedenksessie', definition, retentionDays: 0 } });
      assert.equal(created.status, 201, await created.clone().text());
      assert.equal((await request(server, '/beheer/api/forms/snel/publish', { method: 'POST', cookie, json: { version: 1 } })).status, 200);
      await signUp(server, 'snel', ['nu'], 'Anna');
      await signUp(server, 'snel', ['nu', 'straks'], 'Bram');
      await signUp(server, 'snel', ['straks'], 'Cem');
      assert.ok(Date.now() < t0 + 15_000, 'signed up before the sessions began');

      // With the server running: 'nu' ended at 18 s, so Anna goes; Bram stays for 'straks'.
      await wait(t0 + 20_500);
      assert.deepEqual((await exportRows(server, 'snel')).map((row) => `${row.Naam} ${row.Sessie}`).sort(), ['Bram Nu', 'Bram Straks', 'Cem Straks'], 'Anna deleted while the server ran; Bram stays for his later session');

      // Stopped before 'straks' ends at 40 s, started after: the deletion happens at start.
      await stop(server);
      server = undefined;
      assert.ok(Date.now() < t0 + 40_000, 'stopped before the last session ended');
      await wait(t0 + 41_000);
      server = await start(storage);
      assert.deepEqual(await exportRows(server, 'snel'), [], 'everyone of "straks" deleted at the restart');

      // `ouderstem-server export` while the server runs: the server's own file, a cancel a moment ago included.
      await signUp(server, 'snel', ['later'], 'Dewi');
      const cancelled = await signUp(server, 'snel', ['later'], 'Eva');
      assert.equal((await fetch(cancelled.cancelUrl.replace(/^https?:\/\/[^/]+/, server.base), { method: 'POST', headers: { origin: server.base } })).status, 200);
      const cli = await run(process.execPath, [BIN, 'export', '--form', 'snel', '--data', dir], { cwd: dir, env: env(storage) });
      const served = await request(server, '/api/export/snel', { headers: { authorization: `Bearer ${TOKEN}` } });
      // Byte for byte: fetch's text() would drop the BOM.
      assert.equal(cli.stdout, new TextDecoder('utf-8', { ignoreBOM: true }).decode(await served.arrayBuffer()), 'the same file as the export route');
      const listed = parseCsv(cli.stdout, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
      assert.equal(listed.find((row) => row.Naam === 'Eva')!.Status, 'Afgemeld', 'never a stale copy: the cancel is there');
      if (!storage.databaseUrl) {
        // Another command on the folder the server holds is refused, saying why.
        const content = await mkdtemp(join(tmpdir(), 'ouderstem-processes-content-'));
        await assert.rejects(run(process.execPath, [BIN, 'import', content, '--data', dir], { cwd: dir, env: env(storage) }), (error: Error & { stderr: string }) => {
          assert.match(error.stderr, /Er draait een Ouderstem-server op de gegevensmap/);
          return true;
        });
        await rm(content, { recursive: true, force: true });
      }
      await stop(server);
      server = undefined;
    });
  });
}
