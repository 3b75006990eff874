import type { TerugkoppelingStrings } from '../terugkoppeling.i18n.js';

/** Draft, not yet checked by a native speaker (docs/translating.md). */
const pl: TerugkoppelingStrings = {
  empty: 'Nie ma jeszcze informacji zwrotnej. Gdy będziemy wiedzieć więcej, przeczytasz ją tutaj.',
  resultsTitle: 'Wyniki',
  participants: { one: 'Wziął udział 1 rodzic.', few: 'Wzięło udział {n} rodziców.', many: 'Wzięło udział {n} rodziców.', other: 'Wzięło udział {n} rodziców.' },
  votes: { one: '1 głos', few: '{n} głosy', many: '{n} głosów', other: '{n} głosu' },
  multiple: 'Rodzice mogli wybrać więcej niż jedną odpowiedź.',
  omitted: {
    one: 'Na 1 pytanie odpowiedziało za mało rodziców, więc nie pokazujemy wyniku.',
    few: 'Na {n} pytania odpowiedziało za mało rodziców, więc nie pokazujemy wyników.',
    many: 'Na {n} pytań odpowiedziało za mało rodziców, więc nie pokazujemy wyników.',
    other: 'Na {n} pytania odpowiedziało za mało rodziców, więc nie pokazujemy wyników.',
  },
};

export default pl;
