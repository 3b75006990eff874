/**
 * JSON Pointers (RFC 6901) into a definition: the one address the server's errors, the console's
 * own checks, the fields' ids and the edits all use.
 */
export type Json = unknown;

export function segments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function join(...parts: (string | number)[]): string {
  return parts.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function getIn(value: Json, pointer: string): Json {
  let current = value;
  for (const part of segments(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, Json>)[part];
  }
  return current;
}

/** A copy of `value` with `pointer` set (or removed when `next` is undefined); untouched branches are shared. */
export function setIn<T>(value: T, pointer: string, next: Json): T {
  const parts = segments(pointer);
  if (parts.length === 0) return next as T;
  const [head, ...rest] = parts;
  const container = (value ?? (/^\d+$/.test(head) ? [] : {})) as Record<string, Json> | Json[];
  const child = (container as Record<string, Json>)[head];
  const updated = rest.length === 0 ? next : setIn(child, join(...rest), next);
  if (Array.isArray(container)) {
    const copy = [...container];
    if (updated === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = updated;
    return copy as T;
  }
  const copy = { ...container };
  if (updated === undefined) delete copy[head];
  else copy[head] = updated;
  return copy as T;
}

/** The id of the field that edits `pointer`: `/questions/0/label` → `f-questions-0-label`. */
export function fieldId(pointer: string): string {
  return `f${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Moves the item at `from` of the array at `pointer` to `to`. */
export function moveIn<T>(value: T, pointer: string, from: number, to: number): T {
  const list = [...((getIn(value, pointer) as Json[] | undefined) ?? [])];
  if (to < 0 || to >= list.length || from === to) return value;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  return setIn(value, pointer, list);
}

/** Adds `item` at the end (or at `at`) of the array at `pointer`. */
export function insertIn<T>(value: T, pointer: string, item: Json, at?: number): T {
  const list = [...((getIn(value, pointer) as Json[] | undefined) ?? [])];
  list.splice(at ?? list.length, 0, item);
  return setIn(value, pointer, list);
}
