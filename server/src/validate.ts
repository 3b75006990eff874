import type { ErrorObject } from './schemas.js';
import type { ErvaringDefinition, MeedenksessieDefinition, PeilingDefinition } from './content.js';
import type { ErvaringData, MeedenksessieData } from './schema-types.js';

export type { ErvaringData, MeedenksessieData } from './schema-types.js';
import { fieldError, type ErrorCode, type FieldError, type Lang } from './messages.js';

function codeFor(error: ErrorObject): ErrorCode {
  switch (error.keyword) {
    case 'required':
    case 'const':
    case 'minItems':
      return 'required';
    case 'format':
      return error.params.format === 'email' ? 'invalid-email' : 'invalid-format';
    case 'pattern':
      return 'invalid-format';
    case 'minLength':
      return 'too-short';
    case 'maxLength':
      return 'too-long';
    case 'maxItems':
      return 'too-many';
    case 'additionalProperties':
      return 'unknown-field';
    case 'enum':
      return 'invalid-value';
    default:
      return 'invalid-type';
  }
}

/** `/data/answers/q1` → `answers.q1`; paths outside `data` keep their top-level name (`submissionId`). */
function fieldOf(error: ErrorObject): string {
  const segments = error.instancePath.split('/').slice(1);
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  if (segments[0] === 'data') segments.shift();
  return segments.join('.');
}

/** At most this many field errors in one answer: a body of thousands of unknown keys must not get an answer ten times its size. */
export const MAX_FIELD_ERRORS = 20;

/** Turns Ajv's errors into one `{ field, code, message }` per field (the first reason wins), at most MAX_FIELD_ERRORS. */
export function schemaErrors(errors: ErrorObject[], lang: Lang): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const error of errors) {
    if (byField.size === MAX_FIELD_ERRORS) break;
    if (error.keyword === 'if' || error.keyword === 'anyOf') continue;
    const field = fieldOf(error);
    if (!byField.has(field)) byField.set(field, fieldError(codeFor(error), lang, field));
  }
  return [...byField.values()];
}

export type PeilingAnswer = string | string[] | number | { value: string | string[]; other: string };

function asValues(answer: PeilingAnswer): { values: string[]; other?: string } | undefined {
  if (typeof answer === 'string') return { values: [answer] };
  if (Array.isArray(answer)) return { values: answer };
  if (typeof answer === 'object') return { values: Array.isArray(answer.value) ? answer.value : [answer.value], other: answer.other };
  return undefined;
}

/**
 * Length as people see it and as the widgets and JSON Schema count it: code points, not UTF-16
 * units, so an emoji counts once. Surrounding white space does not count; the widgets trim it.
 */
export function characters(text: string): number {
  return [...text.trim()].length;
}

/** The values of a closed question that count in the tally; open questions count nothing. */
export function countedValues(question: PeilingDefinition['questions'][number], answer: PeilingAnswer): string[] {
  if (question.type === 'open') return [];
  if (question.type === 'scale') return [String(answer)];
  return [...new Set(asValues(answer)?.values.filter((value) => value !== '') ?? [])];
}

/** Answers checked against the poll's own questions (the shared schema checks only their shape). */
export function peilingErrors(definition: PeilingDefinition, answers: Record<string, PeilingAnswer>, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const questions = new Map(definition.questions.map((question) => [question.id, question]));
  for (const id of Object.keys(answers)) {
    if (!questions.has(id)) errors.push(fieldError('unknown-question', lang, `answers.${id}`));
  }
  for (const question of definition.questions) {
    const field = `answers.${question.id}`;
    const answer = answers[question.id];
    const empty = answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0);
    if (empty) {
      if (question.required) errors.push(fieldError('required', lang, field));
      continue;
    }
    if (question.type === 'scale') {
      const min = question.min ?? 1;
      const max = question.max ?? 5;
      if (typeof answer !== 'number' || !Number.isInteger(answer)) errors.push(fieldError('invalid-type', lang, field));
      else if (answer < min || answer > max) errors.push(fieldError('out-of-range', lang, field));
      continue;
    }
    if (question.type === 'open') {
      if (typeof answer !== 'string') errors.push(fieldError('invalid-type', lang, field));
      else if (characters(answer) > (question.maxLength ?? 1000)) errors.push(fieldError('too-long', lang, field));
      continue;
    }
    const parsed = asValues(answer);
    const isObject = typeof answer === 'object' && !Array.isArray(answer);
    if (!parsed || (question.type === 'single' && (Array.isArray(answer) || parsed.values.length !== 1))) {
      errors.push(fieldError('invalid-type', lang, field));
      continue;
    }
    if (isObject && !question.other) {
      errors.push(fieldError('invalid-value', lang, field));
      continue;
    }
    if (parsed.other !== undefined && characters(parsed.other) > (question.maxLength ?? 1000)) {
      errors.push(fieldError('too-long', lang, field));
      continue;
    }
    const allowed = new Set((question.options ?? []).map((option) => option.value));
    const unknown = parsed.values.some((value) => !allowed.has(value) && !(isObject && value === 'other'));
    if (unknown) errors.push(fieldError('invalid-value', lang, field));
  }
  return errors;
}

export function meedenksessieErrors(definition: MeedenksessieDefinition, data: MeedenksessieData, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const sessions = new Set(definition.sessions.map((session) => session.id));
  const unknown = data.sessionIds.find((id) => !sessions.has(id));
  if (unknown !== undefined) errors.push(fieldError('unknown-session', lang, 'sessionIds', { session: unknown }));
  else if (!definition.multiple && data.sessionIds.length > 1) errors.push(fieldError('too-many', lang, 'sessionIds'));
  if (data.role !== undefined && definition.roles && !definition.roles.some((role) => role.value === data.role)) {
    errors.push(fieldError('invalid-value', lang, 'role'));
  }
  const needs = new Set((definition.needs ?? []).map((need) => need.value));
  if (data.needs?.some((need) => !needs.has(need))) errors.push(fieldError('invalid-value', lang, 'needs'));
  return errors;
}

/** The consent levels the widget offers when the definition sets none (src/ervaring/ervaring.ts). */
const defaultConsentOptions = [{ value: 'internal' }, { value: 'quote-anonymous' }, { value: 'first-name' }];

/** A consent that shares the parent's first name needs one: the option's `needsName`, else the value `first-name`. */
function consentNeedsName(definition: ErvaringDefinition, consent: string): boolean {
  const option = definition.consentOptions?.find((candidate) => candidate.value === consent);
  return option?.needsName ?? consent === 'first-name';
}

export function ervaringErrors(definition: ErvaringDefinition, data: ErvaringData, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const length = characters(data.story);
  if (definition.minLength !== undefined && length < definition.minLength) errors.push(fieldError('too-short', lang, 'story'));
  if (definition.maxLength !== undefined && length > definition.maxLength) errors.push(fieldError('too-long', lang, 'story'));
  const themes = new Set(definition.themes.map((theme) => theme.value));
  if (data.themes.some((theme) => !themes.has(theme))) errors.push(fieldError('invalid-value', lang, 'themes'));
  const oneOf = (options: { value: string }[] | undefined, value: string | undefined, field: string) => {
    if (value !== undefined && options && !options.some((option) => option.value === value)) {
      errors.push(fieldError('invalid-value', lang, field));
    }
  };
  oneOf(definition.regions, data.region, 'region');
  oneOf(definition.levels, data.level, 'level');
  // Without consentOptions the widget offers its three default levels; nothing else is consent.
  oneOf(definition.consentOptions ?? defaultConsentOptions, data.consent, 'consent');
  if (consentNeedsName(definition, data.consent) && !data.contact?.name?.trim()) {
    errors.push(fieldError('consent-needs-name', lang, 'contact.name'));
  }
  return errors;
}
