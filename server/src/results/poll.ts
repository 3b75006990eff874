/** A poll's results for its coordinator: counts per question, responses over time, open answers. */
import type { Queryable } from '../db.js';
import type { PeilingDefinition } from '../content.js';
import type { Tally } from '../store.js';
import { countedValues, type PeilingAnswer } from '../validate.js';
import { dayKey, filterSql, nextDay, searchable, type ResultFilter } from './common.js';

type Question = PeilingDefinition['questions'][number];

export interface VoteRow {
  submission_id: string;
  created_at: Date;
  lang: string | null;
  answers: Record<string, PeilingAnswer>;
}

/** The stored votes of a poll, oldest first, narrowed by the filter. */
export async function readVotes(db: Queryable, formId: string, filter: ResultFilter = {}): Promise<VoteRow[]> {
  const where = filterSql(filter, 2);
  const { rows } = await db.query<VoteRow>(
    `SELECT submission_id, created_at, lang, answers FROM votes WHERE form_id = $1${where.sql} ORDER BY created_at, submission_id`,
    [formId, ...where.params],
  );
  return rows;
}

/** Every value a closed question can be counted under, in the order the poll shows them. */
export function valuesOf(question: Question): string[] {
  if (question.type === 'scale') {
    const values: string[] = [];
    for (let value = question.min ?? 1; value <= (question.max ?? 5); value++) values.push(String(value));
    return values;
  }
  const values = (question.options ?? []).map((option) => option.value);
  if (question.other) values.push('other');
  return values;
}

/** Counts the votes by the same rule as the running tally (every value present, also at 0; open questions not counted). */
export function tallyOfVotes(definition: PeilingDefinition, votes: readonly VoteRow[]): Tally {
  const questions: Tally['questions'] = {};
  for (const question of definition.questions) {
    if (question.type === 'open') continue;
    questions[question.id] = { counts: Object.fromEntries(valuesOf(question).map((value) => [value, 0])), total: 0 };
  }
  for (const vote of votes) {
    for (const question of definition.questions) {
      const result = questions[question.id];
      const answer = vote.answers[question.id];
      if (!result || answer === undefined) continue;
      const values = countedValues(question, answer);
      if (values.length === 0) continue;
      result.total++;
      for (const value of values) result.counts[value] = (result.counts[value] ?? 0) + 1;
    }
  }
  return { total: votes.length, questions };
}

/** The questions a tally may not publish: answered by fewer than `minResponses` (default 10). */
export function tooFewOf(definition: PeilingDefinition, tally: Tally): string[] {
  const minimum = definition.minResponses ?? 10;
  return Object.entries(tally.questions)
    .filter(([, result]) => tally.total < minimum || result.total < minimum)
    .map(([id]) => id);
}

export interface PollResults {
  total: number;
  tally: Tally;
  minResponses: number;
  /** Closed questions below `minResponses`: "te weinig antwoorden om te publiceren". */
  tooFew: string[];
  /** Responses per Amsterdam day, from the first to the last, days without any included. */
  timeline: { day: string; n: number }[];
  /** Responses per language (`onbekend`: from before the language was kept). */
  languages: { lang: string | null; n: number }[];
  /** Open answers and "anders" texts in the selection. */
  openAnswers: number;
  filter: ResultFilter;
}

export function timelineOf(votes: readonly VoteRow[]): { day: string; n: number }[] {
  if (votes.length === 0) return [];
  const perDay = new Map<string, number>();
  for (const vote of votes) perDay.set(dayKey(vote.created_at), (perDay.get(dayKey(vote.created_at)) ?? 0) + 1);
  const days = [...perDay.keys()].sort();
  const timeline: { day: string; n: number }[] = [];
  for (let day = days[0]!; day <= days[days.length - 1]!; day = nextDay(day)) timeline.push({ day, n: perDay.get(day) ?? 0 });
  return timeline;
}

export async function pollResults(db: Queryable, definition: PeilingDefinition, filter: ResultFilter): Promise<PollResults> {
  const votes = await readVotes(db, definition.id, filter);
  const tally = tallyOfVotes(definition, votes);
  const languages = new Map<string | null, number>();
  for (const vote of votes) languages.set(vote.lang, (languages.get(vote.lang) ?? 0) + 1);
  return {
    total: tally.total,
    tally,
    minResponses: definition.minResponses ?? 10,
    tooFew: tooFewOf(definition, tally),
    timeline: timelineOf(votes),
    languages: [...languages.entries()].map(([lang, n]) => ({ lang, n })).sort((a, b) => b.n - a.n || String(a.lang).localeCompare(String(b.lang))),
    openAnswers: textsOf(definition, votes).length,
    filter,
  };
}

export interface OpenAnswer {
  question: string;
  /** `open`: the answer to an open question; `other`: the text with "anders, namelijk". */
  kind: 'open' | 'other';
  text: string;
  receivedAt: string;
  lang: string | null;
}

/** The typed texts of the votes: open answers and "anders" texts, newest first. */
export function textsOf(definition: PeilingDefinition, votes: readonly VoteRow[]): OpenAnswer[] {
  const texts: OpenAnswer[] = [];
  for (const vote of votes) {
    for (const question of definition.questions) {
      const answer = vote.answers[question.id];
      const base = { question: question.id, receivedAt: vote.created_at.toISOString(), lang: vote.lang };
      if (question.type === 'open' && typeof answer === 'string' && answer.trim() !== '') texts.push({ ...base, kind: 'open', text: answer.trim() });
      else if (answer !== null && typeof answer === 'object' && !Array.isArray(answer) && answer.other.trim() !== '') {
        texts.push({ ...base, kind: 'other', text: answer.other.trim() });
      }
    }
  }
  return texts.reverse();
}

export interface OpenAnswerQuery {
  question?: string;
  q?: string;
  offset: number;
  limit: number;
}

/** Open answers and "anders" texts, searchable (case and accents ignored), a page at a time. */
export async function openAnswers(db: Queryable, definition: PeilingDefinition, filter: ResultFilter, query: OpenAnswerQuery) {
  const needle = query.q ? searchable(query.q) : '';
  const all = textsOf(definition, await readVotes(db, definition.id, filter)).filter(
    (answer) => (!query.question || answer.question === query.question) && (!needle || searchable(answer.text).includes(needle)),
  );
  return { total: all.length, answers: all.slice(query.offset, query.offset + query.limit) };
}
