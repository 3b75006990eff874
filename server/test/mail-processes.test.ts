import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db.js';
import { CONTENT_DIR, freePort, makeApp, post, signUp, testContent } from './helpers.js';
import { TestSmtp } from './mail-helpers.js';

const BIN = fileURLToPath(new URL('../../bin/ouderstem-server.js', import.meta.url));
const FROM = 'Ouderstem test <ouders@ouderstem.test>';
const databaseUrl = process.env.DATABASE_URL;

interface Server {
  child: ChildProcess;
  port: number;
  /** Message-IDs this process logged as sent. */
  sent: string[];
  exited: Promise<void>;
}

/** Starts the real `ouderstem-server` command with mail on, as a parent's gemeente would run it. */
async function startServer(smtp: TestSmtp, storage: { databaseUrl?: string; dataDir?: string }): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, '--content', CONTENT_DIR, '--port', String(port), '--host', '127.0.0.1', ...(storage.dataDir ? ['--data', storage.dataDir] : [])], {
    env: { ...process.env, DATABASE_URL: storage.databaseUrl ?? '', OUDERSTEM_SMTP_URL: smtp.url, OUDERSTEM_MAIL_FROM: FROM },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: Server = { child, port, sent: [], exited: once(child, 'exit').then(() => undefined) };
  let ready: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('Ouderstem draait op')) ready();
      if (line.includes('"mail: sent"')) server.sent.push((JSON.parse(line) as { messageId: string }).messageId);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  await Promise.race([started, server.exited.then(() => Promise.reject(new Error('the server stopped before it started')))]);
  return server;
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await server.exited;
}

/** Sign-ups written while no worker runs: a batch of confirmations waiting in the outbox. */
async function queueSignUps(db: Database, count: number): Promise<string[]> {
  const app = await makeApp(db, { content: testContent(), mail: { server: { smtpUrl: 'smtp://127.0.0.1:9', from: FROM }, nudge: () => {} } });
  for (let index = 0; index < count; index++) await post(app, 'signup', signUp(['open'], { email: `ouder${index}@example.nl` }));
  await app.close();
  const rows = await db.query<{ message_id: string }>("SELECT message_id FROM mail_outbox WHERE kind = 'signup' ORDER BY message_id");
  return rows.rows.map((row) => row.message_id);
}

async function emptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  await client.end();
}

const storages: { name: string; prepare(): Promise<{ storage: { databaseUrl?: string; dataDir?: string }; cleanup(): Promise<void> }> }[] = [
  {
    name: 'PGlite (data folder)',
    async prepare() {
      const dataDir = await mkdtemp(join(tmpdir(), 'ouderstem-mail-'));
      return { storage: { dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
    },
  },
];
if (databaseUrl) {
  storages.push({
    name: 'PostgreSQL',
    async prepare() {
      await emptyPostgres(databaseUrl);
      return { storage: { databaseUrl }, cleanup: async () => {} };
    },
  });
}

for (const { name, prepare } of storages) {
  describe(`mail across crashes, real server processes on ${name}`, () => {
    let smtp: TestSmtp | undefined;
    after(() => smtp?.close());

    it('the server is killed in the middle of a batch: after a restart every message is delivered exactly once', async () => {
      const { storage, cleanup } = await prepare();
      let victim: Server | undefined;
      try {
        const db = await openDatabase(storage);
        const expected = await queueSignUps(db, 8);
        await db.close();

        // The fourth message arrives; before the relay answers 250, the server process dies (SIGKILL).
        smtp = await TestSmtp.start({
          beforeAccept: (arrival) => {
            if (arrival !== 4) return 'accept';
            victim!.child.kill('SIGKILL');
            return 'hang';
          },
        });
        victim = await startServer(smtp, storage);
        await victim.exited;
        assert.equal(victim.child.signalCode, 'SIGKILL');
        assert.equal(smtp.accepted.length, 3, 'three were accepted before the crash');

        // Time passes: the dead process's claim on message four runs out (its lease, 2 minutes by default).
        const between = await openDatabase(storage);
        const claimed = await between.query("UPDATE mail_outbox SET lease_until = now() - interval '1 second' WHERE state = 'sending' RETURNING id");
        assert.equal(claimed.rows.length, 1, 'exactly one message was in the hands of the dead process');
        await between.close();

        const restarted = await startServer(smtp, storage);
        try {
          await smtp.waitFor(8);
        } finally {
          await stop(restarted);
        }
        const ids = smtp.accepted.map((received) => received.messageId).sort();
        assert.deepEqual(ids, expected, 'each message once, with the Message-ID it was queued with');
        assert.equal(smtp.arrivals, 9, 'the one in flight at the crash arrived unacknowledged and was sent again');
        const after = await openDatabase(storage);
        const states = await after.query<{ state: string; n: number }>("SELECT state, count(*)::int AS n FROM mail_outbox WHERE kind = 'signup' GROUP BY state");
        await after.close();
        assert.deepEqual(states.rows, [{ state: 'sent', n: 8 }]);
      } finally {
        if (victim) await stop(victim);
        await smtp?.close();
        smtp = undefined;
        await cleanup();
      }
    });
  });
}

if (databaseUrl) {
  describe('mail with two server processes on one PostgreSQL', () => {
    let smtp: TestSmtp;
    const servers: Server[] = [];
    before(async () => {
      await emptyPostgres(databaseUrl);
      smtp = await TestSmtp.start({ delayMs: 20 });
      for (let index = 0; index < 2; index++) servers.push(await startServer(smtp, { databaseUrl }));
    });
    after(async () => {
      for (const server of servers) await stop(server);
      await smtp.close();
    });

    it('sign-ups sent to either process: every parent gets one confirmation, whichever process sends it', async () => {
      const total = 24;
      const answers = await Promise.all(
        Array.from({ length: total }, async (_, index) => {
          const body = signUp(['open'], { email: `ouder${index}@example.nl` });
          const response = await fetch(`http://127.0.0.1:${servers[index % 2]!.port}/api/forms/signup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': body.submissionId },
            body: JSON.stringify(body),
          });
          return response.status;
        }),
      );
      assert.deepEqual(new Set(answers), new Set([201]));
      await smtp.waitFor(total, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // a late duplicate would show now
      const ids = smtp.accepted.map((received) => received.messageId);
      assert.equal(ids.length, total);
      assert.equal(new Set(ids).size, total);
      const recipients = new Set(smtp.accepted.flatMap((received) => received.to));
      assert.equal(recipients.size, total, 'every parent, once');
      const [first, second] = servers.map((server) => server.sent.length);
      assert.equal(first! + second!, total, 'the processes logged each message once between them');
      console.log(`two processes: ${first} and ${second} messages sent`);
    });
  });
}
