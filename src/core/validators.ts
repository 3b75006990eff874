/**
 * Pure checks and parsers for what parents type. Each returns the cleaned value or undefined
 * when it does not pass, so a widget can both validate and normalise with one call.
 */

/** Trims and folds inner runs of white space. */
export function clean(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** A pragmatic e-mail check: one @, a dot in the domain, no spaces. */
export function parseEmail(value: string): string | undefined {
  const email = value.trim();
  if (email.length > 254) return undefined;
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email) ? email : undefined;
}

/**
 * Dutch and international phone numbers: "06 12345678", "070-1234567", "+31 6 1234 5678",
 * "0031 6 12345678", "+31 (0)6 1234 5678", "+32 470 12 34 56". Returns the number without spaces, dashes or brackets.
 */
export function parsePhone(value: string): string | undefined {
  // "+31 (0)6 …": the (0) is written for callers inside the country; it is not dialled with +31.
  const compact = value.trim().replace(/\(0\)/g, '').replace(/[\s\-().]/g, '');
  if (/^0[1-9]\d{8}$/.test(compact)) return compact;
  if (/^(\+|00)[1-9]\d{7,14}$/.test(compact)) return compact.replace(/^00/, '+');
  return undefined;
}

/** A Dutch postcode, "1234 AB" (any case and spacing) → "1234 AB". */
export function parsePostcode(value: string): string | undefined {
  const match = /^([1-9]\d{3})\s?([a-z]{2})$/i.exec(value.trim());
  if (!match || /^(SA|SD|SS)$/i.test(match[2])) return undefined;
  return `${match[1]} ${match[2].toUpperCase()}`;
}

/**
 * A text's length as people count it and as the server counts it: in characters (an emoji is
 * one), without the white space around it. The count a parent sees and every check use this.
 */
export function characterLength(value: string): number {
  let count = 0;
  for (const _ of value.trim()) count++;
  return count;
}

export type LengthProblem = 'required' | 'too-short' | 'too-long';

/** Checks a text's length in characters as people count them (an emoji is one). */
export function checkLength(value: string, { min = 0, max = Infinity, required = false } = {}): LengthProblem | undefined {
  const length = characterLength(value);
  if (length === 0) return required || min > 0 ? 'required' : undefined;
  if (length < min) return 'too-short';
  if (length > max) return 'too-long';
  return undefined;
}
