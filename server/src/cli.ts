import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { parseTrustProxy } from './http-server.js';
import { Metrics } from './metrics.js';
import { ContentError, loadContent, type Content, type ServerConfig } from './content.js';
import { isUnavailable, openDatabase, StorageError, type Database } from './db.js';
import { rollDemoDates } from './demo-dates.js';
import { exportCsv } from './export.js';
import { currentForm } from './forms.js';
import { DEFAULT_ORGANISATION, importContent, type ImportReport } from './import.js';
import { createOrganisation } from './organisations.js';
import { networkFileProblems } from './networks.js';
import { deleteExpired } from './retention.js';
import { loadSchemas } from './schemas.js';
import { formatCode, participationCode } from './codes.js';
import { audit } from './beheer/audit.js';
import { deleteExpiredLogins, issueSetupToken } from './beheer/auth.js';
import { oidcFromEnv } from './beheer/oidc.js';
import { countUsers, userByEmail } from './beheer/users.js';
import { describeSmtpUrl, mailSettingsFromEnv } from './mail/settings.js';
import { MailWorker } from './mail/worker.js';

const USAGE = `Usage:
  ouderstem-server [serve] [--port N] [--host H] [--data DIR] [--content DIR] [--static DIR]... [--demo]
  ouderstem-server import DIR [--organisation ID]  import a content folder's forms and networks
  ouderstem-server user reset --email ADDRESS      print a one-time link to set a new password
  ouderstem-server organisation add --name NAME    add an organisation; prints its first beheerder's link
  ouderstem-server codes --form ID --count N       print N single-use participation codes
  ouderstem-server export --form ID                write the form's submissions as CSV to stdout
  ouderstem-server check-networks FILE             name what to fix in a networks file (exit 1 if anything)

--demo: defaults for this repository's demo (content/demo, the demo page and the widget build).
Environment: PORT, HOST, OUDERSTEM_DATA, OUDERSTEM_CONTENT, OUDERSTEM_PUBLIC_URL, DATABASE_URL,
OUDERSTEM_EXPORT_TOKEN, OUDERSTEM_METRICS_TOKEN, OUDERSTEM_LOG_REQUESTS, OUDERSTEM_MAX_CONNECTIONS_PER_CLIENT,
OUDERSTEM_RATE_LIMIT_KEY, OUDERSTEM_TRUST_PROXY, OUDERSTEM_SMTP_URL, OUDERSTEM_MAIL_FROM,
OUDERSTEM_OIDC_ISSUER, OUDERSTEM_OIDC_CLIENT_ID, OUDERSTEM_OIDC_CLIENT_SECRET.`;

const REPOSITORY = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** `--demo`: the demo content, page and widget build of this repository, unless flags or env say otherwise. */
const DEMO = {
  content: fileURLToPath(new URL('../../content/demo/', import.meta.url)),
  static: [REPOSITORY('demo/'), REPOSITORY('dist/')],
};

/** The widgets' build: always served when it is there, for the hosted form pages and pasted snippets. */
const WIDGETS = REPOSITORY('dist/');

const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** How long start-up waits for a PostgreSQL that is not there yet (a container started before its database). */
const DATABASE_WAIT_MS = 30_000;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Where a broken idle PostgreSQL connection is reported: stderr until the server's logger exists. */
let idleErrorLog = (error: object) => console.error('database connection lost; the pool replaces it', error);

async function openWithRetry(options: Parameters<typeof openDatabase>[0]): Promise<Database> {
  const deadline = Date.now() + DATABASE_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase(options);
    } catch (error) {
      if (!options.databaseUrl || !isUnavailable(error) || Date.now() > deadline) throw error;
      if (attempt === 1) console.error('PostgreSQL does not answer yet; waiting for it …');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

interface Options {
  data?: string;
  content?: string;
  demo?: boolean;
}

interface Setup {
  config: ServerConfig;
  db: Database;
  report?: ImportReport;
}

/** The content folder given (or the demo's, or `./content` when it exists); none is fine: the console makes forms. */
function readContent(values: Options): Content | undefined {
  const given = values.content ?? process.env.OUDERSTEM_CONTENT ?? (values.demo ? DEMO.content : undefined);
  if (given === undefined && !existsSync('content')) return undefined;
  const content = loadContent(resolve(given ?? 'content'), loadSchemas());
  if (values.demo) rollDemoDates(content);
  return content;
}

const DEFAULT_CONFIG: ServerConfig = { allowedOrigins: [], retentionDays: 365, rateLimit: { max: 30, timeWindowSeconds: 60 } };

function describe(report: ImportReport): string {
  const parts = [
    report.created.length > 0 && `nieuw: ${report.created.join(', ')}`,
    report.updated.length > 0 && `nieuwe versie: ${report.updated.join(', ')}`,
    report.unchanged.length > 0 && `ongewijzigd: ${report.unchanged.length}`,
    report.networks && `netwerken: ${report.networks === 'unchanged' ? 'ongewijzigd' : report.networks === 'created' ? 'nieuw' : 'bijgewerkt'}`,
  ].filter(Boolean);
  return `organisatie ${report.organisation}; ${parts.join('; ') || 'niets te doen'}`;
}

function refusals(report: ImportReport): string {
  return report.refused.map((refused) => `  ${refused.id}:\n${refused.problems.map((problem) => `    ${problem}`).join('\n')}`).join('\n');
}

/** Opens the database and imports the content folder (at every start: a file changed since its last import becomes a new version). */
function open(values: Options): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return openWithRetry({
    databaseUrl,
    dataDir: databaseUrl ? undefined : resolve(values.data ?? process.env.OUDERSTEM_DATA ?? 'data'),
    onIdleError: (error) => idleErrorLog(error),
  });
}

async function setup(values: Options): Promise<Setup> {
  const content = readContent(values);
  const db = await open(values);
  if (!content) return { config: DEFAULT_CONFIG, db };
  const report = content.forms.size > 0 || content.networks ? await importContent(db, content, content.config.organisation ?? DEFAULT_ORGANISATION) : undefined;
  return { config: content.config, db, report };
}

async function formOf(db: Database, id: string | undefined) {
  const form = id === undefined ? undefined : await currentForm(db, id);
  if (!form) {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM forms ORDER BY id');
    throw new ContentError(`Unknown form "${id ?? ''}". Known: ${rows.map((row) => row.id).join(', ')}`);
  }
  return form;
}

function baseOf(config: ServerConfig, host = 'localhost', port = Number(process.env.PORT ?? 3000)): string {
  return config.publicUrl?.replace(/\/$/, '') ?? `http://${host}:${port}`;
}

async function serve(values: Options & { port?: string; host?: string; static?: string[] }): Promise<void> {
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? process.env.HOST ?? 'localhost';
  const publicUrl = process.env.OUDERSTEM_PUBLIC_URL || undefined;
  const mailSettings = mailSettingsFromEnv();
  const { config, db, report } = await setup(values);
  if (!config.publicUrl && !publicUrl && !isLoopback(host)) {
    await db.close();
    throw new ContentError(
      `The server listens on ${host}, but no public address is set: cancel and withdraw links would point at this machine's own name. ` +
        'Set publicUrl in config.json or OUDERSTEM_PUBLIC_URL (for example https://ouderstem.voorbeeldstad.nl).',
    );
  }
  const maxConnections = process.env.OUDERSTEM_MAX_CONNECTIONS_PER_CLIENT;
  const metricsToken = process.env.OUDERSTEM_METRICS_TOKEN || undefined;
  const staticDirs = (values.static ?? (values.demo ? DEMO.static : [])).map((dir) => resolve(dir));
  if (existsSync(WIDGETS) && !staticDirs.includes(resolve(WIDGETS))) staticDirs.push(resolve(WIDGETS));
  // Always running: an organisation can switch e-mail on in the console at any moment.
  const worker = new MailWorker({
    db,
    server: mailSettings,
    forms: (id) => currentForm(db, id),
    log: {
      info: (detail, message) => app.log.info(detail, message),
      warn: (detail, message) => app.log.warn(detail, message),
      error: (detail, message) => app.log.error(detail, message),
    },
  });
  const metrics = new Metrics(db, { processMetrics: metricsToken !== undefined });
  metrics.addQueue({
    name: 'mail',
    length: async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM mail_outbox WHERE state IN ('pending', 'sending')")).rows[0]!.n,
  });
  const app = await buildApp({
    mail: worker,
    db,
    config,
    schemas: loadSchemas(),
    staticDirs,
    exportToken: process.env.OUDERSTEM_EXPORT_TOKEN || undefined,
    metricsToken,
    metrics,
    rateLimitKey: process.env.OUDERSTEM_RATE_LIMIT_KEY || undefined,
    trustProxy: parseTrustProxy(process.env.OUDERSTEM_TRUST_PROXY),
    publicUrl,
    logRequests: /^(true|yes|1)$/i.test(process.env.OUDERSTEM_LOG_REQUESTS ?? ''),
    limits: maxConnections ? { maxConnectionsPerClient: Number(maxConnections) } : undefined,
    oidc: oidcFromEnv(process.env),
  });
  idleErrorLog = (error) => app.log.warn({ err: error }, 'database connection lost; the pool replaces it');
  if (report?.refused.length) app.log.warn({ refused: report.refused }, 'import: some content files were not imported');
  const housekeeping = async () => {
    const deleted = await deleteExpired(db, config);
    if (deleted > 0) app.log.info({ deleted }, 'retention: deleted expired submissions');
    await deleteExpiredLogins(db);
  };
  await housekeeping();
  const timer = setInterval(() => {
    housekeeping().catch((error: unknown) => app.log.error({ err: error }, 'retention failed'));
  }, RETENTION_INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await worker.stop();
    await db.close();
  });
  worker.start();
  await app.listen({ port, host });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const base = baseOf(config, shown, port);
  const { rows: forms } = await db.query<{ id: string }>("SELECT id FROM forms WHERE state IN ('gepubliceerd', 'gesloten') ORDER BY id");
  console.log(`Ouderstem draait op ${base}/ (opslag: ${db.kind}, formulieren: ${forms.map((form) => form.id).join(', ') || 'nog geen'})`);
  if (report) console.log(`Inhoud ingelezen: ${describe(report)}`);
  if (report?.refused.length) console.log(`Niet ingelezen (de opgeslagen versie blijft):\n${refusals(report)}`);
  console.log(
    mailSettings
      ? `E-mail: via ${describeSmtpUrl(mailSettings.smtpUrl)}, afzender ${mailSettings.from}`
      : 'E-mail: niet voor de hele server ingesteld (een beheerder stelt het per organisatie in onder E-mail, of zet OUDERSTEM_SMTP_URL en OUDERSTEM_MAIL_FROM)',
  );
  if ((await countUsers(db)) === 0) {
    // A new link at every start while nobody has an account; the first one used makes the first beheerder.
    const { rows } = await db.query<{ id: string }>('SELECT id FROM organisations ORDER BY created_at, id LIMIT 1');
    const token = await issueSetupToken(db, { organisationId: rows[0]?.id ?? null });
    console.log(`Beheer: maak de eerste beheerder aan via ${base}/beheer/setup/${token} (de link werkt één keer en 24 uur lang)`);
  } else {
    console.log(`Beheer: ${base}/beheer/`);
  }
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

async function importCommand(values: Options & { organisation?: string }, dir: string | undefined): Promise<void> {
  if (!dir) throw new ContentError(`Which folder? ouderstem-server import DIR\n${USAGE}`);
  const content = loadContent(resolve(dir), loadSchemas());
  const db = await open(values);
  try {
    const target = values.organisation ? { id: values.organisation } : (content.config.organisation ?? DEFAULT_ORGANISATION);
    const report = await importContent(db, content, target, 'cli');
    console.log(`Ingelezen: ${describe(report)}`);
    if (report.refused.length > 0) {
      console.error(`Niet ingelezen (de opgeslagen versie blijft):\n${refusals(report)}`);
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
}

async function userCommand(values: Options & { email?: string }, action: string | undefined): Promise<void> {
  if (action !== 'reset' || !values.email) throw new ContentError(`ouderstem-server user reset --email ADDRESS\n${USAGE}`);
  const { config, db } = await setup(values);
  try {
    const user = await userByEmail(db, values.email);
    if (!user) throw new ContentError(`No account with the e-mail address ${values.email}.`);
    const token = await issueSetupToken(db, { organisationId: user.organisationId, userId: user.id });
    await audit(db, { organisationId: user.organisationId, system: 'cli' }, 'user.reset', user.email);
    console.log(`Nieuw wachtwoord voor ${user.email}: ${baseOf(config)}/beheer/setup/${token} (de link werkt één keer en 24 uur lang)`);
  } finally {
    await db.close();
  }
}

async function organisationCommand(values: Options & { name?: string }, action: string | undefined): Promise<void> {
  if (action !== 'add' || !values.name?.trim()) throw new ContentError(`ouderstem-server organisation add --name NAME\n${USAGE}`);
  const { config, db } = await setup(values);
  try {
    const organisation = await createOrganisation(db, values.name.trim());
    const token = await issueSetupToken(db, { organisationId: organisation.id });
    await audit(db, { organisationId: organisation.id, system: 'cli' }, 'organisation.create', organisation.id, { name: organisation.name });
    console.log(`Organisatie ${organisation.name} (${organisation.id}) toegevoegd.`);
    console.log(`Eerste beheerder: ${baseOf(config)}/beheer/setup/${token} (de link werkt één keer en 24 uur lang)`);
  } finally {
    await db.close();
  }
}

async function codes(values: Options & { form?: string; count?: string }): Promise<void> {
  const { db } = await setup(values);
  try {
    const form = await formOf(db, values.form);
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
    await audit(db, { organisationId: form.organisationId, system: 'cli' }, 'codes.create', form.definition.id, { count });
    process.stdout.write(made.map((code) => formatCode(code, 5)).join('\n') + '\n');
  } finally {
    await db.close();
  }
}

async function exportForm(values: Options & { form?: string }): Promise<void> {
  const { db } = await setup(values);
  try {
    const form = await formOf(db, values.form);
    await audit(db, { organisationId: form.organisationId, system: 'cli' }, 'export.csv', form.definition.id);
    process.stdout.write(await exportCsv(db, form));
  } finally {
    await db.close();
  }
}

/** Names what to fix in a networks file, one line each, and exits 1 when there is anything. */
function checkNetworksFile(file: string | undefined): void {
  if (!file) throw new ContentError(`check-networks needs a file.\n${USAGE}`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    throw new ContentError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(error as Error).message})`}`);
  }
  const problems = networkFileProblems(value, loadSchemas());
  const name = basename(file);
  if (problems.length === 0) {
    const list = (value as { networks?: unknown[]; features?: unknown[] }).networks ?? (value as { features: unknown[] }).features;
    console.log(`${name}: ${list.length} network${list.length === 1 ? '' : 's'}, nothing to fix`);
    return;
  }
  console.log(`${name}: ${problems.length} ${problems.length === 1 ? 'thing' : 'things'} to fix\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exitCode = 1;
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
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (command === 'serve') return serve(values);
  if (command === 'import') return importCommand(values, positionals[1]);
  if (command === 'user') return userCommand(values, positionals[1]);
  if (command === 'organisation') return organisationCommand(values, positionals[1]);
  if (command === 'codes') return codes(values);
  if (command === 'export') return exportForm(values);
  if (command === 'check-networks') return checkNetworksFile(positionals[1]);
  throw new ContentError(`Unknown command "${command}".\n${USAGE}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const plain = error instanceof ContentError || error instanceof StorageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  console.error(plain ? (error as Error).message : error);
  process.exit(1);
});
