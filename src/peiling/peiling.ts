import * as read from '../core/definition.js';
import type { LocalizedText, Option, PeilingTally } from '../core/schema-types.js';
import { characterLength } from '../core/validators.js';

/** The value of the "anders, namelijk …" choice when a question has `other: true`. */
export const otherValue = 'other';

export type QuestionType = 'single' | 'multiple' | 'scale' | 'open';
export type ResultsPolicy = 'after-vote' | 'after-close' | 'hidden';

export interface Question {
  id: string;
  type: QuestionType;
  label: LocalizedText;
  hint?: LocalizedText;
  options: Option[];
  other: boolean;
  required: boolean;
  min: number;
  max: number;
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
  maxLength: number;
}

/** A poll definition with every default filled in. */
export interface Peiling {
  type: 'peiling';
  id: string;
  title: LocalizedText;
  intro?: LocalizedText;
  questions: Question[];
  results: ResultsPolicy;
  closesAt?: string;
  integrity: 'open' | 'code';
  minResponses: number;
  tally?: PeilingTally;
  /** Set by the server: it sends e-mail. */
  sendsMail?: boolean;
  /** Offer "Ik wil horen wat er met de uitkomst gebeurt". */
  outcomeOptIn?: boolean;
}

export const defaultMinResponses = 10;
export const defaultMaxLength = 1000;
/** Up to this many questions fit on one screen; more are asked one at a time. */
export const onePageLimit = 3;

/** Checks a poll definition against schemas/peiling.definition.schema.json and fills in defaults. */
export function parsePeiling(raw: unknown): Peiling {
  const [head, fields] = read.readFormHead(raw, 'peiling');
  return {
    ...head,
    questions: read.readItems(fields.questions, 'questions', parseQuestion),
    results: read.readChoice(fields.results, 'results', ['after-vote', 'after-close', 'hidden'] as const),
    closesAt: read.readOptionalDate(fields.closesAt, 'closesAt'),
    integrity: read.readChoice(fields.integrity, 'integrity', ['open', 'code'] as const),
    minResponses: read.readOptionalNumber(fields.minResponses, 'minResponses') ?? defaultMinResponses,
    tally: fields.tally === undefined ? undefined : parseTally(fields.tally, 'tally'),
  };
}

function parseQuestion(raw: unknown, path: string): Question {
  const fields = read.readObject(raw, path);
  const type = read.readChoice(fields.type, `${path}.type`, ['single', 'multiple', 'scale', 'open'] as const);
  const hasOptions = type === 'single' || type === 'multiple';
  const other = (read.readOptionalBoolean(fields.other, `${path}.other`) ?? false) && hasOptions;
  const options = hasOptions ? read.readOptions(fields.options, `${path}.options`, { nonEmpty: true }) : [];
  if (other && options.some((option) => option.value === otherValue)) {
    const index = options.findIndex((option) => option.value === otherValue);
    throw new read.DefinitionError(`${path}.options[${index}].value`, 'duplicate');
  }
  const min = read.readOptionalNumber(fields.min, `${path}.min`) ?? 1;
  const max = read.readOptionalNumber(fields.max, `${path}.max`) ?? 5;
  if (type === 'scale' && (max <= min || max - min > 10)) throw new read.DefinitionError(`${path}.max`, 'notNumber');
  return {
    id: read.readId(fields.id, `${path}.id`),
    type,
    label: read.readText(fields.label, `${path}.label`),
    hint: read.readOptionalText(fields.hint, `${path}.hint`),
    options,
    other,
    required: read.readOptionalBoolean(fields.required, `${path}.required`) ?? false,
    min,
    max,
    minLabel: read.readOptionalText(fields.minLabel, `${path}.minLabel`),
    maxLabel: read.readOptionalText(fields.maxLabel, `${path}.maxLabel`),
    maxLength: read.readOptionalNumber(fields.maxLength, `${path}.maxLength`) ?? defaultMaxLength,
  };
}

/** Checks a tally (from the definition or a POST answer). */
export function parseTally(raw: unknown, path = 'tally'): PeilingTally {
  const fields = read.readObject(raw, path);
  const questions = read.readObject(fields.questions, `${path}.questions`);
  const parsed: PeilingTally['questions'] = {};
  for (const [id, value] of Object.entries(questions)) {
    const question = read.readObject(value, `${path}.questions.${id}`);
    const counts = read.readObject(question.counts, `${path}.questions.${id}.counts`);
    parsed[id] = {
      total: read.readNumber(question.total, `${path}.questions.${id}.total`),
      counts: Object.fromEntries(
        Object.entries(counts).map(([key, count]) => [key, read.readNumber(count, `${path}.questions.${id}.counts.${key}`)]),
      ),
    };
  }
  return { total: read.readNumber(fields.total, `${path}.total`), questions: parsed };
}

/** What a parent has entered for one question, as the form keeps it. */
export interface Entry {
  selected: string[];
  other: string;
  text: string;
}

export const emptyEntry = (): Entry => ({ selected: [], other: '', text: '' });

export type AnswerValue = string | string[] | number | { value: string | string[]; other: string };

/** `other-…`: the problem is in the "anders" text, which must change, not in the choice. */
export type AnswerProblem = 'required' | 'too-long' | 'other-empty' | 'other-too-long';

/** Why an entry cannot be sent, or undefined when it can. */
export function checkEntry(question: Question, entry: Entry): AnswerProblem | undefined {
  if (question.type === 'open') {
    if (characterLength(entry.text) > question.maxLength) return 'too-long';
    return question.required && entry.text.trim() === '' ? 'required' : undefined;
  }
  if (question.required && entry.selected.length === 0) return 'required';
  if (entry.selected.includes(otherValue)) {
    if (entry.other.trim() === '') return 'other-empty';
    if (characterLength(entry.other) > question.maxLength) return 'other-too-long';
  }
  return undefined;
}

/** The answer as the CONTRACT sends it; undefined for a question left open. */
export function toAnswer(question: Question, entry: Entry): AnswerValue | undefined {
  switch (question.type) {
    case 'open':
      return entry.text.trim() || undefined;
    case 'scale':
      return entry.selected.length > 0 ? Number(entry.selected[0]) : undefined;
    case 'single':
    case 'multiple': {
      if (entry.selected.length === 0) return undefined;
      const value = question.type === 'single' ? entry.selected[0] : entry.selected;
      return entry.selected.includes(otherValue) ? { value, other: entry.other.trim() } : value;
    }
  }
}

/** The values a scale question offers, from min to max. */
export function scaleValues(question: Question): number[] {
  return Array.from({ length: question.max - question.min + 1 }, (_, index) => question.min + index);
}

export function isClosed(peiling: Peiling, now = Date.now()): boolean {
  return peiling.closesAt !== undefined && Date.parse(peiling.closesAt) <= now;
}

/**
 * What to show of the results: `show` the counts, `too-few` a "results follow later" note
 * (too few responses: counts could identify people), `later` (after-close, still open), or
 * `none` (hidden, or nothing to show).
 */
export function resultsView(
  peiling: Peiling,
  tally: PeilingTally | undefined,
  { closed }: { closed: boolean },
): 'show' | 'too-few' | 'later' | 'none' {
  if (peiling.results === 'hidden') return 'none';
  if (peiling.results === 'after-close' && !closed) return 'later';
  if (!tally) return 'none';
  return tally.total < peiling.minResponses ? 'too-few' : 'show';
}

/**
 * Whole percentages that add up to 100 (largest remainder), so a chart never says 101 %.
 * Multiple-choice shares are per respondent and may add up to more; pass `sumTo100: false`.
 */
export function percentages(counts: readonly number[], total: number, sumTo100 = true): number[] {
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count / total) * 100);
  const rounded = exact.map(Math.floor);
  if (!sumTo100) return exact.map(Math.round);
  let missing = 100 - rounded.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest);
  for (const { index } of order) {
    if (missing <= 0) break;
    if (counts[index] === 0) continue;
    rounded[index]++;
    missing--;
  }
  return rounded;
}
