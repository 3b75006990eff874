import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { constants as zlib } from 'node:zlib';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import cookie from '@fastify/cookie';
import { isUnavailable, loggableError, type Database } from './db.js';
import { Metrics } from './metrics.js';
import { postgresRateLimitStore } from './rate-limit-store.js';
import { clientErrorHandler, DEFAULT_LIMITS, limitedServer, type HttpLimits } from './http-server.js';
import type { Form, MeedenksessieDefinition, ServerConfig } from './content.js';
import type { Schemas } from './schemas.js';
import { ApiError, fieldError, langOf, type FieldError, type Lang, type Problem } from './messages.js';
import { ervaringErrors, MAX_FIELD_ERRORS, meedenksessieErrors, peilingErrors, schemaErrors, type ErvaringData, type MeedenksessieData, type PeilingAnswer } from './validate.js';
import {
  cancelSignUp,
  decoy,
  LiveState,
  signupByToken,
  storyByCode,
  submit,
  tallyOf,
  visibleTally,
  withdrawStory,
  type Outcome,
  type Submission,
  type TestHooks,
} from './store.js';
import { exportCsv } from './export.js';
import { currentForm, formAccess, type FormAccess } from './forms.js';
import { originVia } from './organisations.js';
import {
  cancelConfirmPage,
  cancelDonePage,
  cancelPastPage,
  isActive,
  nothingToCancelPage,
  PAGE_CSS,
  PAGE_CSS_PATH,
  unknownLinkPage,
  withdrawCodePage,
  withdrawConfirmPage,
  withdrawDonePage,
  withdrawUsedPage,
  type PageSession,
} from './pages.js';
import { formatDay, formatWhen, fromAcceptLanguage, localized, textsFor, type Texts } from './i18n/index.js';
import { mailerOf, senderFor, type MailService } from './mail/sender.js';
import { registerHostedPages } from './hosted.js';
import { DATA_DIR } from './networks.js';
import { installConsoleGate } from './beheer/access.js';
import { audit } from './beheer/audit.js';
import { registerConsole, type ConsoleOptions } from './beheer/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The form of a `/api/forms/:id` request, read once per request. */
    formAccess?: FormAccess;
  }
}

export interface AppOptions {
  db: Database;
  /** The server's settings (the content folder's `config.json`). Forms and networks live in the database. */
  config: ServerConfig;
  schemas: Schemas;
  /** Folders served as static files at `/` (first match wins), e.g. the demo page and the widget build. */
  staticDirs?: string[];
  /** The shipped CBS data, served at `/data/` (default: the repository's `data/`). */
  dataDir?: string;
  /** Bearer token for `GET /api/export/:id`; the route answers 404 without one. */
  exportToken?: string;
  /** Bearer token for `GET /metrics` (Prometheus); the route answers 404 without one. */
  metricsToken?: string;
  /** Where the figures of `/metrics` are kept; another module (the mail outbox) may add its queue to it. */
  metrics?: Metrics;
  /** Secret for hashing client addresses in the rate limiter; random per process when absent. */
  rateLimitKey?: string;
  /** Passed to Fastify: set when running behind a reverse proxy (see `parseTrustProxy`). */
  trustProxy?: boolean | string[];
  /** The address links in answers start with when config.json has no `publicUrl` (default: the address the server listens on). */
  publicUrl?: string;
  /** Timeouts and the per-client connection cap of the HTTP server. */
  limits?: Partial<HttpLimits>;
  /** How long a form's live figures (tally, places left) may be reused between reads (default 1000 ms). */
  liveCacheMs?: number;
  /** Log every request (method, redacted URL, status, time). Off by default: errors are always logged. */
  logRequests?: boolean;
  logger?: boolean | object;
  hooks?: TestHooks;
  /**
   * The process's mail: the server's own settings (OUDERSTEM_SMTP_URL), if any, and the worker. An
   * organisation sends e-mail with its own settings (the console's) or else the server's; only
   * then do its definitions say so and are messages queued. Without it nothing is ever sent.
   */
  mail?: MailService;
  /** OpenID Connect login for the console (`OUDERSTEM_OIDC_*`). */
  oidc?: ConsoleOptions['oidc'];
  /** The built console; `server/dist/beheer/` by default. */
  consoleDir?: string;
  /** The CBS gemeenten and regions the console checks networks lists against (default: the shipped data/gebieden-2025.json). */
  gazetteer?: ConsoleOptions['gazetteer'];
}

const BODY_LIMIT = 64 * 1024;
const FORM_PATH = /^\/api\/forms\/([^/?#]+)/;
/** Seconds a client waits before it tries again while the database is away. */
const RETRY_AFTER_UNAVAILABLE = 5;

function sendErrors(reply: FastifyReply, status: number, errors: readonly Problem[]): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ errors: errors.slice(0, MAX_FIELD_ERRORS) });
}

function requestLang(request: FastifyRequest): Lang {
  const body = request.body as { lang?: unknown } | undefined;
  if (body && typeof body === 'object' && 'lang' in body) return langOf(body.lang);
  return langOf(request.headers['accept-language']);
}

function wantsHtml(request: FastifyRequest): boolean {
  return request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') === true || request.method === 'GET';
}

/**
 * Keeps secrets from links (cancel tokens, withdrawal codes, set-up links, a login's code) out of
 * the logs, also when the path is spelled with percent escapes (`/api/%63ancel/…` reaches the same route).
 */
export function redactUrl(url: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    decoded = url;
  }
  const secret = /\/api\/(cancel|withdraw)\/[^?#]*/i;
  const path = secret.test(decoded) ? decoded.replace(secret, (_match, kind: string) => `/api/${kind.toLowerCase()}/…`) : url;
  return path
    .replace(/^\/beheer\/(api\/)?setup\/[^/?#]+/, '/beheer/$1setup/…')
    .replace(/^(\/beheer\/login\/oidc\/callback)\?.*$/, '$1?…');
}

/** The language of a parent's page: `?lang=`, the form's `lang` field, what was stored, the browser's, Dutch. */
function pageTexts(request: FastifyRequest, stored?: string): Texts {
  const query = (request.query as { lang?: unknown } | undefined)?.lang;
  const posted = (request.body as { lang?: unknown } | undefined)?.lang;
  const asked = [query, posted, stored].find((value) => typeof value === 'string' && value.length > 0);
  return asked !== undefined ? textsFor(asked) : (fromAcceptLanguage(request.headers['accept-language']) ?? textsFor('nl'));
}

/** One text as stored: without U+0000 and with a lone surrogate (half an emoji) as U+FFFD, as UTF-8 has it. */
function cleanText(text: string): string {
  return text.replaceAll('\u0000', '').toWellFormed();
}

/**
 * A parsed body without U+0000 and without lone surrogates in any string or key: PostgreSQL stores
 * neither in jsonb (a 500, and a widget that retries for ever). The same rule for every field and
 * every form type: U+0000 goes, a lone surrogate becomes U+FFFD, which is what a text column made
 * of it already.
 */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanText(key), cleanStrings(item)]));
  }
  return value;
}

/** A process without mail: no server settings, and no worker to wake (an organisation's own settings then queue only). */
const NO_MAIL: MailService = { nudge: () => {} };

/** A `realpath` that answers undefined for a file that does not exist. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, config, schemas } = options;
  const mail = options.mail ?? NO_MAIL;
  const limits: HttpLimits = {
    ...DEFAULT_LIMITS,
    // Behind a proxy every client arrives from the proxy's address: the proxy limits per client.
    ...(options.trustProxy ? { maxConnectionsPerClient: 0 } : {}),
    ...options.limits,
  };
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    serverFactory: limitedServer(limits),
    clientErrorHandler,
    // A URL that is not valid percent-encoding gets the API's error shape, like everything else.
    frameworkErrors: (_error, request, reply) => sendErrors(reply, 400, [fieldError('bad-request', langOf(request.headers['accept-language']))]),
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    logger:
      options.logger === false
        ? false
        : {
            level: 'info',
            ...(typeof options.logger === 'object' ? options.logger : {}),
            // No client address or headers in the logs: only what is needed to find a request again.
            serializers: {
              req: (request: { method: string; url: string }) => ({ method: request.method, url: redactUrl(request.url) }),
              res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
            },
          },
  });

  const rateKeySecret = options.rateLimitKey ?? randomBytes(32).toString('hex');
  const live = new LiveState(db, options.liveCacheMs);
  const metrics = options.metrics ?? new Metrics(db);
  const validateSubmission = schemas.validator('submission');

  function ownOrigin(request: FastifyRequest): string {
    return config.publicUrl ? new URL(config.publicUrl).origin : new URL(`${request.protocol}://${request.host}`).origin;
  }

  /**
   * Where the cancel and withdraw links in answers point: `publicUrl`, else the address this server
   * listens on. Never the request's Host header: anyone can send one, and the link is stored and
   * replayed with the answer.
   */
  function baseUrl(): string {
    const configured = config.publicUrl ?? options.publicUrl;
    if (configured) return configured.replace(/\/$/, '');
    const address = app.server.address();
    if (address === null || typeof address === 'string') return 'http://localhost';
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${address.port}`;
  }
  const https = (config.publicUrl ?? options.publicUrl ?? '').startsWith('https:');

  /**
   * Same origin always; otherwise the server's list (`config.json`), and on a form's routes its
   * organisation's and its own, elsewhere those of any organisation or form. Read from the
   * database on each request: a change in the console counts at once, in every process.
   */
  async function originAllowed(request: FastifyRequest, origin: string): Promise<boolean> {
    if (origin === ownOrigin(request) || origin === `${request.protocol}://${request.host}`) return true;
    if (FORM_PATH.test(request.url)) {
      const access = request.formAccess;
      return (await originVia(db, origin, config.allowedOrigins, access ?? { organisationOrigins: [], formOrigins: [] })) !== undefined;
    }
    return (await originVia(db, origin, config.allowedOrigins)) !== undefined;
  }
  const allowedOrigin = new WeakMap<FastifyRequest, boolean>();

  app.addHook('onRequest', async (request, reply) => {
    // No path or query of this server has a use for U+0000 (a cancel token, a code, a form id).
    if (/%00/.test(request.url)) throw new ApiError(400, [fieldError('bad-request', langOf(request.headers['accept-language']))]);
    // The API answers only pages on allowed origins. The refusal itself is readable by the page
    // (CORS header on the 403, and a preflight that lets the POST go out), so the widget can tell
    // the web editor on the console why, instead of a network error it would retry for ever.
    if (!request.url.startsWith('/api/') || request.method === 'OPTIONS') return;
    const formId = FORM_PATH.exec(request.url)?.[1];
    if (formId !== undefined) {
      let id: string;
      try {
        id = decodeURIComponent(formId);
      } catch {
        throw new ApiError(400, [fieldError('bad-request', langOf(request.headers['accept-language']))]);
      }
      request.formAccess = await formAccess(db, id);
    }
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const allowed = await originAllowed(request, origin);
    allowedOrigin.set(request, allowed);
    if (!allowed) {
      reply.header('access-control-allow-origin', origin).header('vary', 'origin');
      throw new ApiError(403, [fieldError('origin-not-allowed', langOf(request.headers['accept-language']))]);
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    metrics.answered(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the cancel and
    // withdraw pages' own form POSTs, which the origin check then refuses. Nothing leaves for other sites either way.
    reply.header('referrer-policy', 'same-origin');
    // Once a browser reached us over https, it keeps to https (a proxy that terminates TLS passes this on).
    if (https || request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    const type = String(reply.getHeader('content-type') ?? '');
    // A page with its own policy (the hosted form page) keeps it.
    if (type.startsWith('text/html') && !reply.hasHeader('content-security-policy')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
      );
      // frame-ancestors for browsers that predate it, and no powerful features for our pages.
      reply.header('x-frame-options', 'SAMEORIGIN');
      reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()');
    }
  });

  // Brotli or gzip for what the browser accepts, from 1 KiB up: the widgets' bundle (145 KiB)
  // reaches a parent's phone as about 45, a boundaries file as a fraction. (Not @fastify/static's
  // preCompressed: with several static folders it answers 404 for files outside the last one.)
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    // Quality 5: 45 KiB for the bundle in about 4 ms; 11 would save 4 KiB more for 220 ms a request.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } },
  });
  // Every answer may vary with Accept-Encoding, also one sent plain (compress says so only when it compresses).
  app.addHook('onSend', async (_request, reply) => {
    const vary = String(reply.getHeader('vary') ?? '');
    // Lower case, as compress writes it and looks for it, so it is not listed twice.
    if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
  });

  await app.register(cors, {
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const api = request.url?.startsWith('/api/') === true;
      callback(null, {
        // Preflights of the API succeed for every origin (see the origin check above); the widget
        // files get `*` from the static folders instead.
        origin: api && origin !== undefined && (request.method === 'OPTIONS' || allowedOrigin.get(request as FastifyRequest) === true) ? origin : false,
        credentials: false,
        methods: ['GET', 'POST'],
        allowedHeaders: ['Content-Type', 'Idempotency-Key'],
        exposedHeaders: ['Retry-After', 'X-Request-Id'],
        maxAge: 600,
      });
    },
  });

  await app.register(rateLimit, {
    global: false,
    // One count per client for all processes on one PostgreSQL; PGlite has one process, which counts in memory.
    ...(db.kind === 'postgres' ? { store: postgresRateLimitStore(db) } : {}),
    keyGenerator: (request) => createHmac('sha256', rateKeySecret).update(request.ip).digest('base64url'),
    errorResponseBuilder: (request, context) => ({
      statusCode: context.statusCode,
      errors: [fieldError('rate-limited', langOf(request.headers['accept-language']))],
    }),
  });
  const limited = {
    rateLimit: { max: config.rateLimit.max, timeWindow: config.rateLimit.timeWindowSeconds * 1000 },
  };

  // U+0000 goes from every string and key on the way in: PostgreSQL stores none in text or jsonb
  // (a 500, and a widget that retries for ever), and in what a parent types it is invisible anyway.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    parseJson(request, String(body), (error, value) => (error ? done(error) : done(null, cleanStrings(value)))),
  );
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, cleanStrings(Object.fromEntries(new URLSearchParams(String(body)))));
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; errors?: Problem[] }, request, reply) => {
    const lang = requestLang(request);
    if (error instanceof ApiError) {
      return error.errors ? sendErrors(reply, error.statusCode, error.errors) : reply.code(error.statusCode).send();
    }
    const status = error.statusCode ?? 500;
    if (status === 429 && Array.isArray(error.errors)) return sendErrors(reply, 429, error.errors);
    if (isUnavailable(error)) {
      request.log.warn({ err: loggableError(error), requestId: request.id }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_UNAVAILABLE));
      return sendErrors(reply, 503, [fieldError('unavailable', lang)]);
    }
    if (status >= 500) {
      // The class and the request id, never the error's own fields: a database error carries the
      // statement's parameters and the failing row (names, e-mail addresses, stories, tokens).
      request.log.error({ err: loggableError(error), requestId: request.id }, 'request failed');
      return sendErrors(reply, 500, [fieldError('internal', lang)]);
    }
    if (status === 413) return sendErrors(reply, 413, [fieldError('payload-too-large', lang)]);
    if (status === 415) return sendErrors(reply, 415, [fieldError('unsupported-media-type', lang)]);
    return sendErrors(reply, status, [fieldError(status === 404 ? 'not-found' : 'bad-request', lang)]);
  });

  app.setNotFoundHandler((request, reply) => sendErrors(reply, 404, [fieldError('not-found', requestLang(request))]));

  /** How the request's form writes its messages: its organisation's sender, else the server's; none when mail is off for it. */
  function formMailer(request: FastifyRequest) {
    return mailerOf(request.formAccess?.organisationMailFrom ?? mail.server?.from, mail);
  }

  /** The published version of the request's form; 404 for an unknown, concept or archived one. */
  function formOr404(request: FastifyRequest, lang: Lang): Form {
    const form = request.formAccess?.live;
    if (!form) throw new ApiError(404, [fieldError('not-found', lang)]);
    return form;
  }

  app.get('/healthz', async (_request, reply) => {
    const health = await db.health();
    reply.header('cache-control', 'no-store');
    if (health.ok) return { status: 'ok', storage: db.kind };
    reply.header('retry-after', String(RETRY_AFTER_UNAVAILABLE));
    return reply.code(503).send({ status: 'unavailable', storage: db.kind, problem: health.problem });
  });

  app.get<{ Params: { id: string } }>('/api/forms/:id', async (request, reply) => {
    const form = formOr404(request, requestLang(request));
    reply.header('cache-control', 'no-store');
    // A story form has no closed state the widget knows: it answers "closed" instead of a form.
    if (request.formAccess?.closed && form.definition.type === 'ervaring') return sendErrors(reply, 410, [fieldError('form-closed', requestLang(request))]);
    // Whether the form's organisation sends e-mail: the widgets promise a message only when it does.
    const definition = formMailer(request) ? { ...form.definition, sendsMail: true } : form.definition;
    if (definition.type === 'peiling') {
      const tally = visibleTally(definition, tallyOf(definition, await live.counts(definition.id)));
      return tally ? { ...definition, tally } : definition;
    }
    if (definition.type === 'meedenksessie') {
      const remaining = await live.remaining(definition.id);
      const calledOff = await live.calledOff(definition.id);
      const withPlaces = definition.sessions.map((session) => (remaining.has(session.id) ? { ...session, remaining: remaining.get(session.id) } : session));
      // A session its organiser called off is not offered; when every session is, they show closed.
      const offered = withPlaces.filter((session) => !calledOff.has(session.id));
      const now = new Date().toISOString();
      return { ...definition, sessions: offered.length > 0 ? offered : withPlaces.map((session) => ({ ...session, deadline: now })) };
    }
    return definition;
  });

  app.post<{ Params: { id: string } }>('/api/forms/:id', { config: limited }, async (request, reply) => {
    if (!request.headers['content-type']?.toLowerCase().startsWith('application/json')) {
      return sendErrors(reply, 415, [fieldError('unsupported-media-type', requestLang(request))]);
    }
    const body = request.body;
    const lang = requestLang(request);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return sendErrors(reply, 400, [fieldError('bad-request', lang)]);
    }
    const form = formOr404(request, lang);
    if (request.formAccess?.closed && form.definition.type === 'ervaring') return sendErrors(reply, 409, [fieldError('form-closed', lang)]);
    if (!validateSubmission(body)) return sendErrors(reply, 422, schemaErrors(validateSubmission.errors ?? [], lang));
    const submission = body as Submission & { honeypot?: string };
    if (request.headers['idempotency-key'] !== submission.submissionId) {
      return sendErrors(reply, 400, [fieldError('idempotency-key-mismatch', lang, 'submissionId')]);
    }
    if (submission.formId !== form.definition.id) return sendErrors(reply, 422, [fieldError('form-mismatch', lang, 'formId')]);
    if (submission.type !== form.definition.type) return sendErrors(reply, 422, [fieldError('type-mismatch', lang, 'type')]);
    if (submission.outcomeEmail !== undefined && form.definition.outcomeOptIn !== true) {
      return sendErrors(reply, 422, [fieldError('unknown-field', lang, 'outcomeEmail')]);
    }

    const errors = businessErrors(form, submission, lang);
    if (errors.length > 0) return sendErrors(reply, 422, errors);

    const context = { db, live, form, submission, lang, baseUrl: baseUrl(), hooks: options.hooks, mailer: formMailer(request) };
    const outcome = submission.honeypot ? await decoy(context) : await submit(context);
    metrics.submission(submission.type, outcome.status);
    return sendOutcome(reply, outcome);
  });

  /** `Authorization: Bearer <token>` compared in constant time. */
  function bearer(request: FastifyRequest, token: string): boolean {
    const given = Buffer.from(request.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  app.get('/metrics', async (request, reply) => {
    if (!options.metricsToken) return sendErrors(reply, 404, [fieldError('not-found', requestLang(request))]);
    if (!bearer(request, options.metricsToken)) {
      reply.header('www-authenticate', 'Bearer');
      return sendErrors(reply, 401, [fieldError('unauthorized', requestLang(request))]);
    }
    reply.type(metrics.registry.contentType).header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });

  // An organisation's networks list; `/api/networks` alone is the oldest organisation's that has one
  // (on a server for one organisation: its list).
  app.get<{ Params: { organisation?: string } }>('/api/networks/:organisation?', async (request, reply) => {
    const { rows } = await db.query<{ networks: Record<string, unknown> }>(
      `SELECT n.networks FROM networks_lists n JOIN organisations o ON o.id = n.organisation_id
       WHERE $1::text IS NULL OR o.id = $1 ORDER BY o.created_at, o.id LIMIT 1`,
      [request.params.organisation ?? null],
    );
    if (!rows[0]) return sendErrors(reply, 404, [fieldError('not-found', requestLang(request))]);
    reply.header('cache-control', 'public, max-age=60');
    return rows[0].networks;
  });

  app.get(PAGE_CSS_PATH, async (_request, reply) => {
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return PAGE_CSS;
  });

  /** The sessions of a sign-up as its pages name them, in the parent's language. */
  async function pageSessions(
    formId: string,
    sessions: readonly { id: string; status: Exclude<PageSession['status'], 'calledOff'>; othersWaiting?: boolean; calledOff?: boolean }[],
    texts: Texts,
  ) {
    const definition = (await currentForm(db, formId))?.definition as MeedenksessieDefinition | undefined;
    return sessions.flatMap((own) => {
      const session = definition?.sessions.find((item) => item.id === own.id);
      if (!session) return [];
      const place = [session.location && localized(session.location.name, texts), session.location?.address && localized(session.location.address, texts)]
        .filter(Boolean)
        .join(', ');
      return [
        {
          title: localized(session.title, texts),
          when: formatWhen(texts, session.start, session.end),
          where: place || (session.online ? texts.mail.online : ''),
          status: own.calledOff ? ('calledOff' as const) : own.status,
          othersWaiting: own.othersWaiting ?? false,
          end: session.end,
        },
      ];
    });
  }

  function html(reply: FastifyReply, status: number, body: string): string {
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store');
    return body;
  }

  // The cancel link: says at once when it was used before, else names the sessions and what
  // cancelling does to each (the waiting list only when someone is on it), with one button.
  app.get<{ Params: { token: string } }>('/api/cancel/:token', async (request, reply) => {
    const path = `/api/cancel/${encodeURIComponent(request.params.token)}`;
    const signup = await signupByToken(db, request.params.token);
    const texts = pageTexts(request, signup?.lang);
    if (!signup) return html(reply, 404, unknownLinkPage(texts, path));
    const sessions = await pageSessions(signup.formId, signup.sessions, texts);
    const active = sessions.filter(isActive);
    if (active.length === 0) return html(reply, 410, nothingToCancelPage({ texts, path, sessions }));
    if (active.every((session) => Date.parse(session.end) <= Date.now())) return html(reply, 410, cancelPastPage({ texts, path, sessions: active }));
    return html(reply, 200, cancelConfirmPage({ texts, path, sessions }));
  });

  app.post<{ Params: { token: string } }>('/api/cancel/:token', { config: limited }, async (request, reply) => {
    const path = `/api/cancel/${encodeURIComponent(request.params.token)}`;
    const before = await signupByToken(db, request.params.token);
    // Read before the cancel's transaction: the e-mails that follow it need the form's sessions and sender.
    const form = before ? await currentForm(db, before.formId) : undefined;
    const sender = form ? await senderFor(db, form.organisationId, mail.server) : undefined;
    const mailer = mailerOf(sender?.from, mail);
    const cancelled = await cancelSignUp(db, request.params.token, mailer ? { mailer, form: () => form, baseUrl: baseUrl() } : undefined);
    if (wantsHtml(request)) {
      const texts = pageTexts(request, before?.lang);
      if (!cancelled || !before) return html(reply, 404, unknownLinkPage(texts, path));
      const all = await pageSessions(before.formId, before.sessions, texts);
      const sessions = all.filter(isActive);
      if (cancelled.alreadyCancelled) return html(reply, 410, nothingToCancelPage({ texts, path, sessions: all }));
      return html(reply, 200, cancelDonePage({ texts, path, sessions }, mailer !== undefined));
    }
    if (!cancelled) return sendErrors(reply, 404, [fieldError('not-found', requestLang(request))]);
    return { status: 'cancelled', sessions: cancelled.sessions };
  });

  /** The confirmation step of a withdrawal: names the form and the day, one button. */
  async function withdrawPage(request: FastifyRequest, reply: FastifyReply, code: string, path: string, onUnknown: (texts: Texts) => string) {
    const story = code.length <= 64 ? await storyByCode(db, code) : undefined;
    const texts = pageTexts(request, typeof story === 'object' ? story.lang : undefined);
    if (story === undefined) return html(reply, 404, onUnknown(texts));
    if (story === 'withdrawn') return html(reply, 410, withdrawUsedPage(texts, path));
    const title = localized((await currentForm(db, story.formId))?.definition.title, texts);
    return html(reply, 200, withdrawConfirmPage(texts, path, title, formatDay(texts, story.createdAt), code));
  }

  app.get<{ Params: { code: string } }>('/api/withdraw/:code', async (request, reply) => {
    const path = `/api/withdraw/${encodeURIComponent(request.params.code)}`;
    return withdrawPage(request, reply, request.params.code, path, (texts) => unknownLinkPage(texts, path));
  });

  // /intrekken: type the code, confirm, done.
  app.get('/intrekken', async (request, reply) => html(reply, 200, withdrawCodePage(pageTexts(request), '/intrekken')));

  app.post('/intrekken', { config: limited }, async (request, reply) => {
    const given = (request.body as { code?: unknown } | undefined)?.code;
    const code = typeof given === 'string' ? given.trim() : '';
    if (code === '') {
      const texts = pageTexts(request);
      return html(reply, 422, withdrawCodePage(texts, '/intrekken', '', texts.pages.withdraw.required));
    }
    return withdrawPage(request, reply, code, '/intrekken', (texts) =>
      withdrawCodePage(texts, '/intrekken', code.slice(0, 64), texts.pages.withdraw.unknown),
    );
  });

  async function withdraw(request: FastifyRequest, reply: FastifyReply, code: unknown) {
    const usable = typeof code === 'string' && code.length <= 64;
    const before = usable && wantsHtml(request) ? await storyByCode(db, code) : undefined;
    const found = usable && (await withdrawStory(db, code));
    if (wantsHtml(request)) {
      const texts = pageTexts(request, typeof before === 'object' ? before.lang : undefined);
      if (found) return html(reply, 200, withdrawDonePage(texts, '/intrekken'));
      if (before === 'withdrawn') return html(reply, 410, withdrawUsedPage(texts, '/intrekken'));
      return html(reply, 404, unknownLinkPage(texts, '/intrekken'));
    }
    if (!found) return sendErrors(reply, 404, [fieldError('not-found', requestLang(request))]);
    return { status: 'withdrawn' };
  }

  app.post<{ Params: { code: string } }>('/api/withdraw/:code', { config: limited }, (request, reply) =>
    withdraw(request, reply, request.params.code),
  );
  app.post<{ Body: { code?: unknown } }>('/api/withdraw', { config: limited }, (request, reply) =>
    withdraw(request, reply, (request.body as { code?: unknown } | undefined)?.code),
  );

  app.get<{ Params: { id: string } }>('/api/export/:id', { config: limited }, async (request, reply) => {
    const lang = requestLang(request);
    if (!options.exportToken) return sendErrors(reply, 404, [fieldError('not-found', lang)]);
    if (!bearer(request, options.exportToken)) {
      reply.header('www-authenticate', 'Bearer');
      return sendErrors(reply, 401, [fieldError('unauthorized', lang)]);
    }
    const form = await currentForm(db, request.params.id);
    if (!form) return sendErrors(reply, 404, [fieldError('not-found', lang)]);
    await audit(db, { organisationId: form.organisationId, system: 'export-token' }, 'export.csv', form.definition.id);
    reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${form.definition.id}.csv"`);
    return exportCsv(db, form);
  });

  // The widgets' files (scripts, their chunks, data) are public: a page on any site loads them
  // with <script type="module">, which needs CORS. Pages are not for other sites to read.
  const publicFile = (response: { setHeader(name: string, value: string): unknown }, path: string) => {
    if (path.endsWith('.html')) return;
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('cross-origin-resource-policy', 'cross-origin');
  };
  // The boundaries and the gebieden table `<ouder-netwerkkaart regions="jeugdregio">` finds next to
  // its script (`/ouderstem.js` → `/data/…`); only the shipped files, not their sources in data/src/.
  await app.register(fastifyStatic, {
    root: options.dataDir ?? DATA_DIR,
    prefix: '/data/',
    decorateReply: false,
    wildcard: true,
    allowedPath: (path) => /^\/[\w.-]+\.(json|csv)$/.test(path),
    setHeaders: publicFile,
  });
  await app.register(cookie);
  installConsoleGate(app, {
    db,
    ownOrigin,
    baseUrl,
    secure: (request) => (config.publicUrl ? config.publicUrl.startsWith('https:') : request.protocol === 'https'),
  });
  await registerConsole(app, {
    db,
    config,
    schemas,
    rateKeySecret,
    oidc: options.oidc,
    consoleDir: options.consoleDir,
    mail,
    gazetteer: options.gazetteer,
  });
  registerHostedPages(app, db);

  if (options.staticDirs && options.staticDirs.length > 0) {
    const roots = new Map(options.staticDirs.map((dir) => [dir, realPath(dir) ?? dir]));
    await app.register(fastifyStatic, {
      root: options.staticDirs,
      index: 'index.html',
      wildcard: true,
      // Dotfiles (.env, .git) are not for the web; a link pointing out of the folder is not followed.
      dotfiles: 'ignore',
      allowedPath: (pathname, root) => {
        const real = realPath(join(root, pathname));
        const base = roots.get(root) ?? root;
        return real === undefined || real === base || real.startsWith(base + sep);
      },
      setHeaders: publicFile,
    });
  }

  return app;
}

/** Checks that the schema cannot: answers against the poll's questions, chosen sessions and options. */
function businessErrors(form: Form, submission: Submission, lang: Lang): FieldError[] {
  const definition = form.definition;
  if (definition.type === 'peiling') {
    const data = submission.data as { answers: Record<string, PeilingAnswer>; code?: string };
    const errors = peilingErrors(definition, data.answers, lang);
    if (definition.integrity === 'code' && !data.code?.trim()) errors.push(fieldError('required', lang, 'code'));
    return errors;
  }
  if (definition.type === 'meedenksessie') return meedenksessieErrors(definition, submission.data as unknown as MeedenksessieData, lang);
  return ervaringErrors(definition, submission.data as unknown as ErvaringData, lang);
}

/** The stored JSON text as it is, so a replay is the same bytes as the first answer. */
function sendOutcome(reply: FastifyReply, outcome: Outcome): FastifyReply {
  reply.code(outcome.status);
  return outcome.body === undefined ? reply.send() : reply.type('application/json; charset=utf-8').send(outcome.body);
}
