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

/** Throws when two items share an id. */
export function requireUniqueIds(items: readonly { id: string }[], path: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) throw new DefinitionError(`${path}[${index}].id`, 'duplicate');
    seen.add(item.id);
  });
}
