import { DefinitionError, readChoice, readList, readNumber, readObject, readOptionalString, readString, readText } from '../core/definition.js';
import { readNotice } from '../core/terugkoppeling.js';
import type { Outcome, OutcomeResults } from '../core/schema-types.js';

export type { Outcome, OutcomeResults, TerugkoppelingDocument } from '../core/schema-types.js';

/** What the widget shows: the outcomes in the document, or only the one of `form`. */
export interface Terugkoppeling {
  organisation?: { id: string; name: string };
  outcomes: Outcome[];
}

function readResults(value: unknown, path: string): OutcomeResults | undefined {
  if (value === undefined) return undefined;
  const fields = readObject(value, path);
  return {
    total: readNumber(fields.total, `${path}.total`),
    omitted: fields.omitted === undefined ? 0 : readNumber(fields.omitted, `${path}.omitted`),
    questions: readList(fields.questions, `${path}.questions`).map((item, index) => {
      const at = `${path}.questions[${index}]`;
      const question = readObject(item, at);
      return {
        id: readString(question.id, `${at}.id`),
        type: readChoice(question.type, `${at}.type`, ['single', 'multiple', 'scale'] as const),
        label: readText(question.label, `${at}.label`),
        total: readNumber(question.total, `${at}.total`),
        options: readList(question.options, `${at}.options`).map((entry, position) => {
          const where = `${at}.options[${position}]`;
          const option = readObject(entry, where);
          return {
            value: readString(option.value, `${where}.value`),
            label: readText(option.label, `${where}.label`),
            count: readNumber(option.count, `${where}.count`),
            share: Math.min(100, Math.max(0, readNumber(option.share, `${where}.share`))),
          };
        }),
      };
    }),
  };
}

/** Checks a terugkoppeling document (schemas/terugkoppeling.schema.json) and keeps only `form`'s outcome when one is asked. */
export function parseTerugkoppeling(raw: unknown, form?: string): Terugkoppeling {
  const fields = readObject(raw, 'terugkoppeling');
  readChoice(fields.type, 'type', ['terugkoppeling'] as const);
  const organisation = fields.organisation === undefined ? undefined : readObject(fields.organisation, 'organisation');
  const outcomes = readList(fields.outcomes, 'outcomes').map((item, index): Outcome => {
    const at = `outcomes[${index}]`;
    const outcome = readObject(item, at);
    return {
      ...readNotice(outcome, at),
      formId: readString(outcome.formId, `${at}.formId`),
      title: readText(outcome.title, `${at}.title`),
      publishedAt: readOptionalString(outcome.publishedAt, `${at}.publishedAt`),
      results: readResults(outcome.results, `${at}.results`),
    };
  });
  if (outcomes.some((outcome, index) => outcomes.findIndex((other) => other.formId === outcome.formId) !== index)) {
    throw new DefinitionError('outcomes', 'duplicate');
  }
  return {
    organisation: organisation && { id: readString(organisation.id, 'organisation.id'), name: readString(organisation.name, 'organisation.name') },
    outcomes: form ? outcomes.filter((outcome) => outcome.formId === form) : outcomes,
  };
}
