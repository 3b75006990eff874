import { defineStrings, type Plural } from '../core/i18n/index.js';
import nl from './i18n/nl.js';

/** The words of `<ouder-terugkoppeling>`. The Dutch file is the reference; `{n}` marks a number filled in. */
export interface TerugkoppelingStrings {
  empty: string;
  resultsTitle: string;
  participants: Plural;
  votes: Plural;
  /** Under a question where parents could choose more than one answer: the shares add up to more than 100 %. */
  multiple: string;
  omitted: Plural;
}

export const terugkoppelingStrings = defineStrings<TerugkoppelingStrings>(nl, (language) => import(`./i18n/${language}.ts`));
