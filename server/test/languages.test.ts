import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db.js';
import { languages, textsFor } from '../src/i18n/index.js';
import { backends, makeApp, post, signUp } from './helpers.js';

/** Every text of a language file, with where it is; texts made by a function with sample values. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[`${path}()`, String((value as (...values: string[]) => string)('{a}', '{b}', '{c}'))]];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => texts(item, path ? `${path}.${key}` : key));
  return [];
}

/** Texts that are the same in Dutch and another language: the code, its direction, and a borrowed word. */
const sameEverywhere = new Set(['dir', 'dates.join', 'dates.clock()', 'mail.online', 'pages.errorPrefix']);

describe('the server in every language of server/src/i18n/', () => {
  const dutch = new Map(texts(textsFor('nl')));

  it('finds every file, Dutch first, and each names its own code', () => {
    assert.equal(languages[0]!.lang, 'nl');
    for (const code of ['nl', 'en', 'ar', 'tr', 'pl', 'uk']) assert.equal(textsFor(code).lang, code, code);
  });

  for (const language of languages.filter((texts) => texts.lang !== 'nl')) {
    it(`${language.lang}: no text empty, none left in Dutch`, () => {
      const found = texts(language);
      assert.deepEqual(found.filter(([, text]) => text.trim() === '').map(([path]) => path), [], 'empty');
      const dutchLeft = found.filter(([path, text]) => !sameEverywhere.has(path) && dutch.get(path) === text && !/^[\p{Lu}\d -]+$/u.test(text));
      assert.deepEqual(dutchLeft, [], 'the same as the Dutch');
      assert.equal(language.dir, language.lang === 'ar' ? 'rtl' : 'ltr');
    });
  }

  for (const backend of backends) {
    describe(`answers and pages, on ${backend.name}`, () => {
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

      for (const language of languages) {
        it(`${language.lang}: error messages of a submission in ${language.lang}, and the withdraw page`, async () => {
          const response = await post(app, 'signup', { ...signUp(['ten'], { email: 'nope' }), lang: language.lang });
          assert.equal(response.statusCode, 422);
          const email = (response.json().errors as { field: string; message: string }[]).find((error) => error.field === 'email');
          assert.equal(email?.message, language.errors['invalid-email']);

          const page = await app.inject({ url: '/intrekken', headers: { 'accept-language': `${language.lang}-XX,${language.lang};q=0.9,en;q=0.5` } });
          assert.match(page.body, new RegExp(`<html lang="${language.lang}" dir="${language.dir}">`));
          assert.ok(page.body.includes(language.pages.withdraw.title.replaceAll('&', '&amp;')), language.pages.withdraw.title);
        });
      }

      it('an Accept-Language header is read in order: the first language the server speaks wins', async () => {
        const notFound = await app.inject({ url: '/api/forms/does-not-exist', headers: { 'accept-language': 'da, tr;q=0.9, en;q=0.8' } });
        assert.equal(notFound.json().errors[0].message, textsFor('tr').errors['not-found']);
      });
    });
  }
});
