import type { DefinitionError } from '../core/definition.js';

/** What went wrong with one entry of a file; the rest of the file is still used. */
export interface Problem {
  /** Where, as in the file: `networks[3].gemeenten`. */
  path: string;
  problem: DefinitionError['problem'] | 'notLink' | 'notEmail' | 'notPhone' | 'unknownType' | 'notPolygon' | 'notWgs84';
  /** `entry`: the whole network (or region) was skipped; `field`: only this field was left out; `kept`: shown anyway. */
  scope: 'entry' | 'field' | 'kept';
}

/**
 * Names on the console, one line each, what in a file could not be used, in the form of the core's
 * messages (`networks[3].website: notLink`): parents see what could be used, and none of this.
 */
export function warnProblems(file: string, problems: readonly Problem[]): void {
  for (const { path, problem, scope } of problems) {
    const what = typeof problem === 'object' ? `one of ${problem.oneOf.join(', ')}` : problem;
    console.warn(`ouderstem: ${file}: ${path}: ${what}${scope === 'entry' ? ', skipped' : scope === 'field' ? ', left out' : ''}`);
  }
}
