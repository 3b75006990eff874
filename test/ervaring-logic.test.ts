import { expect } from '@open-wc/testing';
import { DefinitionError } from '../src/core/definition.js';
import type { ErvaringDefinition } from '../src/core/schema-types.js';
import { DraftController } from '../src/ervaring/draft.js';
import {
  defaultConsentValues,
  defaultMaxLength,
  draftStorageKind,
  emptyAnswers,
  type ErvaringAnswers,
  fieldOfServerError,
  isEmpty,
  parseErvaringDefinition,
  readDraft,
  storyLimits,
  toErvaringData,
  validateErvaring,
} from '../src/ervaring/ervaring.js';

const raw = {
  type: 'ervaring',
  id: 'ervaring-2026',
  title: 'Deel je ervaring',
  themes: [
    { value: 'onderwijs', label: 'Onderwijs' },
    { value: 'jeugdhulp', label: { nl: 'Jeugdhulp', en: 'Youth care' } },
  ],
  regions: [{ value: 'utrecht', label: 'Utrecht' }],
  levels: [{ value: 'child', label: 'Rond mijn kind' }],
  minLength: 10,
  maxLength: 100,
};

const definition = parseErvaringDefinition(raw);

function answers(change: Partial<ErvaringAnswers> = {}): ErvaringAnswers {
  return { ...emptyAnswers(), story: 'Een verhaal van genoeg tekens.', themes: ['onderwijs'], consent: 'internal', ...change };
}

function problemAt(value: unknown): string {
  try {
    parseErvaringDefinition(value);
  } catch (error) {
    expect(error).to.be.instanceOf(DefinitionError);
    return (error as DefinitionError).message;
  }
  throw new Error('expected the definition to be refused');
}

describe('ervaring logic', () => {
  describe('parseErvaringDefinition', () => {
    it('accepts a full definition and keeps its fields', () => {
      const full = parseErvaringDefinition({
        ...raw,
        intro: 'Welkom',
        prompts: ['Wat ging goed?', { nl: 'Wat kan beter?', en: 'What could be better?' }],
        consentOptions: [{ value: 'intern', label: 'Intern' }],
        retentionDays: 365,
        draftStorage: 'local',
      });
      expect(full.prompts).to.have.length(2);
      expect(full.retentionDays).to.equal(365);
      expect(full.draftStorage).to.equal('local');
      expect(full.consentOptions).to.deep.equal([{ value: 'intern', label: 'Intern' }]);
    });

    it('accepts a minimal definition', () => {
      const minimal = parseErvaringDefinition({ type: 'ervaring', id: 'a', title: 'T', themes: [{ value: 'x', label: 'X' }] });
      expect(minimal.regions).to.equal(undefined);
      expect(minimal.consentOptions).to.equal(undefined);
      expect(minimal.prompts).to.deep.equal([]);
    });

    it('names the field that is wrong', () => {
      expect(problemAt({ ...raw, type: 'peiling' })).to.contain('type');
      expect(problemAt({ ...raw, themes: [] })).to.contain('themes');
      expect(problemAt({ ...raw, themes: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] })).to.contain('themes[1].value');
      expect(problemAt({ ...raw, maxLength: 5, minLength: 10 })).to.contain('maxLength');
      expect(problemAt({ ...raw, maxLength: 30000 })).to.contain('maxLength');
      expect(problemAt({ ...raw, minLength: 1.5 })).to.contain('minLength');
      expect(problemAt({ ...raw, retentionDays: 0 })).to.contain('retentionDays');
      expect(problemAt({ ...raw, draftStorage: 'cookie' })).to.contain('draftStorage');
      expect(problemAt({ ...raw, prompts: ['ok', 3] })).to.contain('prompts[1]');
      expect(problemAt({ ...raw, consentOptions: [] })).to.contain('consentOptions');
      expect(problemAt({ ...raw, id: 'has space' })).to.contain('id');
    });
  });

  describe('storage and limits', () => {
    it('keeps drafts in sessionStorage by default, as the definition says, or nowhere', () => {
      expect(draftStorageKind(definition, true)).to.equal('session');
      expect(draftStorageKind({ ...definition, draftStorage: 'local' }, true)).to.equal('local');
      expect(draftStorageKind({ ...definition, draftStorage: 'none' }, true)).to.equal(undefined);
      expect(draftStorageKind({ ...definition, draftStorage: 'local' }, false)).to.equal(undefined);
    });

    it('uses the definition limits, with a default maximum', () => {
      expect(storyLimits(definition)).to.deep.equal({ min: 10, max: 100 });
      const plain: ErvaringDefinition = { ...definition, minLength: undefined, maxLength: undefined };
      expect(storyLimits(plain)).to.deep.equal({ min: 0, max: defaultMaxLength });
    });
  });

  describe('validateErvaring', () => {
    it('passes complete answers', () => {
      expect(validateErvaring(answers(), definition)).to.deep.equal({});
    });

    it('asks for a story of the right length', () => {
      expect(validateErvaring(answers({ story: '   ' }), definition).story).to.equal('story-required');
      expect(validateErvaring(answers({ story: 'kort' }), definition).story).to.equal('story-too-short');
      expect(validateErvaring(answers({ story: 'x'.repeat(101) }), definition).story).to.equal('story-too-long');
      expect(validateErvaring(answers({ story: `  ${'x'.repeat(100)}  ` }), definition).story).to.equal(undefined);
      expect(validateErvaring(answers({ story: '😀'.repeat(100) }), definition).story, 'an emoji is one character').to.equal(undefined);
    });

    it('asks for a theme and a consent choice', () => {
      const problems = validateErvaring(answers({ themes: [], consent: '' }), definition);
      expect(problems).to.deep.equal({ themes: 'themes-required', consent: 'consent-required' });
    });

    it('asks for a valid e-mail only when the parent wants to be contacted', () => {
      expect(validateErvaring(answers({ email: 'nonsense' }), definition).email).to.equal(undefined);
      expect(validateErvaring(answers({ contactMe: true }), definition).email).to.equal('email-required');
      expect(validateErvaring(answers({ contactMe: true, email: 'ouder@' }), definition).email).to.equal('email-invalid');
      expect(validateErvaring(answers({ contactMe: true, email: 'ouder@example.nl' }), definition)).to.deep.equal({});
    });

    it('needs a name to publish with the first name: the problem is where the parent must change something', () => {
      expect(validateErvaring(answers({ consent: 'first-name' }), definition), 'anonymous: the contact question').to.deep.equal({
        contact: 'contact-for-consent',
      });
      const noName = answers({ consent: 'first-name', contactMe: true, email: 'f@example.nl' });
      expect(validateErvaring(noName, definition), 'contact chosen: the name field').to.deep.equal({ name: 'name-for-consent' });
      const named = answers({ consent: 'first-name', contactMe: true, name: 'Fatima', email: 'f@example.nl' });
      expect(validateErvaring(named, definition)).to.deep.equal({});
    });

    it("a definition's own consent option needs a name when it says needsName, whatever its value", () => {
      const own = {
        ...definition,
        consentOptions: [
          { value: 'intern', label: 'Intern' },
          { value: 'publish-first-name', label: 'Publiceren met voornaam', needsName: true },
          { value: 'first-name', label: 'Voornaam, maar niet gepubliceerd', needsName: false },
        ],
      };
      expect(validateErvaring(answers({ consent: 'publish-first-name' }), own).contact).to.equal('contact-for-consent');
      expect(validateErvaring(answers({ consent: 'first-name' }), own)).to.deep.equal({});
      expect(validateErvaring(answers({ consent: 'intern' }), own)).to.deep.equal({});
      expect(() => parseErvaringDefinition({ ...raw, consentOptions: [{ value: 'x', label: 'X', needsName: 'ja' }] })).to.throw(
        'consentOptions[0].needsName',
      );
    });
  });

  describe('toErvaringData', () => {
    it('is anonymous by default and leaves out what was not chosen', () => {
      expect(toErvaringData(answers({ story: '  Mijn verhaal.\n\nTweede alinea.  ', name: 'X', email: 'x@y.nl' }))).to.deep.equal({
        story: 'Mijn verhaal.\n\nTweede alinea.',
        themes: ['onderwijs'],
        anonymous: true,
        consent: 'internal',
      });
    });

    it('adds region, level and contact when given', () => {
      const data = toErvaringData(
        answers({ region: 'utrecht', level: 'child', contactMe: true, name: '  Fatima   El  ', email: ' f@example.nl ' }),
      );
      expect(data).to.deep.include({ region: 'utrecht', level: 'child', anonymous: false });
      expect(data.contact).to.deep.equal({ name: 'Fatima El', email: 'f@example.nl' });
      expect(toErvaringData(answers({ contactMe: true, email: 'a@b.nl' })).contact).to.deep.equal({ email: 'a@b.nl' });
    });
  });

  describe('drafts', () => {
    it('knows an empty form', () => {
      expect(isEmpty(emptyAnswers())).to.equal(true);
      expect(isEmpty({ ...emptyAnswers(), themes: ['onderwijs'] })).to.equal(false);
      expect(isEmpty({ ...emptyAnswers(), contactMe: true })).to.equal(false);
    });

    it('reads a stored draft defensively', () => {
      const consent = [...defaultConsentValues];
      expect(readDraft(undefined, definition, consent)).to.equal(undefined);
      expect(readDraft('text', definition, consent)).to.equal(undefined);
      expect(readDraft({}, definition, consent)).to.equal(undefined);
      expect(
        readDraft({ story: 'Hallo', themes: ['onderwijs', 'gone'], region: 'elsewhere', level: 'child', consent: 'x', email: 3 }, definition, consent),
      ).to.deep.equal({ ...emptyAnswers(), story: 'Hallo', themes: ['onderwijs'], level: 'child' });
    });

    it('saves after a pause, flushes on demand and clears', async () => {
      sessionStorage.clear();
      const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
      const draft = new DraftController<{ story: string }>(host, 20);
      draft.use('f1', 'session');
      draft.save({ story: 'a' });
      draft.save({ story: 'ab' });
      expect(sessionStorage.getItem('ouderstem:draft:f1')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(JSON.parse(sessionStorage.getItem('ouderstem:draft:f1')!)).to.deep.equal({ story: 'ab' });
      draft.save({ story: 'abc' });
      draft.flush();
      expect(draft.load()).to.deep.equal({ story: 'abc' });
      draft.clear();
      expect(sessionStorage.getItem('ouderstem:draft:f1')).to.equal(null);
      draft.use('f1', undefined);
      draft.save({ story: 'x' });
      draft.flush();
      expect(sessionStorage.length + localStorage.length).to.equal(0);
    });
  });

  describe('fieldOfServerError', () => {
    it('maps the server fields to the form', () => {
      expect(fieldOfServerError({ field: 'story', message: '' })).to.equal('story');
      expect(fieldOfServerError({ field: 'themes.0', message: '' })).to.equal('themes');
      expect(fieldOfServerError({ field: 'contact.email', message: '' })).to.equal('email');
      expect(fieldOfServerError({ field: 'contact.name', message: '' })).to.equal('name');
      expect(fieldOfServerError({ field: 'consent', message: '' })).to.equal('consent');
      expect(fieldOfServerError({ field: 'meta', message: '' })).to.equal(undefined);
      expect(fieldOfServerError({ message: '' })).to.equal(undefined);
    });
  });
});
