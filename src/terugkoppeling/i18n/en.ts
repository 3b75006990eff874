import type { TerugkoppelingStrings } from '../terugkoppeling.i18n.js';

const en: TerugkoppelingStrings = {
  empty: 'There is no feedback yet. As soon as we know more, you can read it here.',
  resultsTitle: 'The results',
  participants: { one: '1 parent took part.', other: '{n} parents took part.' },
  votes: { one: '1 vote', other: '{n} votes' },
  multiple: 'Parents could choose more than one answer.',
  omitted: {
    one: 'Too few parents answered 1 question to show its results.',
    other: 'Too few parents answered {n} questions to show their results.',
  },
};

export default en;
