// The JSON Schemas are the one truth for widgets and server: they must compile, accept every
// fixture and demo definition, and refuse the broken ones.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = new URL('../../', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

function compileAll() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const file of readdirSync(new URL('schemas/', root))) {
    if (file.endsWith('.schema.json')) ajv.addSchema(read(`schemas/${file}`));
  }
  return ajv;
}

const ajv = compileAll();
const schemaFor = { peiling: 'peiling.definition.schema.json', meedenksessie: 'meedenksessie.definition.schema.json', ervaring: 'ervaring.definition.schema.json' };

describe('JSON Schemas', () => {
  it('all compile', () => {
    for (const id of [...Object.values(schemaFor), 'networks.schema.json', 'submission.schema.json', 'answer.schema.json']) {
      assert.ok(ajv.getSchema(id), id);
    }
  });

  it('accept every test fixture definition, and refuse the ones named malformed', () => {
    for (const file of readdirSync(new URL('test/fixtures/', root)).filter((f) => f.endsWith('.json'))) {
      const definition = read(`test/fixtures/${file}`);
      const schema = schemaFor[definition.type] ?? (definition.networks ? 'networks.schema.json' : undefined);
      if (!schema) continue; // boundaries (GeoJSON / TopoJSON) have no schema of ours
      const validate = ajv.getSchema(schema);
      if (file.includes('malformed')) assert.equal(validate(definition), false, `${file} should not pass ${schema}`);
      else assert.ok(validate(definition), `${file}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('accept the demo content', () => {
    const dir = 'server/content/demo/';
    for (const file of readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.json'))) {
      const definition = read(dir + file);
      const schema = schemaFor[definition.type] ?? (definition.networks ? 'networks.schema.json' : undefined);
      if (!schema) continue;
      const validate = ajv.getSchema(schema);
      assert.ok(validate(definition), `${file}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('refuse a poll whose choice question has no options, and an unknown question type', () => {
    const validate = ajv.getSchema(schemaFor.peiling);
    const poll = read('test/fixtures/peiling-short.json');
    const noOptions = structuredClone(poll);
    delete noOptions.questions[0].options;
    assert.equal(validate(noOptions), false);
    const slider = structuredClone(poll);
    slider.questions[1].type = 'slider';
    assert.equal(validate(slider), false);
  });

  it('accept a poll submission as the widget builds it, and refuse a wrong Idempotency id', () => {
    const validate = ajv.getSchema('submission.schema.json');
    const submission = {
      type: 'peiling',
      formId: 'vervoer-2027',
      submissionId: '0b6f5c9e-3d1a-4c2b-9e8f-1a2b3c4d5e6f',
      submittedAt: '2026-11-24T10:00:00.000Z',
      lang: 'nl',
      data: { answers: { tevreden: { value: 'other', other: 'Wisselend' }, thema: { value: ['vervoer', 'other'], other: 'Pesten' }, cijfer: 4 }, voterToken: '0b6f5c9e-3d1a-4c2b-9e8f-1a2b3c4d5e6f' },
      meta: {},
    };
    assert.ok(validate(submission), ajv.errorsText(validate.errors));
    assert.equal(validate({ ...submission, submissionId: 'not-a-uuid' }), false);
    assert.equal(validate({ ...submission, data: { answers: {}, extra: 1 } }), false);
  });

  it('refuse a sign-up without consent and a story without a theme', () => {
    const validate = ajv.getSchema('submission.schema.json');
    const envelope = { formId: 'x', submissionId: '0b6f5c9e-3d1a-4c2b-9e8f-1a2b3c4d5e6f', submittedAt: '2026-11-24T10:00:00Z', lang: 'nl', meta: {} };
    assert.equal(validate({ ...envelope, type: 'meedenksessie', data: { sessionIds: ['a'], name: 'A', email: 'a@example.org', consent: false } }), false);
    assert.ok(validate({ ...envelope, type: 'meedenksessie', data: { sessionIds: ['a'], name: 'A', email: 'a@example.org', consent: true } }));
    assert.equal(validate({ ...envelope, type: 'ervaring', data: { story: 'Het ging goed.', themes: [], anonymous: true, consent: 'internal' } }), false);
  });
});
