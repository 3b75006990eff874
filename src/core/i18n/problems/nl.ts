import type { Registers } from '../translation.js';
import type { ProblemWords } from '../problems.js';

/** A definition's problems in Dutch, for web editors. */
const words: ProblemWords = {
  missing: 'ontbreekt',
  notText: 'moet een tekst zijn',
  notList: 'moet een lijst zijn',
  notObject: 'moet een object zijn',
  notNumber: 'moet een getal zijn',
  notBoolean: 'moet true of false zijn',
  notDate: 'moet een datum en tijd zijn',
  oneOf: (choices) => `moet een van deze zijn: ${choices}`,
  duplicate: 'komt twee keer voor',
  notJson: 'is geen geldige JSON',
  unreadable: 'kan niet worden gelezen',
};

const nl: Registers<ProblemWords> = { je: words, u: words };

export default nl;
