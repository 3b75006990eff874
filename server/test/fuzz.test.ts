import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db.js';
import { backends, count, makeApp, signUp, story, vote } from './helpers.js';

/** A small seeded generator, so a failing run can be repeated exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const STRANGE: unknown[] = [
  null, true, 0, -1, 1e308, 3.5, '', ' ', 'a'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE votes; --",
  '\u0000', '💥', [], [null], {}, { value: 1 }, { __proto__: { admin: true } }, ['ten', 'ten'], 'other',
];

function mutate(value: unknown, next: () => number, depth = 0): unknown {
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  if (value !== null && typeof value === 'object' && depth < 4) {
    const copy: Record<string, unknown> = Array.isArray(value) ? ({ ...value } as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const action = next();
    if (action < 0.2 && keys.length > 0) delete copy[pick(keys)];
    else if (action < 0.35) copy[pick(['extra', 'honeypot', 'q1', 'sessionIds', 'code', '__proto__'])] = pick(STRANGE);
    else if (keys.length > 0) {
      const key = pick(keys);
      copy[key] = next() < 0.5 ? mutate(copy[key], next, depth + 1) : pick(STRANGE);
    }
    return Array.isArray(value) ? Object.values(copy) : copy;
  }
  return pick(STRANGE);
}

/** Submissions per backend. */
const runs = 5000;

const pickType = (next: () => number) =>
  ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ''][
    Math.floor(next() * 5)
  ]!;

for (const backend of backends) {
  describe(`fuzz on ${backend.name}`, () => {
    let db: Database;
    let app: FastifyInstance;
    before(async () => {
      db = await backend.open();
      app = await makeApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it(`${runs} malformed and mutated submissions: never a 5xx, and every stored row came with a 2xx`, async () => {
      const next = random(20270309);
      const valid: [string, () => Record<string, unknown>][] = [
        ['poll', () => vote({ q1: 'a', q2: { value: ['x', 'other'], other: 'iets' }, q3: 3, q4: 'tekst' })],
        ['signup', () => signUp(['open'], { role: 'ouder', needs: ['tolk'] })],
        ['story', () => story()],
      ];
      let accepted = 0;
      const statuses = new Map<number, number>();
      for (let index = 0; index < runs; index++) {
        const [formId, make] = valid[index % valid.length]!;
        const original = make();
        const body = mutate(original, next) as Record<string, unknown>;
        // Most are mutated JSON; some are cut off, some are bytes that are no JSON at all, some
        // come with a content type the server does not take.
        const damage = next();
        const raw =
          damage < 0.05
            ? JSON.stringify(body).slice(0, Math.floor(next() * 200))
            : damage < 0.08
              ? String.fromCharCode(...Array.from({ length: 1 + Math.floor(next() * 64) }, () => Math.floor(next() * 0xffff)))
              : JSON.stringify(body);
        const type = next() < 0.03 ? pickType(next) : 'application/json';
        const response = await app.inject({
          method: 'POST',
          url: `/api/forms/${formId}`,
          headers: { 'content-type': type, 'idempotency-key': String(body?.submissionId ?? original.submissionId) },
          payload: raw,
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        assert.ok(response.statusCode < 500, `5xx for ${raw.slice(0, 300)}: ${response.body}`);
        // The server takes U+0000 out of every string first, so a honeypot of only that is empty.
        const honeypot = typeof body?.honeypot === 'string' && body.honeypot.replaceAll('\u0000', '') !== '';
        if (response.statusCode === 201 && !honeypot) accepted++;
      }
      const rows = (await count(db, 'votes')) + (await count(db, 'signups')) + (await count(db, 'stories'));
      assert.equal(rows, accepted, `statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
      // Not vacuous: many a mutation leaves a valid submission, of every type, and those are stored.
      for (const table of ['votes', 'signups', 'stories']) assert.ok((await count(db, table)) > 0, `some ${table} were accepted`);
      assert.ok(accepted >= runs / 20, `only ${accepted} of ${runs} accepted: the mutations no longer leave valid submissions`);
      const invalid = await db.query(
        `SELECT 1 FROM signups WHERE name = '' OR email NOT LIKE '%@%'
         UNION ALL SELECT 1 FROM stories WHERE length(story) < 10 OR jsonb_array_length(themes) = 0`,
      );
      assert.equal(invalid.rows.length, 0);
    });

    it('1000 odd requests to the other routes (cancel, withdraw, export, definitions): never a 5xx', async () => {
      const next = random(20261124);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
      const junk = () =>
        pick(['', 'a', 'ABCDE-23456', 'x'.repeat(3000), '%00', '%ZZ', '..%2F..%2Fetc', '💥', '<b>', "'--", '%E2%80%AE', ' '].map(String));
      const statuses = new Map<number, number>();
      for (let index = 0; index < 1000; index++) {
        const route = pick(['/api/cancel/', '/api/withdraw/', '/api/withdraw', '/api/export/', '/api/forms/', '/api/networks']);
        const url = route.endsWith('/') ? `${route}${junk()}` : `${route}${next() < 0.2 ? `?${junk()}` : ''}`;
        const form = next() < 0.5;
        const response = await app.inject({
          method: pick(['GET', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'] as const),
          url,
          headers: {
            'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
            ...(next() < 0.3 ? { authorization: `Bearer ${junk()}` } : {}),
            ...(next() < 0.3 ? { origin: pick(['https://evil.example', 'null', 'http://localhost']) } : {}),
          },
          payload: form ? `code=${junk()}` : next() < 0.5 ? JSON.stringify({ code: mutate('x', next) }) : junk(),
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        assert.ok(response.statusCode < 500, `${response.statusCode} for ${url}: ${response.body.slice(0, 300)}`);
      }
      assert.ok(statuses.size > 2, `a spread of answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
    });
  });
}
