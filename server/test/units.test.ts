import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCode, normalizeCode, participationCode, withdrawCode } from '../src/codes.js';
import { bodyHash, visibleTally, type Tally } from '../src/store.js';
import { characters, countedValues, ervaringErrors, peilingErrors } from '../src/validate.js';
import { rollDemoDates } from '../src/demo-dates.js';
import { loadContent } from '../src/content.js';
import { loadSchemas } from '../src/schemas.js';
import { fileURLToPath } from 'node:url';
import type { ErvaringDefinition, MeedenksessieDefinition, PeilingDefinition } from '../src/content.js';

const poll: PeilingDefinition = {
  type: 'peiling',
  id: 'p',
  title: 'Peiling',
  results: 'after-close',
  integrity: 'open',
  closesAt: '2030-01-01T00:00:00Z',
  questions: [
    { id: 'kies', type: 'multiple', label: 'Kies', other: true, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
    { id: 'schaal', type: 'scale', label: 'Schaal', min: 0, max: 10 },
  ],
};

describe('codes', () => {
  it('participation and withdraw codes use the unambiguous alphabet', () => {
    assert.match(participationCode(), /^[A-HJKMNP-Z2-9]{10}$/);
    assert.match(withdrawCode(), /^[A-HJKMNP-Z2-9]{16}$/);
  });

  it('typed codes are compared without case, spaces or dashes', () => {
    assert.equal(normalizeCode(' abcde-23456 '), 'ABCDE23456');
    assert.equal(formatCode('ABCDE23456', 5), 'ABCDE-23456');
  });
});

describe('idempotency body hash', () => {
  it('does not depend on key order', () => {
    assert.equal(bodyHash({ a: 1, b: { c: [1, 2], d: 'x' } }), bodyHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    assert.notEqual(bodyHash({ a: [1, 2] }), bodyHash({ a: [2, 1] }));
  });
});

describe('poll answers', () => {
  it('counts each chosen value once, "other" included', () => {
    assert.deepEqual(countedValues(poll.questions[0]!, { value: ['a', 'a', 'other'], other: 'x' }), ['a', 'other']);
    assert.deepEqual(countedValues(poll.questions[1]!, 0), ['0']);
  });

  it('refuses "other" text on a question without it and a scale outside min..max', () => {
    const definition: PeilingDefinition = { ...poll, questions: [{ ...poll.questions[0]!, other: false }, poll.questions[1]!] };
    const errors = peilingErrors(definition, { kies: { value: 'other', other: 'x' }, schaal: 11 }, 'nl');
    assert.deepEqual(errors.map((error) => [error.field, error.code]), [['answers.kies', 'invalid-value'], ['answers.schaal', 'out-of-range']]);
  });

  it('after-close results only once closed; below minResponses only the total', () => {
    const tally: Tally = { total: 3, questions: { schaal: { counts: { 5: 3 }, total: 3 } } };
    assert.equal(visibleTally(poll, tally, new Date('2029-12-31T00:00:00Z')), undefined);
    assert.deepEqual(visibleTally(poll, tally, new Date('2030-01-02T00:00:00Z')), { total: 3, questions: {} });
    assert.deepEqual(visibleTally({ ...poll, minResponses: 3 }, tally, new Date('2030-01-02T00:00:00Z')), tally);
    assert.equal(visibleTally({ ...poll, results: 'hidden' }, tally, new Date('2031-01-01T00:00:00Z')), undefined);
  });
});

describe('text lengths count characters as people see them', () => {
  const emoji = '\u{1F60A}'; // one character, two UTF-16 units

  it('counts code points and ignores surrounding white space', () => {
    assert.equal(characters(`  ${emoji.repeat(3)}\n`), 3);
  });

  it('a story of exactly maxLength emoji passes; one more is too long', () => {
    const story: ErvaringDefinition = { type: 'ervaring', id: 'e', title: 'E', minLength: 2, maxLength: 5, themes: [{ value: 't', label: 'T' }] };
    const data = (text: string) => ({ story: text, themes: ['t'], consent: 'internal' }) as Parameters<typeof ervaringErrors>[1];
    assert.deepEqual(ervaringErrors(story, data(emoji.repeat(5)), 'nl'), []);
    assert.deepEqual(ervaringErrors(story, data(emoji.repeat(6)), 'nl').map((error) => error.code), ['too-long']);
    assert.deepEqual(ervaringErrors(story, data(` ${emoji} `), 'nl').map((error) => error.code), ['too-short']);
  });

  it('open answers and "anders, namelijk" text are held to the question\'s maxLength in characters', () => {
    const definition: PeilingDefinition = {
      ...poll,
      questions: [
        { ...poll.questions[0]!, maxLength: 4 },
        { id: 'open', type: 'open', label: 'Open', maxLength: 4 },
      ],
    };
    assert.deepEqual(peilingErrors(definition, { kies: { value: ['a', 'other'], other: emoji.repeat(4) }, open: emoji.repeat(4) }, 'nl'), []);
    const errors = peilingErrors(definition, { kies: { value: 'other', other: emoji.repeat(5) }, open: emoji.repeat(5) }, 'nl');
    assert.deepEqual(errors.map((error) => [error.field, error.code]), [['answers.kies', 'too-long'], ['answers.open', 'too-long']]);
  });
});

describe('the demo content rolls forward', () => {
  const demo = () => loadContent(fileURLToPath(new URL('../../content/demo/', import.meta.url)), loadSchemas());
  const sessions = (content: ReturnType<typeof demo>) =>
    [...content.forms.values()].flatMap((form) => (form.type === 'meedenksessie' ? (form as unknown as MeedenksessieDefinition).sessions : []));

  it('stays as written while its first session is more than two weeks ahead', () => {
    const content = demo();
    const before = JSON.stringify(sessions(content));
    assert.equal(rollDemoDates(content, new Date('2026-11-24T12:00:00Z')), 0);
    assert.equal(JSON.stringify(sessions(content)), before);
  });

  it('moves every date by the same whole years once they pass, keeping day, time and offset', () => {
    const content = demo();
    const original = sessions(content).map((session) => session.start);
    const years = rollDemoDates(content, new Date('2029-06-01T12:00:00Z'));
    assert.ok(years >= 2);
    const moved = sessions(content).map((session) => session.start);
    moved.forEach((start, index) => {
      assert.equal(start.slice(4), original[index]!.slice(4), 'same day, time and offset');
      assert.equal(Number(start.slice(0, 4)) - Number(original[index]!.slice(0, 4)), years);
    });
    assert.ok(Math.min(...moved.map(Date.parse)) > Date.parse('2029-06-15T00:00:00Z'), 'the first session two weeks ahead');
    for (const form of content.forms.values()) {
      if (form.type === 'peiling' && typeof form.closesAt === 'string') assert.ok(Date.parse(form.closesAt) > Date.parse('2029-06-01'));
    }
  });
});
