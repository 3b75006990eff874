/**
 * The pure logic of `<ouder-ervaring>`: the definition parser, the answers a parent gives, their
 * validation, the payload, and what a draft may contain. No DOM, no storage: unit-tested in
 * test/ervaring-logic.test.ts.
 */
import * as read from '../core/definition.js';
import { type ConsentOption, type ErvaringData, type ErvaringDefinition, ervaringDataLimits, type FieldError } from '../core/schema-types.js';
import type { StorageKind } from '../core/storage.js';
import { checkLength, clean, parseEmail } from '../core/validators.js';

/** The server's own limit on a story (schemas/submission.schema.json). */
export const storyLimit = ervaringDataLimits.story;
/** Used when the definition sets no `maxLength`. */
export const defaultMaxLength = 5000;

/** The consent options shown when the definition has none; their labels live in ervaring.i18n.ts. */
export const defaultConsentValues = ['internal', 'quote-anonymous', 'first-name'] as const;
/** The default consent that shares the parent's first name, so it needs a name. */
export const firstNameConsent = 'first-name';

/**
 * Whether a consent shares the parent's first name, so the form must ask for one: the option's
 * own `needsName`, else true for the value `first-name` only.
 */
export function consentNeedsName(definition: ErvaringDefinition, consent: string): boolean {
  const option = definition.consentOptions?.find((candidate) => candidate.value === consent);
  return option?.needsName ?? consent === firstNameConsent;
}

/** Checks a definition against schemas/ervaring.definition.schema.json, naming the field that is wrong. */
export function parseErvaringDefinition(raw: unknown): ErvaringDefinition {
  const [head, fields] = read.readFormHead(raw, 'ervaring');
  const minLength = read.readOptionalInteger(fields.minLength, 'minLength', 0);
  const maxLength = read.readOptionalInteger(fields.maxLength, 'maxLength', 1);
  if (maxLength !== undefined && (maxLength > storyLimit || maxLength < (minLength ?? 0))) {
    throw new read.DefinitionError('maxLength', 'notNumber');
  }
  return {
    ...head,
    themes: read.readOptions(fields.themes, 'themes', { nonEmpty: true }),
    regions: fields.regions === undefined ? undefined : read.readOptions(fields.regions, 'regions'),
    levels: fields.levels === undefined ? undefined : read.readOptions(fields.levels, 'levels'),
    prompts: read.readList(fields.prompts, 'prompts', { optional: true }).map((prompt, i) => read.readText(prompt, `prompts[${i}]`)),
    minLength,
    maxLength,
    consentOptions: fields.consentOptions === undefined ? undefined : readConsentOptions(fields.consentOptions),
    retentionDays: read.readOptionalInteger(fields.retentionDays, 'retentionDays', 1),
    draftStorage:
      fields.draftStorage === undefined
        ? undefined
        : read.readChoice(fields.draftStorage, 'draftStorage', ['session', 'local', 'none'] as const),
  };
}

function readConsentOptions(value: unknown): ConsentOption[] {
  // readOptions has checked that it is a list of objects.
  return read.readOptions(value, 'consentOptions', { nonEmpty: true }).map((option, index) => {
    const needsName = read.readOptionalBoolean((value as read.Fields[])[index]!.needsName, `consentOptions[${index}].needsName`);
    return needsName === undefined ? option : { ...option, needsName };
  });
}

/** The story's length limits, with the defaults. */
export function storyLimits(definition: ErvaringDefinition): { min: number; max: number } {
  return { min: definition.minLength ?? 0, max: definition.maxLength ?? defaultMaxLength };
}

/** Where a draft is kept: the definition's choice (session by default); none when storage is off. */
export function draftStorageKind(definition: ErvaringDefinition, storageEnabled: boolean): StorageKind | undefined {
  if (!storageEnabled) return undefined;
  const kind = definition.draftStorage ?? 'session';
  return kind === 'none' ? undefined : kind;
}

/** What the parent has filled in, as the form holds it (and as a draft keeps it). */
export interface ErvaringAnswers {
  story: string;
  themes: string[];
  region: string;
  level: string;
  /** The parent chose to be contacted: only then name and e-mail are asked. */
  contactMe: boolean;
  name: string;
  email: string;
  /** The parent asks for the withdrawal code by e-mail as well. */
  sendCode: boolean;
  consent: string;
}

export function emptyAnswers(): ErvaringAnswers {
  return { story: '', themes: [], region: '', level: '', contactMe: false, name: '', email: '', sendCode: false, consent: '' };
}

/** True when there is nothing worth keeping as a draft. */
export function isEmpty(answers: ErvaringAnswers): boolean {
  const empty = emptyAnswers();
  return (Object.keys(empty) as (keyof ErvaringAnswers)[]).every((key) =>
    Array.isArray(empty[key]) ? (answers[key] as string[]).length === 0 : answers[key] === empty[key],
  );
}

/**
 * Reads a stored draft defensively (it may come from an older version, or have been edited):
 * only known fields of the right type survive, and choices that the definition no longer
 * offers are dropped.
 */
export function readDraft(raw: unknown, definition: ErvaringDefinition, consentValues: readonly string[]): ErvaringAnswers | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const fields = raw as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const offered = (value: unknown, options: readonly { value: string }[] | undefined) =>
    typeof value === 'string' && (options ?? []).some((option) => option.value === value) ? value : '';
  const answers: ErvaringAnswers = {
    story: text(fields.story),
    themes: Array.isArray(fields.themes)
      ? definition.themes.map((theme) => theme.value).filter((value) => (fields.themes as unknown[]).includes(value))
      : [],
    region: offered(fields.region, definition.regions),
    level: offered(fields.level, definition.levels),
    contactMe: fields.contactMe === true,
    name: text(fields.name),
    email: text(fields.email),
    sendCode: fields.sendCode === true,
    consent: consentValues.includes(fields.consent as string) ? (fields.consent as string) : '',
  };
  return isEmpty(answers) ? undefined : answers;
}

export type ErvaringField = 'story' | 'themes' | 'region' | 'level' | 'contact' | 'name' | 'email' | 'consent';

export type ErvaringProblem =
  | 'story-required'
  | 'story-too-short'
  | 'story-too-long'
  | 'themes-required'
  | 'email-required'
  | 'email-invalid'
  | 'consent-required'
  /** The consent shares the first name: the name field must be filled in … */
  | 'name-for-consent'
  /** … and, to have that field, the parent must agree to be contacted. */
  | 'contact-for-consent';

export type ErvaringProblems = Partial<Record<ErvaringField, ErvaringProblem>>;

/**
 * Every problem with the answers, by the field that must change. A consent that shares the
 * first name without one is a problem of the name field, or, while the parent stays anonymous
 * (no name field), of the contact question.
 */
export function validateErvaring(answers: ErvaringAnswers, definition: ErvaringDefinition): ErvaringProblems {
  const problems: ErvaringProblems = {};
  const { min, max } = storyLimits(definition);
  const length = checkLength(answers.story, { min, max, required: true });
  if (length) problems.story = `story-${length}` as ErvaringProblem;
  if (answers.themes.length === 0) problems.themes = 'themes-required';
  if (answers.contactMe) {
    if (answers.email.trim() === '') problems.email = 'email-required';
    else if (!parseEmail(answers.email)) problems.email = 'email-invalid';
  }
  if (!answers.consent) problems.consent = 'consent-required';
  else if (consentNeedsName(definition, answers.consent)) {
    if (!answers.contactMe) problems.contact = 'contact-for-consent';
    else if (!clean(answers.name)) problems.name = 'name-for-consent';
  }
  return problems;
}

/** The `data` of the submission (schemas/submission.schema.json#/$defs/ervaringData). */
export function toErvaringData(answers: ErvaringAnswers): ErvaringData {
  const data: ErvaringData = {
    story: answers.story.trim(),
    themes: [...answers.themes],
    anonymous: !answers.contactMe,
    consent: answers.consent,
  };
  if (answers.region) data.region = answers.region;
  if (answers.level) data.level = answers.level;
  if (answers.contactMe) {
    const name = clean(answers.name);
    data.contact = {
      ...(name ? { name } : {}),
      email: parseEmail(answers.email) ?? answers.email.trim(),
      ...(answers.sendCode ? { sendCode: true } : {}),
    };
  }
  return data;
}

/** The field a server error is about (`story`, `themes.0`, `contact.email` …), or undefined. */
export function fieldOfServerError(error: FieldError): ErvaringField | undefined {
  const path = error.field ?? '';
  const [head, tail] = path.split('.');
  if (head === 'contact') return tail === 'name' ? 'name' : tail === 'email' ? 'email' : 'contact';
  if (head === 'anonymous') return 'contact';
  const fields: readonly string[] = ['story', 'themes', 'region', 'level', 'consent'];
  return fields.includes(head) ? (head as ErvaringField) : undefined;
}
