import { expect } from '@open-wc/testing';
import { checkEntry, emptyEntry, parsePeiling, percentages, resultsView, toAnswer } from '../src/peiling/peiling.js';
import shortDefinition from './fixtures/peiling-short.json';

const peiling = parsePeiling(shortDefinition);
const [tevreden, cijfer, tip] = peiling.questions;

describe('peiling logic', () => {
  describe('percentages', () => {
    it('give whole percentages that add up to 100 by the largest remainder', () => {
      expect(percentages([2, 1], 3), '66.7 and 33.3').to.deep.equal([67, 33]);
      expect(percentages([1, 1, 1], 3), 'equal remainders: the leftover goes to the first').to.deep.equal([34, 33, 33]);
      expect(percentages([7, 6, 7], 20)).to.deep.equal([35, 30, 35]);
      expect(percentages([1, 2, 3, 4, 5, 6], 21).reduce((sum, share) => sum + share, 0)).to.equal(100);
    });

    it('never give a leftover point to an answer nobody chose', () => {
      expect(percentages([1, 1, 1, 0], 3)).to.deep.equal([34, 33, 33, 0]);
      expect(percentages([0, 3], 3)).to.deep.equal([0, 100]);
    });

    it('give each answer at most one leftover point, also when counts do not cover the total', () => {
      // A third respondent chose something not listed: the shares stay near what they are.
      expect(percentages([1, 1], 3)).to.deep.equal([34, 34]);
    });

    it('give 0 everywhere when nobody answered', () => {
      expect(percentages([0, 0], 0)).to.deep.equal([0, 0]);
    });

    it('give multiple-choice shares per respondent, rounded, which may add up to more than 100', () => {
      expect(percentages([3, 2, 1], 4, false)).to.deep.equal([75, 50, 25]);
      expect(percentages([2, 1], 3, false), '66.7 rounds up, 33.3 down').to.deep.equal([67, 33]);
      expect(percentages([1], 8, false), '12.5 rounds half up').to.deep.equal([13]);
    });
  });

  describe('answers', () => {
    it('put the problem where it is: the choice, or the "anders" text', () => {
      expect(checkEntry(tevreden, emptyEntry())).to.equal('required');
      expect(checkEntry(tevreden, { ...emptyEntry(), selected: ['other'] })).to.equal('other-empty');
      expect(checkEntry(tevreden, { ...emptyEntry(), selected: ['other'], other: 'x'.repeat(1001) })).to.equal('other-too-long');
      expect(checkEntry(tevreden, { ...emptyEntry(), selected: ['other'], other: ' bus ' })).to.equal(undefined);
      expect(checkEntry(tip, { ...emptyEntry(), text: `  ${'x'.repeat(200)}  ` }), 'white space around it does not count').to.equal(undefined);
      expect(checkEntry(tip, { ...emptyEntry(), text: 'x'.repeat(201) })).to.equal('too-long');
    });

    it('send what the contract says', () => {
      expect(toAnswer(tevreden, { ...emptyEntry(), selected: ['other'], other: ' bus ' })).to.deep.equal({ value: 'other', other: 'bus' });
      expect(toAnswer(cijfer, { ...emptyEntry(), selected: ['4'] })).to.equal(4);
      expect(toAnswer(tip, { ...emptyEntry(), text: '   ' })).to.equal(undefined);
    });
  });

  it('show results only as the definition allows, and not below the minimum number of responses', () => {
    const tally = { total: 24, questions: {} };
    expect(resultsView(peiling, tally, { closed: false })).to.equal('show');
    expect(resultsView({ ...peiling, minResponses: 25 }, tally, { closed: false })).to.equal('too-few');
    expect(resultsView({ ...peiling, results: 'after-close' }, tally, { closed: false })).to.equal('later');
    expect(resultsView({ ...peiling, results: 'hidden' }, tally, { closed: true })).to.equal('none');
  });
});
