import type { Registers } from '../../core/i18n/index.js';
import type { TerugkoppelingStrings } from '../terugkoppeling.i18n.js';

/** `<ouder-terugkoppeling>` in Dutch, plain language (B1): the reference, informal ("je"). */
const je: TerugkoppelingStrings = {
  empty: 'Er is nog geen terugkoppeling. Zodra we meer weten, lees je het hier.',
  resultsTitle: 'De uitslag',
  participants: { one: '1 ouder deed mee.', other: '{n} ouders deden mee.' },
  votes: { one: '1 stem', other: '{n} stemmen' },
  multiple: 'Ouders konden meer dan één antwoord kiezen.',
  omitted: {
    one: 'Bij 1 vraag antwoordden te weinig ouders om de uitslag te laten zien.',
    other: 'Bij {n} vragen antwoordden te weinig ouders om de uitslag te laten zien.',
  },
};

/** Formal ("u"). */
const u: TerugkoppelingStrings = { ...je, empty: 'Er is nog geen terugkoppeling. Zodra we meer weten, leest u het hier.' };

const nl: Registers<TerugkoppelingStrings> = { je, u };

export default nl;
