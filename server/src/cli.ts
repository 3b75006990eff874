import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { ContentError, loadContent, type Content } from './content.js';
import { openDatabase, type Database } from './db.js';
import { rollDemoDates } from './demo-dates.js';
import { exportCsv } from './export.js';
import { deleteExpired } from './retention.js';
import { loadSchemas } from './schemas.js';
import { formatCode, participationCode } from './codes.js';
import { syncSessions } from './store.js';
import { describeSmtpUrl, mailSettingsFromEnv } from './mail/settings.js';
import { MailWorker } from './mail/worker.js';

const USAGE = `Usage:
  ouderstem-server [serve] [--port N] [--host H] [--data DIR] [--content DIR] [--static DIR]... [--demo]
  ouderstem-server codes --form ID --count N      print N single-use participation codes
  ouderstem-server export --form ID               write the form's submissions as CSV to stdout

--demo: defaults for this repository's demo (content/demo, the demo page and the widget build).
Environment: PORT, HOST, OUDERSTEM_DATA, OUDERSTEM_CONTENT, DATABASE_URL, OUDERSTEM_EXPORT_TOKEN,
OUDERSTEM_RATE_LIMIT_KEY, OUDERSTEM_TRUST_PROXY, OUDERSTEM_SMTP_URL, OUDERSTEM_MAIL_FROM.`;

/** `--demo`: the demo content, page and widget build of this repository, unless flags or env say otherwise. */
const DEMO = {
  content: fileURLToPath(new URL('../../content/demo/', import.meta.url)),
  static: [fileURLToPath(new URL('../../../demo/', import.meta.url)), fileURLToPath(new URL('../../../dist/', import.meta.url))],
};

const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;

interface Setup {
  content: Content;
  db: Database;
}

async function setup(values: { data?: string; content?: string; demo?: boolean }): Promise<Setup> {
  const schemas = loadSchemas();
  const contentDir = values.content ?? process.env.OUDERSTEM_CONTENT ?? (values.demo ? DEMO.content : 'content');
  const content = loadContent(resolve(contentDir), schemas);
  if (values.demo) rollDemoDates(content);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const db = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : resolve(values.data ?? process.env.OUDERSTEM_DATA ?? 'data') });
  await syncSessions(db, content.forms.values());
  return { content, db };
}

function formOf(content: Content, id: string | undefined) {
  const form = id === undefined ? undefined : content.forms.get(id);
  if (!form) throw new ContentError(`Unknown form "${id ?? ''}". Known: ${[...content.forms.keys()].join(', ')}`);
  return form;
}

async function serve(values: { port?: string; host?: string; data?: string; content?: string; static?: string[]; demo?: boolean }): Promise<void> {
  const mailSettings = mailSettingsFromEnv();
  const { content, db } = await setup(values);
  const worker = mailSettings
    ? new MailWorker({
        db,
        settings: mailSettings,
        forms: (id) => content.forms.get(id),
        log: {
          info: (detail, message) => app.log.info(detail, message),
          warn: (detail, message) => app.log.warn(detail, message),
          error: (detail, message) => app.log.error(detail, message),
        },
      })
    : undefined;
  const app = await buildApp({
    mailer: worker,
    db,
    content,
    schemas: loadSchemas(),
    staticDirs: (values.static ?? (values.demo ? DEMO.static : [])).map((dir) => resolve(dir)),
    exportToken: process.env.OUDERSTEM_EXPORT_TOKEN || undefined,
    rateLimitKey: process.env.OUDERSTEM_RATE_LIMIT_KEY || undefined,
    trustProxy: process.env.OUDERSTEM_TRUST_PROXY || undefined,
  });
  const expired = await deleteExpired(db, content);
  if (expired > 0) app.log.info({ deleted: expired }, 'retention: deleted expired submissions');
  const timer = setInterval(() => {
    deleteExpired(db, content).then(
      (deleted) => deleted > 0 && app.log.info({ deleted }, 'retention: deleted expired submissions'),
      (error: unknown) => app.log.error({ err: error }, 'retention failed'),
    );
  }, RETENTION_INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await worker?.stop();
    await db.close();
  });
  worker?.start();
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? process.env.HOST ?? 'localhost';
  await app.listen({ port, host });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`Ouderstem draait op http://${shown}:${port}/ (opslag: ${db.kind}, formulieren: ${[...content.forms.keys()].join(', ')})`);
  console.log(
    mailSettings
      ? `E-mail: via ${describeSmtpUrl(mailSettings.smtpUrl)}, afzender ${mailSettings.from}`
      : 'E-mail: uit (zet OUDERSTEM_SMTP_URL en OUDERSTEM_MAIL_FROM om bevestigingen en herinneringen te sturen)',
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // Requests in flight get 10 s to finish; a connection that never goes idle must not keep
      // the process (and a restart) waiting for ever.
      setTimeout(() => {
        app.log.warn('shutdown: connections still open after 10 s; exiting');
        process.exit(1);
      }, 10_000).unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

async function codes(values: { form?: string; count?: string; data?: string; content?: string }): Promise<void> {
  const { content, db } = await setup(values);
  try {
    const form = formOf(content, values.form);
    if (form.definition.type !== 'peiling' || form.definition.integrity !== 'code') {
      throw new ContentError(`Form "${form.definition.id}" does not use participation codes (integrity: "code").`);
    }
    const count = Number(values.count ?? 1);
    if (!Number.isInteger(count) || count < 1 || count > 100000) throw new ContentError('--count must be a whole number from 1 to 100000');
    const made: string[] = [];
    while (made.length < count) {
      const code = participationCode();
      const inserted = await db.query('INSERT INTO codes (form_id, code) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING code', [
        form.definition.id,
        code,
      ]);
      if (inserted.rows.length === 1) made.push(code);
    }
    process.stdout.write(made.map((code) => formatCode(code, 5)).join('\n') + '\n');
  } finally {
    await db.close();
  }
}

async function exportForm(values: { form?: string; data?: string; content?: string }): Promise<void> {
  const { content, db } = await setup(values);
  try {
    process.stdout.write(await exportCsv(db, formOf(content, values.form)));
  } finally {
    await db.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      content: { type: 'string' },
      static: { type: 'string', multiple: true },
      demo: { type: 'boolean' },
      form: { type: 'string' },
      count: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (command === 'serve') return serve(values);
  if (command === 'codes') return codes(values);
  if (command === 'export') return exportForm(values);
  throw new ContentError(`Unknown command "${command}".\n${USAGE}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ContentError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? (error as Error).message : error);
  process.exit(1);
});
