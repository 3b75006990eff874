import type { DefinitionProblem } from '../definition.js';
import { defineStrings } from './index.js';
import nl from './problems/nl.js';

/**
 * A definition's problems in words, for a widget that names what in a data file it could not use
 * (the network map's list of skipped entries). A form widget says none of this to a parent: its
 * definition's problems go to the console.
 */
export type ProblemWords = Record<Exclude<DefinitionProblem, object>, string> & { oneOf: (choices: string) => string };

export const problemWords = defineStrings<ProblemWords>(nl, (language) => import(`./problems/${language}.ts`));
