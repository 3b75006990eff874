import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { constants as zlib } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { Database } from './db.js';
import type { Content, Form } from './content.js';
import type { Schemas } from './schemas.js';
import { ApiError, fieldError, langOf, type FieldError, type Lang } from './messages.js';
import { ervaringErrors, meedenksessieErrors, peilingErrors, schemaErrors, type ErvaringData, type MeedenksessieData, type PeilingAnswer } from './validate.js';
import { cancelSignUp, countVotes, remainingPlaces, submit, visibleTally, withdrawStory, type Submission, type TestHooks } from './store.js';
import { exportCsv } from './export.js';
import { confirmPage, messagePage } from './pages.js';
import { DATA_DIR } from './networks.js';

export interface AppOptions {
  db: Database;
  content: Content;
  schemas: Schemas;
  /** Folders served as static files at `/` (first match wins), e.g. the demo page and the widget build. */
  staticDirs?: string[];
  /** The shipped CBS data, served at `/data/` (default: the repository's `data/`). */
  dataDir?: string;
  /** Bearer token for `GET /api/export/:id`; the route answers 404 without one. */
  exportToken?: string;
  /** Secret for hashing client addresses in the rate limiter; random per process when absent. */
  rateLimitKey?: string;
  /** Passed to Fastify: set when running behind a reverse proxy. */
  trustProxy?: boolean | string;
  logger?: boolean | object;
  hooks?: TestHooks;
}

const BODY_LIMIT = 64 * 1024;
const FORM_PATH = /^\/api\/forms\/([^/?#]+)/;

function sendErrors(reply: FastifyReply, status: number, errors: FieldError[]): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ errors });
}

function requestLang(request: FastifyRequest): Lang {
  const body = request.body as { lang?: unknown } | undefined;
  if (body && typeof body === 'object' && 'lang' in body) return langOf(body.lang);
  return langOf(request.headers['accept-language']);
}

function wantsHtml(request: FastifyRequest): boolean {
  return request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') === true || request.method === 'GET';
}

/** Keeps secrets from links (cancel tokens, withdrawal codes) out of the logs. */
function redactUrl(url: string): string {
  return url.replace(/\/api\/(cancel|withdraw)\/[^/?#]+/, '/api/$1/…');
}

/** A parsed body without U+0000 in any string or key. */
export function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.replaceAll('\u0000', ''), withoutNul(item)]));
  }
  return value;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, content, schemas } = options;
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
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
  const validateSubmission = schemas.validator('submission');

  function ownOrigin(request: FastifyRequest): string {
    return content.config.publicUrl ? new URL(content.config.publicUrl).origin : `${request.protocol}://${request.host}`;
  }

  function baseUrl(request: FastifyRequest): string {
    return content.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
  }

  /** Same origin always; otherwise the global allow-list, plus the form's own list on its routes. */
  function originAllowed(request: FastifyRequest, origin: string): boolean {
    if (origin === ownOrigin(request) || origin === `${request.protocol}://${request.host}`) return true;
    if (content.config.allowedOrigins.includes(origin)) return true;
    const formId = FORM_PATH.exec(request.url)?.[1];
    if (formId !== undefined) return content.forms.get(decodeURIComponent(formId))?.allowedOrigins.includes(origin) ?? false;
    return [...content.forms.values()].some((form) => form.allowedOrigins.includes(origin));
  }

  app.addHook('onRequest', async (request, reply) => {
    // No path or query of this server has a use for U+0000 (a cancel token, a code, a form id).
    if (/%00/.test(request.url)) throw new ApiError(400, [fieldError('bad-request', langOf(request.headers['accept-language']))]);
    // The API answers only pages on allowed origins. The refusal itself is readable by the page
    // (CORS header on the 403, and a preflight that lets the POST go out), so the widget can tell
    // the web editor on the console why, instead of a network error it would retry for ever.
    const origin = request.headers.origin;
    if (request.url.startsWith('/api/') && request.method !== 'OPTIONS' && origin !== undefined && !originAllowed(request, origin)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'origin');
      throw new ApiError(403, [fieldError('origin-not-allowed', langOf(request.headers['accept-language']))]);
    }
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the cancel and
    // withdraw pages' own form POSTs, which the origin check then refuses. Nothing leaves for other sites either way.
    reply.header('referrer-policy', 'same-origin');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
      );
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
        origin: api && origin !== undefined && (request.method === 'OPTIONS' || originAllowed(request as FastifyRequest, origin)) ? origin : false,
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
    keyGenerator: (request) => createHmac('sha256', rateKeySecret).update(request.ip).digest('base64url'),
    errorResponseBuilder: (request, context) => ({
      statusCode: context.statusCode,
      errors: [fieldError('rate-limited', langOf(request.headers['accept-language']))],
    }),
  });
  const limited = {
    rateLimit: { max: content.config.rateLimit.max, timeWindow: content.config.rateLimit.timeWindowSeconds * 1000 },
  };

  // U+0000 goes from every string and key on the way in: PostgreSQL stores none in text or jsonb
  // (a 500, and a widget that retries for ever), and in what a parent types it is invisible anyway.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    parseJson(request, String(body), (error, value) => (error ? done(error) : done(null, withoutNul(value)))),
  );
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, withoutNul(Object.fromEntries(new URLSearchParams(String(body)))));
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; errors?: FieldError[] }, request, reply) => {
    const lang = requestLang(request);
    if (error instanceof ApiError) {
      return error.errors ? sendErrors(reply, error.statusCode, error.errors) : reply.code(error.statusCode).send();
    }
    const status = error.statusCode ?? 500;
    if (status === 429 && Array.isArray(error.errors)) return sendErrors(reply, 429, error.errors);
    if (status >= 500) {
      request.log.error({ err: error, requestId: request.id }, 'request failed');
      return sendErrors(reply, 500, [fieldError('internal', lang)]);
    }
    if (status === 413) return sendErrors(reply, 413, [fieldError('payload-too-large', lang)]);
    if (status === 415) return sendErrors(reply, 415, [fieldError('unsupported-media-type', lang)]);
    return sendErrors(reply, status, [fieldError(status === 404 ? 'not-found' : 'bad-request', lang)]);
  });

  app.setNotFoundHandler((request, reply) => sendErrors(reply, 404, [fieldError('not-found', requestLang(request))]));

  function formOr404(id: string, lang: Lang): Form {
    const form = content.forms.get(id);
    if (!form) throw new ApiError(404, [fieldError('not-found', lang)]);
    return form;
  }

  app.get('/healthz', async (_request, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ok', storage: db.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', storage: db.kind });
    }
  });

  app.get<{ Params: { id: string } }>('/api/forms/:id', async (request, reply) => {
    const form = formOr404(request.params.id, requestLang(request));
    reply.header('cache-control', 'no-store');
    const definition = form.definition;
    if (definition.type === 'peiling') {
      const tally = visibleTally(definition, await countVotes(db, definition));
      return tally ? { ...definition, tally } : definition;
    }
    if (definition.type === 'meedenksessie') {
      const remaining = await remainingPlaces(db, definition.id);
      return {
        ...definition,
        sessions: definition.sessions.map((session) =>
          remaining.has(session.id) ? { ...session, remaining: remaining.get(session.id) } : session,
        ),
      };
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
    const form = formOr404(request.params.id, lang);
    if (!validateSubmission(body)) return sendErrors(reply, 422, schemaErrors(validateSubmission.errors ?? [], lang));
    const submission = body as Submission & { honeypot?: string };
    if (request.headers['idempotency-key'] !== submission.submissionId) {
      return sendErrors(reply, 400, [fieldError('idempotency-key-mismatch', lang, 'submissionId')]);
    }
    if (submission.formId !== form.definition.id) return sendErrors(reply, 422, [fieldError('form-mismatch', lang, 'formId')]);
    if (submission.type !== form.definition.type) return sendErrors(reply, 422, [fieldError('type-mismatch', lang, 'type')]);

    if (submission.honeypot) return reply.code(201).send(decoyAnswer(form, submission, baseUrl(request)));
    const errors = businessErrors(form, submission, lang);
    if (errors.length > 0) return sendErrors(reply, 422, errors);

    const outcome = await submit({ db, form, submission, lang, baseUrl: baseUrl(request), hooks: options.hooks });
    reply.code(outcome.status);
    return outcome.body === undefined ? reply.send() : reply.send(outcome.body);
  });

  app.get('/api/networks', async (_request, reply) => {
    if (!content.networks) return sendErrors(reply, 404, [fieldError('not-found', 'nl')]);
    reply.header('cache-control', 'public, max-age=300');
    return content.networks;
  });

  app.get<{ Params: { token: string } }>('/api/cancel/:token', async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    return confirmPage(
      'Aanmelding annuleren',
      'Wil je je aanmelding voor de meedenksessie annuleren? Je plaats gaat dan naar iemand op de wachtlijst.',
      `/api/cancel/${encodeURIComponent(request.params.token)}`,
      'Ja, annuleer mijn aanmelding',
    );
  });

  app.post<{ Params: { token: string } }>('/api/cancel/:token', { config: limited }, async (request, reply) => {
    const cancelled = await cancelSignUp(db, request.params.token);
    if (wantsHtml(request)) {
      reply.type('text/html; charset=utf-8').code(cancelled ? 200 : 404);
      return cancelled
        ? messagePage('Aanmelding geannuleerd', 'Je aanmelding is geannuleerd. Bedankt dat je het liet weten.')
        : messagePage('Niet gevonden', 'Deze annuleringslink kennen we niet (meer).');
    }
    if (!cancelled) return sendErrors(reply, 404, [fieldError('not-found', requestLang(request))]);
    return { status: 'cancelled', sessions: cancelled.sessions };
  });

  app.get<{ Params: { code: string } }>('/api/withdraw/:code', async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    return confirmPage(
      'Verhaal terugtrekken',
      'Wil je je verhaal terugtrekken? We verwijderen het dan definitief.',
      `/api/withdraw/${encodeURIComponent(request.params.code)}`,
      'Ja, verwijder mijn verhaal',
    );
  });

  async function withdraw(request: FastifyRequest, reply: FastifyReply, code: unknown) {
    const found = typeof code === 'string' && code.length <= 64 && (await withdrawStory(db, code));
    if (wantsHtml(request)) {
      reply.type('text/html; charset=utf-8').code(found ? 200 : 404);
      return found
        ? messagePage('Verhaal verwijderd', 'Je verhaal is verwijderd. Bedankt voor je vertrouwen.')
        : messagePage('Niet gevonden', 'Deze code kennen we niet (meer).');
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
    const given = Buffer.from(request.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${options.exportToken}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      reply.header('www-authenticate', 'Bearer');
      return sendErrors(reply, 401, [fieldError('unauthorized', lang)]);
    }
    const form = formOr404(request.params.id, lang);
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
  if (options.staticDirs && options.staticDirs.length > 0) {
    await app.register(fastifyStatic, { root: options.staticDirs, index: 'index.html', wildcard: true, setHeaders: publicFile });
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

/** What a bot that filled the honeypot gets: an answer that looks real; nothing is stored. */
function decoyAnswer(form: Form, submission: Submission, base: string): unknown {
  const definition = form.definition;
  if (definition.type === 'meedenksessie') {
    const ids = (submission.data as { sessionIds: string[] }).sessionIds;
    return {
      status: 'confirmed',
      sessions: ids.map((id) => ({ id, status: 'confirmed' })),
      cancelUrl: `${base}/api/cancel/${randomBytes(24).toString('base64url')}`,
    };
  }
  if (definition.type === 'ervaring') {
    const code = randomBytes(8).toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
    return { withdrawCode: code, withdrawUrl: `${base}/api/withdraw/${code}` };
  }
  return {};
}
