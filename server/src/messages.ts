import { fromAcceptLanguage, textsFor } from './i18n/index.js';
import type { ErrorCode } from './i18n/texts.js';

export type { ErrorCode } from './i18n/texts.js';

/** A language the server speaks: the code of one of the files in server/src/i18n/. */
export type Lang = string;

export interface FieldError {
  field?: string;
  code: ErrorCode;
  message: string;
  session?: string;
}

/** The language of a tag (`en-GB`) or the first of an Accept-Language header that the server speaks; else Dutch. */
export function langOf(value: unknown): Lang {
  return (typeof value === 'string' ? fromAcceptLanguage(value) : undefined)?.lang ?? 'nl';
}

export function fieldError(code: ErrorCode, lang: Lang, field?: string, extra: { session?: string } = {}): FieldError {
  return { ...(field === undefined ? {} : { field }), code, ...extra, message: textsFor(lang).errors[code] };
}

/** One entry of an `{ errors }` answer: the parent-facing ones above, or the console's own (Dutch only). */
export interface Problem {
  field?: string;
  code: string;
  message: string;
  session?: string;
}

/** An answer that ends request handling: status plus `{ errors }`, or no body at all. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errors?: readonly Problem[],
  ) {
    super(errors?.map((error) => error.code).join(', ') ?? `HTTP ${statusCode}`);
  }
}
