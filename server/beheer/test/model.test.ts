import { expect } from '@open-wc/testing';
import { amsterdamToIso, isoToAmsterdam } from '../src/model/dates.js';
import { blankDefinition, languagesOf, missingTranslations, stored, withoutLanguage, type PeilingDefinition } from '../src/model/forms.js';
import { fieldId, getIn, moveIn, setIn } from '../src/model/pointer.js';
import { slug, storedText, unique } from '../src/model/text.js';
import { check, fromServer } from '../src/model/validation.js';

const poll = (): PeilingDefinition => ({
  type: 'peiling',
  id: 'vervoer-2027',
  title: { nl: 'Hoe gaat het vervoer?', en: 'How is transport?' },
  questions: [
    {
      id: 'v1',
      type: 'single',
      label: { nl: 'Komt de bus op tijd?', en: '' },
      required: true,
      options: [
        { value: 'ja', label: { nl: 'Ja', en: 'Yes' } },
        { value: 'nee', label: { nl: 'Nee' } },
      ],
    },
    { id: 'v2', type: 'scale', label: 'Hoe tevreden ben je?', min: 1, max: 5 },
  ],
  results: 'after-vote',
  integrity: 'open',
});

describe('console model', () => {
  describe('JSON Pointers', () => {
    it('reads, sets (sharing untouched branches), removes and moves', () => {
      const definition = poll();
      expect(getIn(definition, '/questions/0/options/1/value')).to.equal('nee');
      const changed = setIn(definition, '/questions/1/label', 'Anders');
      expect(getIn(changed, '/questions/1/label')).to.equal('Anders');
      expect(changed.questions[0]).to.equal(definition.questions[0]);
      expect(definition.questions[1].label).to.equal('Hoe tevreden ben je?');
      expect(setIn(definition, '/questions/0', undefined).questions.map((q) => q.id)).to.deep.equal(['v2']);
      expect(moveIn(definition, '/questions', 1, 0).questions.map((q) => q.id)).to.deep.equal(['v2', 'v1']);
      expect(moveIn(definition, '/questions', 1, 2)).to.equal(definition);
      expect(fieldId('/questions/0/options/1/label')).to.equal('f-questions-0-options-1-label');
    });
  });

  describe('texts', () => {
    it('stores a text without empty languages, Dutch-only as a plain string', () => {
      expect(storedText({ nl: ' Ja ', en: '' })).to.equal('Ja');
      expect(storedText({ nl: 'Ja', en: 'Yes ' })).to.deep.equal({ nl: 'Ja', en: 'Yes' });
      expect(storedText({ nl: '', en: '' })).to.equal(undefined);
      expect(storedText({ en: 'Yes' })).to.deep.equal({ en: 'Yes' });
    });

    it('makes values from labels', () => {
      expect(slug('Één keer per week, of vaker!')).to.equal('een-keer-per-week-of-vaker');
      expect(unique('ja', ['ja', 'ja-2'])).to.equal('ja-3');
    });

    it('drops empty optional texts, keeps an empty required one for the checks', () => {
      const definition = setIn(poll(), '/intro', { nl: '', en: '' });
      const saved = stored('peiling', setIn(definition, '/questions/1/label', { nl: '' }));
      expect('intro' in saved).to.be.false;
      expect(saved.questions[1].label).to.equal('');
      expect(saved.questions[0].label).to.equal('Komt de bus op tijd?');
      expect(saved.title).to.deep.equal({ nl: 'Hoe gaat het vervoer?', en: 'How is transport?' });
    });

    it('knows the languages of a form and what is not translated yet', () => {
      const definition = poll();
      expect(languagesOf('peiling', definition)).to.deep.equal(['nl', 'en']);
      const missing = missingTranslations('peiling', definition, ['nl', 'en']).get('en')!;
      expect(missing.map((slot) => slot.label)).to.deep.equal(['Vraag 1: de vraag', 'Vraag 1: antwoord 2', 'Vraag 2: de vraag']);
      const dutchOnly = withoutLanguage('peiling', definition, 'en');
      expect(languagesOf('peiling', dutchOnly)).to.deep.equal(['nl']);
    });
  });

  describe('dates in Europe/Amsterdam', () => {
    it('turns a date and time on the Dutch clock into ISO 8601 with the offset of that day', () => {
      expect(amsterdamToIso('2027-01-15', '19:30')).to.equal('2027-01-15T19:30:00+01:00');
      expect(amsterdamToIso('2027-07-01', '09:00')).to.equal('2027-07-01T09:00:00+02:00');
      // The last Sunday of March 2027: 02:00 → 03:00.
      expect(amsterdamToIso('2027-03-28', '01:59')).to.equal('2027-03-28T01:59:00+01:00');
      expect(amsterdamToIso('2027-03-28', '02:30')).to.equal('2027-03-28T03:30:00+02:00');
      expect(amsterdamToIso('2027-10-31', '12:00')).to.equal('2027-10-31T12:00:00+01:00');
      expect(amsterdamToIso('2027-02-30', '12:00')).to.equal(undefined);
      expect(amsterdamToIso('2027-02-03', '')).to.equal(undefined);
    });

    it('reads a stored moment back as the Dutch date and time, whatever offset it was written with', () => {
      expect(isoToAmsterdam('2027-07-01T07:00:00Z')).to.deep.equal({ date: '2027-07-01', time: '09:00' });
      expect(isoToAmsterdam('2027-01-15T19:30:00+01:00')).to.deep.equal({ date: '2027-01-15', time: '19:30' });
      expect(isoToAmsterdam(undefined)).to.deep.equal({ date: '', time: '' });
    });
  });

  describe('checks, in plain Dutch at the field', () => {
    it('passes a good poll', () => {
      expect(check('peiling', stored('peiling', poll()))).to.deep.equal([]);
    });

    it('finds an empty question, a duplicate option value and a closing date in the past', () => {
      let definition = setIn(poll(), '/questions/1/label', '');
      definition = setIn(definition, '/questions/0/options/1/value', 'ja');
      definition = setIn(definition, '/closesAt', '2020-01-01T12:00:00+01:00');
      const problems = check('peiling', stored('peiling', definition));
      expect(problems).to.deep.include({ pointer: '/questions/1/label', message: 'Vul de vraag in.', lang: 'nl' });
      expect(problems).to.deep.include({ pointer: '/questions/0/options/1/value', message: 'Twee antwoorden hebben de waarde "ja". Geef elk een eigen waarde.' });
      expect(problems.find((problem) => problem.pointer === '/closesAt')?.message).to.contain('in het verleden');
      for (const problem of problems) expect(problem.message).not.to.match(/\/questions|must |instancePath/);
    });

    it('lets a past closing date stand that was already saved (a closed poll is edited)', () => {
      const definition = setIn(poll(), '/closesAt', '2020-01-01T12:00:00+01:00');
      expect(check('peiling', stored('peiling', definition), { saved: stored('peiling', definition) })).to.deep.equal([]);
    });

    it('says what the schema says in Dutch: no questions, a wrong e-mail, a wrong number', () => {
      const empty = check('peiling', { ...stored('peiling', poll()), questions: [] });
      expect(empty).to.deep.include({ pointer: '/questions', message: 'Voeg minstens één vraag toe.' });
      const networks = check('netwerkkaart', {
        networks: [{ id: 'a', name: 'A', type: 'x', gemeenten: [], email: 'geen-adres', location: { lat: 200, lon: 4 } }],
      });
      expect(networks).to.deep.include({ pointer: '/networks/0/email', message: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' });
      expect(networks).to.deep.include({ pointer: '/networks/0/location/lat', message: 'Vul een getal van 90 of minder in.' });
    });

    it('wants every question of a new form filled in, and Dutch for a text that has another language', () => {
      const blank = check('peiling', stored('peiling', blankDefinition('peiling', 'x')));
      expect(blank.map((problem) => problem.pointer)).to.deep.equal([
        '/title',
        '/questions/0/label',
        '/questions/0/options/0/label',
        '/questions/0/options/1/label',
      ]);
      const englishOnly = check('peiling', stored('peiling', setIn(poll(), '/intro', { en: 'Hello' })));
      expect(englishOnly).to.deep.equal([{ pointer: '/intro', message: 'Vul ook de Nederlandse tekst in: die lezen ouders als hun eigen taal ontbreekt.', lang: 'nl' }]);
    });

    it('checks sessions: end after start, deadline before the start', () => {
      const series = stored('meedenksessie', {
        type: 'meedenksessie',
        id: 's',
        title: 'Meedenken',
        sessions: [
          { id: 's1', title: 'Avond', start: '2099-03-01T19:00:00+01:00', end: '2099-03-01T18:00:00+01:00', online: true, deadline: '2099-03-02T12:00:00+01:00' },
        ],
      });
      expect(check('meedenksessie', series).map((problem) => problem.pointer)).to.deep.equal(['/sessions/0/end', '/sessions/0/deadline']);
    });

    it('maps a server error with a JSON Pointer to its field, and into a language to its tab', () => {
      expect(fromServer('peiling', poll(), { field: '/questions/0/label/en', message: 'Te lang.' })).to.deep.equal({
        pointer: '/questions/0/label',
        message: 'Te lang.',
        lang: 'en',
        fromServer: true,
      });
      expect(fromServer('peiling', poll(), { message: 'Er ging iets mis.' })).to.deep.equal({ pointer: '', message: 'Er ging iets mis.', lang: undefined, fromServer: true });
    });
  });
});
