import type { DefinitionProblem } from '../definition.js';
import { defineStrings } from './index.js';

/**
 * A definition's problems in words, for a widget that names what in a data file it could not use
 * (the network map's list of skipped entries). A form widget says none of this to a parent: its
 * definition's problems go to the console.
 */
export type ProblemWords = Record<Exclude<DefinitionProblem, object>, string> & { oneOf: (choices: string) => string };

const nl: ProblemWords = {
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

const en: ProblemWords = {
  missing: 'is missing',
  notText: 'must be text',
  notList: 'must be a list',
  notObject: 'must be an object',
  notNumber: 'must be a number',
  notBoolean: 'must be true or false',
  notDate: 'must be a date and time',
  oneOf: (choices) => `must be one of: ${choices}`,
  duplicate: 'appears twice',
  notJson: 'is not valid JSON',
  unreadable: 'cannot be read',
};

const ar: ProblemWords = {
  missing: 'مفقود',
  notText: 'يجب أن يكون نصًا',
  notList: 'يجب أن يكون قائمة',
  notObject: 'يجب أن يكون كائنًا',
  notNumber: 'يجب أن يكون رقمًا',
  notBoolean: 'يجب أن يكون true أو false',
  notDate: 'يجب أن يكون تاريخًا ووقتًا',
  oneOf: (choices) => `يجب أن يكون أحد: ${choices}`,
  duplicate: 'مكرر',
  notJson: 'ليس JSON صالحًا',
  unreadable: 'لا يمكن قراءته',
};

export const problemWords = defineStrings<ProblemWords>({ nl: { je: nl, u: nl }, en, ar });
