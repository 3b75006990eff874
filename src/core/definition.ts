import type { LocalizedText, Option } from './schema-types.js';

/** What can be wrong with one value of a definition or data file. */
export type DefinitionProblem =
  | 'missing'
  | 'notText'
  | 'notList'
  | 'notObject'
  | 'notNumber'
  | 'notBoolean'
  | 'notDate'
  | 'duplicate'
  | 'notJson'
  | 'unreadable'
  | { oneOf: readonly string[] };

/** The problems in words, for the web editor on the console (a parent sees one plain sentence). */
const problemWords: Record<Exclude<DefinitionProblem, object>, string> = {
  missing: 'missing',
  notText: 'not text',
  notList: 'not a list',
  notObject: 'not an object',
  notNumber: 'not a number',
  notBoolean: 'not true or false',
  notDate: 'not a date and time (ISO 8601, such as 2027-03-01T19:30:00+01:00)',
  duplicate: 'appears twice',
  notJson: 'not valid JSON',
  unreadable: 'cannot be read',
};

/** A definition that does not follow its schema; `path` names the field for the web editor. */
export class DefinitionError extends Error {
  constructor(
    readonly path: string,
    readonly problem: DefinitionProblem,
  ) {
    const words = typeof problem === 'string' ? problemWords[problem] : `not one of: ${problem.oneOf.join(', ')}`;
    super(path ? `${path}: ${words}` : words);
  }
}

// Small readers that check one value and say where it went wrong. Each widget builds its
// definition parser from these, mirroring its JSON Schema in schemas/.
export type Fields = Record<string, unknown>;

export function readObject(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DefinitionError(path, value === undefined ? 'missing' : 'notObject');
  }
  return value as Fields;
}

export function readList(value: unknown, path: string, { optional = false, nonEmpty = false } = {}): unknown[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) throw new DefinitionError(path, value === undefined ? 'missing' : 'notList');
  if (nonEmpty && value.length === 0) throw new DefinitionError(path, 'missing');
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DefinitionError(path, value === undefined || value === '' ? 'missing' : 'notText');
  }
  return value;
}

export function readOptionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : readString(value, path);
}

export function readText(value: unknown, path: string): LocalizedText {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) throw new DefinitionError(path, 'missing');
    for (const [language, text] of entries) readString(text, `${path}.${language}`);
    return value as LocalizedText;
  }
  return readString(value, path);
}

export function readOptionalText(value: unknown, path: string): LocalizedText | undefined {
  return value === undefined ? undefined : readText(value, path);
}

export function readNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DefinitionError(path, value === undefined ? 'missing' : 'notNumber');
  }
  return value;
}

export function readOptionalNumber(value: unknown, path: string): number | undefined {
  return value === undefined ? undefined : readNumber(value, path);
}

export function readOptionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new DefinitionError(path, 'notBoolean');
}

export function readOptionalDate(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new DefinitionError(path, 'notDate');
  return value;
}

export function readChoice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  if (value === undefined) throw new DefinitionError(path, 'missing');
  if (!choices.includes(value as T)) throw new DefinitionError(path, { oneOf: choices });
  return value as T;
}

/** A whole number of at least `min`, when there is one. */
export function readOptionalInteger(value: unknown, path: string, min = 0): number | undefined {
  const number = readOptionalNumber(value, path);
  if (number !== undefined && (!Number.isInteger(number) || number < min)) throw new DefinitionError(path, 'notNumber');
  return number;
}

const identifier = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** An id as the schemas define it (`common.schema.json#/$defs/id`). */
export function readId(value: unknown, path: string): string {
  const id = readString(value, path);
  if (!identifier.test(id)) throw new DefinitionError(path, 'notText');
  return id;
}

/** What every form definition starts with: its type, id, title and intro, and what its server says about e-mail. */
export interface FormHead<T extends string> {
  type: T;
  id: string;
  title: LocalizedText;
  intro?: LocalizedText;
  sendsMail?: boolean;
  outcomeOptIn?: boolean;
}

/** Reads the head of a form definition of this `type`; returns it with the definition's fields for the rest. */
export function readFormHead<T extends string>(raw: unknown, type: T): [FormHead<T>, Fields] {
  const fields = readObject(raw, 'definition');
  readChoice(fields.type, 'type', [type] as const);
  const head: FormHead<T> = {
    type,
    id: readId(fields.id, 'id'),
    title: readText(fields.title, 'title'),
    intro: readOptionalText(fields.intro, 'intro'),
    sendsMail: readOptionalBoolean(fields.sendsMail, 'sendsMail'),
    outcomeOptIn: readOptionalBoolean(fields.outcomeOptIn, 'outcomeOptIn'),
  };
  return [head, fields];
}

/** A list of `{ value, label }` with unique values. */
export function readOptions(value: unknown, path: string, { optional = false, nonEmpty = false } = {}): Option[] {
  const seen = new Set<string>();
  return readList(value, path, { optional, nonEmpty }).map((item, index) => {
    const at = `${path}[${index}]`;
    const fields = readObject(item, at);
    const optionValue = readString(fields.value, `${at}.value`);
    if (seen.has(optionValue)) throw new DefinitionError(`${at}.value`, 'duplicate');
    seen.add(optionValue);
    return { value: optionValue, label: readText(fields.label, `${at}.label`) };
  });
}

/** A list of at least one item, each read by `readItem` at its own path, no two with the same id. */
export function readItems<T extends { id: string }>(value: unknown, path: string, readItem: (raw: unknown, path: string) => T): T[] {
  const items = readList(value, path, { nonEmpty: true }).map((item, index) => readItem(item, `${path}[${index}]`));
  requireUniqueIds(items, path);
  return items;
}

/** Throws when two items share an id. */
export function requireUniqueIds(items: readonly { id: string }[], path: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) throw new DefinitionError(`${path}[${index}].id`, 'duplicate');
    seen.add(item.id);
  });
}
