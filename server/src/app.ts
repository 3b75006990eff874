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
import {
  cancelSignUp,
  countVotes,
  remainingPlaces,
  signupByToken,
  storyByCode,
  submit,
  visibleTally,
  withdrawStory,
  type Submission,
  type TestHooks,
} from './store.js';
import { exportCsv } from './export.js';
import {
  cancelConfirmPage,
  cancelDonePage,
  cancelPastPage,
  cancelUsedPage,
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
import type { Mailer } from './mail/queue.js';
import type { MeedenksessieDefinition } from './content.js';

export interface AppOptions {
  db: Database;
  content: Content;
  schemas: Schemas;
  /** Folders served as static files at `/` (first match wins), e.g. the demo page and the widget build. */
  staticDirs?: string[];
  /** Bearer token for `GET /api/export/:id`; the route answers 404 without one. */
  exportToken?: string;
  /** Secret for hashing client addresses in the rate limiter; random per process when absent. */
  rateLimitKey?: string;
  /** Passed to Fastify: set when running behind a reverse proxy. */
  trustProxy?: boolean | string;
  logger?: boolean | object;
  hooks?: TestHooks;
  /** Present when the server sends e-mail (OUDERSTEM_SMTP_URL): definitions say so and messages are queued. */
  mailer?: Mailer;
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

/** The language of a parent's page: `?lang=`, the form's `lang` field, what was stored, the browser's, Dutch. */
function pageTexts(request: FastifyRequest, stored?: string): Texts {
  const query = (request.query as { lang?: unknown } | undefined)?.lang;
  const posted = (request.body as { lang?: unknown } | undefined)?.lang;
  const asked = [query, posted, stored].find((value) => typeof value === 'string' && value.length > 0);
  return asked !== undefined ? textsFor(asked) : (fromAcceptLanguage(request.headers['accept-language']) ?? textsFor('nl'));
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
    // Whether this server sends e-mail: the widgets promise a message only when it does.
    const definition = options.mailer ? { ...form.definition, sendsMail: true } : form.definition;
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
    if (submission.outcomeEmail !== undefined && form.definition.outcomeOptIn !== true) {
      return sendErrors(reply, 422, [fieldError('unknown-field', lang, 'outcomeEmail')]);
    }

    if (submission.honeypot) return reply.code(201).send(decoyAnswer(form, submission, baseUrl(request)));
    const errors = businessErrors(form, submission, lang);
    if (errors.length > 0) return sendErrors(reply, 422, errors);

    const outcome = await submit({ db, form, submission, lang, baseUrl: baseUrl(request), hooks: options.hooks, mailer: options.mailer });
    reply.code(outcome.status);
    return outcome.body === undefined ? reply.send() : reply.send(outcome.body);
  });

  app.get('/api/networks', async (_request, reply) => {
    if (!content.networks) return sendErrors(reply, 404, [fieldError('not-found', 'nl')]);
    reply.header('cache-control', 'public, max-age=300');
    return content.networks;
  });

  app.get(PAGE_CSS_PATH, async (_request, reply) => {
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return PAGE_CSS;
  });

  /** The sessions of a sign-up as its pages name them, in the parent's language. */
  function pageSessions(formId: string, sessions: readonly { id: string; status: PageSession['status']; othersWaiting?: boolean }[], texts: Texts) {
    const definition = content.forms.get(formId)?.definition as MeedenksessieDefinition | undefined;
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
          status: own.status,
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
    const sessions = pageSessions(signup.formId, signup.sessions, texts);
    const active = sessions.filter((session) => session.status !== 'cancelled');
    if (active.length === 0) return html(reply, 410, cancelUsedPage({ texts, path, sessions }));
    if (active.every((session) => Date.parse(session.end) <= Date.now())) return html(reply, 410, cancelPastPage({ texts, path, sessions: active }));
    return html(reply, 200, cancelConfirmPage({ texts, path, sessions }));
  });

  app.post<{ Params: { token: string } }>('/api/cancel/:token', { config: limited }, async (request, reply) => {
    const path = `/api/cancel/${encodeURIComponent(request.params.token)}`;
    const before = wantsHtml(request) ? await signupByToken(db, request.params.token) : undefined;
    const mail = options.mailer ? { mailer: options.mailer, form: (id: string) => content.forms.get(id), baseUrl: baseUrl(request) } : undefined;
    const cancelled = await cancelSignUp(db, request.params.token, mail);
    if (wantsHtml(request)) {
      const texts = pageTexts(request, before?.lang);
      if (!cancelled || !before) return html(reply, 404, unknownLinkPage(texts, path));
      const sessions = pageSessions(before.formId, before.sessions, texts).filter((session) => session.status !== 'cancelled');
      if (cancelled.alreadyCancelled) return html(reply, 410, cancelUsedPage({ texts, path, sessions: pageSessions(before.formId, before.sessions, texts) }));
      return html(reply, 200, cancelDonePage({ texts, path, sessions }, options.mailer !== undefined));
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
    const title = localized(content.forms.get(story.formId)?.definition.title, texts);
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

  if (options.staticDirs && options.staticDirs.length > 0) {
    await app.register(fastifyStatic, {
      root: options.staticDirs,
      index: 'index.html',
      wildcard: true,
      // The widgets' files (scripts, their chunks, data) are public: a page on any site loads them
      // with <script type="module">, which needs CORS. Pages are not for other sites to read.
      setHeaders: (response, path) => {
        if (path.endsWith('.html')) return;
        response.setHeader('access-control-allow-origin', '*');
        response.setHeader('cross-origin-resource-policy', 'cross-origin');
      },
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
