// docs/openapi.yaml is the endpoint contract for other backends (#17). The reference server's real
// answers, for every route and status it documents, must match it: status, content type, required
// headers and the body's schema (the project's JSON Schemas, referred to from the document).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { parse } from 'yaml';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase, type Database } from '../src/db.js';
import { backends, makeApp, post, signUp, story, testContent, vote } from './helpers.js';

type Json = Record<string, any>;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const spec = parse(readFileSync(join(ROOT, 'docs/openapi.yaml'), 'utf8')) as Json;

const ajv = new Ajv2020({ allErrors: true, strict: false });
formats.default(ajv);
for (const file of readdirSync(join(ROOT, 'schemas')).filter((name) => name.endsWith('.schema.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')));
}

/** A `$ref` inside the document, followed. */
function local(node: Json): Json {
  if (typeof node?.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  return node.$ref.slice(2).split('/').reduce((at: Json, key: string) => at[key], spec);
}

/** A schema Ajv can compile: the document's own refs inlined, `../schemas/x` as the schema's $id. */
function compilable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(compilable);
  if (node === null || typeof node !== 'object') return node;
  const object = node as Json;
  if (typeof object.$ref === 'string') {
    if (object.$ref.startsWith('#/')) return compilable(local(object));
    return { $ref: object.$ref.replace(/^\.\.\/schemas\//, '') };
  }
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, compilable(value)]));
}

/** The documented path template that matches a URL, e.g. /api/forms/{id}. */
function templateOf(url: string): string | undefined {
  const path = url.split('?')[0]!;
  return Object.keys(spec.paths).find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
}

interface Seen {
  method: string;
  url: string;
  response: LightMyRequestResponse;
}

/** What is wrong with one real answer against the document, or nothing. */
function problemsOf({ method, url, response }: Seen): string[] {
  const where = `${method} ${url} → ${response.statusCode}`;
  const template = templateOf(url);
  if (!template) return [`${where}: path not documented`];
  const operation = spec.paths[template][method.toLowerCase()];
  if (!operation) return [`${where}: method not documented`];
  const documented = operation.responses[String(response.statusCode)];
  if (!documented) return [`${where}: status not documented`];
  const answer = local(documented);
  const problems: string[] = [];
  for (const [name, header] of Object.entries((answer.headers ?? {}) as Json)) {
    if (local(header).required && response.headers[name.toLowerCase()] === undefined) problems.push(`${where}: header ${name} missing`);
  }
  if (!response.headers['x-request-id']) problems.push(`${where}: X-Request-Id missing`);
  if (response.body === '') return problems;
  const type = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
  const content = answer.content?.[type];
  if (!content) return [...problems, `${where}: content type ${type} not documented`];
  if (type === 'application/json' && content.schema) {
    const validate = ajv.compile(compilable(content.schema) as object);
    if (!validate(JSON.parse(response.body))) problems.push(`${where}: ${ajv.errorsText(validate.errors)} in ${response.body.slice(0, 300)}`);
  }
  return problems;
}

describe('docs/openapi.yaml', () => {
  let db: Database;
  let app: FastifyInstance;
  const seen: Seen[] = [];
  const record = async (app: FastifyInstance, options: { method?: string; url: string; headers?: Record<string, string>; payload?: unknown }) => {
    const response = await app.inject(options as never);
    seen.push({ method: options.method ?? 'GET', url: options.url, response });
    return response;
  };
  const recordPost = async (app: FastifyInstance, formId: string, body: Json, headers: Record<string, string> = {}) => {
    const response = await post(app, formId, body, headers);
    seen.push({ method: 'POST', url: `/api/forms/${formId}`, response });
    return response;
  };

  before(async () => {
    db = await backends[0]!.open();
    app = await makeApp(db, { metricsToken: 'meet-token' });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('is OpenAPI 3.1 and every documented operation is a route of the reference server', () => {
    assert.equal(spec.openapi, '3.1.0');
    for (const [template, operations] of Object.entries(spec.paths as Json)) {
      for (const method of Object.keys(operations).filter((key) => key !== 'parameters')) {
        const url = template.replace(/\{[^}]+\}/g, 'x');
        assert.ok(app.hasRoute({ method: method.toUpperCase() as 'GET', url: template.replace(/\{([^}]+)\}/g, ':$1') }), `${method} ${template} (${url})`);
      }
    }
  });

  it("the reference server's answers match it, route by route and status by status", async () => {
    await record(app, { url: '/healthz' });
    for (const id of ['poll', 'signup', 'story', 'nope']) await record(app, { url: `/api/forms/${id}` });
    await record(app, { url: '/api/forms/signup', headers: { origin: 'https://evil.example' } });
    await record(app, { url: '/api/networks' });

    const first = vote({ q1: 'a' });
    await recordPost(app, 'poll', first);
    await recordPost(app, 'poll', first);
    await recordPost(app, 'poll', vote({ q1: 'b' }, { voterToken: first.data.voterToken }));
    await recordPost(app, 'poll', { ...first, data: { answers: { q1: 'zzz' } } });
    await recordPost(app, 'poll', vote({ q1: 'a' }), { 'idempotency-key': 'anders' });
    await recordPost(app, 'poll', vote({ q1: 'a' }), { origin: 'https://evil.example' });
    await recordPost(app, 'nope', vote({ q1: 'a' }));
    seen.push({ method: 'POST', url: '/api/forms/poll', response: await app.inject({ method: 'POST', url: '/api/forms/poll', headers: { 'content-type': 'application/json' }, payload: '{nee' }) });
    seen.push({ method: 'POST', url: '/api/forms/poll', response: await app.inject({ method: 'POST', url: '/api/forms/poll', headers: { 'content-type': 'text/plain' }, payload: 'hallo' }) });
    seen.push({ method: 'POST', url: '/api/forms/poll', response: await app.inject({ method: 'POST', url: '/api/forms/poll', headers: { 'content-type': 'application/json' }, payload: `"${'x'.repeat(70_000)}"` }) });
    const signed = await recordPost(app, 'signup', signUp(['ten', 'open']));
    await recordPost(app, 'signup', signUp(['one'], { waitlist: true }));
    await recordPost(app, 'signup', signUp(['past']));
    const told = story();
    const shared = await recordPost(app, 'story', told);

    const token = signed.json().cancelUrl.split('/').pop();
    await record(app, { url: `/api/cancel/${token}` });
    await record(app, { method: 'POST', url: `/api/cancel/${token}` });
    await record(app, { method: 'POST', url: '/api/cancel/onbekend' });
    const code = shared.json().withdrawCode;
    await record(app, { url: `/api/withdraw/${code}` });
    await record(app, { method: 'POST', url: `/api/withdraw/${code}` });
    await recordPost(app, 'story', told);
    await record(app, { method: 'POST', url: '/api/withdraw', payload: { code: 'ABCD-EFGH-JKMN-PQRS' } });
    await record(app, { url: '/api/export/poll', headers: { authorization: 'Bearer geheim-token' } });
    await record(app, { url: '/api/export/poll', headers: { authorization: 'Bearer fout' } });
    await record(app, { url: '/metrics', headers: { authorization: 'Bearer meet-token' } });
    await record(app, { url: '/metrics' });

    // The refusals that need another server: a tight rate limit, a database that is away, a bug.
    const content = testContent();
    content.config.rateLimit = { max: 1, timeWindowSeconds: 60 };
    const strict = await makeApp(db, { content });
    await recordPost(strict, 'poll', vote({ q1: 'a' }));
    await recordPost(strict, 'poll', vote({ q1: 'a' }));
    await strict.close();
    const away = Object.assign(new Error('Connection terminated unexpectedly'), { code: '08006' });
    const unavailable = await makeApp(db, { hooks: { beforeCommit: async () => { throw away; } } });
    await recordPost(unavailable, 'story', story());
    await unavailable.close();
    const broken = await makeApp(db, { hooks: { beforeCommit: async () => { throw new Error('kapot'); } } });
    await recordPost(broken, 'story', story());
    await broken.close();
    const folder = await mkdtemp(join(tmpdir(), 'ouderstem-openapi-'));
    const full = await openDatabase({ dataDir: folder, minFreeBytes: Number.MAX_SAFE_INTEGER });
    const fullApp = await makeApp(full);
    await record(fullApp, { url: '/healthz' });
    await fullApp.close();
    await full.close();
    await rm(folder, { recursive: true, force: true });

    const statuses = new Set(seen.map((entry) => entry.response.statusCode));
    for (const status of [200, 201, 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 500, 503]) assert.ok(statuses.has(status), `an answer with ${status} was checked`);
    assert.deepEqual(seen.flatMap(problemsOf), []);
  });
});
