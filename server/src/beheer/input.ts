/** Reading the console's JSON bodies: each problem a 422 with the field and a Dutch sentence that says how to fix it. */
import type { FastifyRequest } from 'fastify';
import { ApiError, type Problem } from '../messages.js';

export function problem(field: string, message: string, code = 'invalid'): Problem {
  return { field, code, message };
}

export function refuse(problems: Problem[]): never {
  throw new ApiError(422, problems);
}

export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, [{ code: 'bad-request', message: 'Stuur de gegevens als JSON-object.' }]);
  }
  return body as Record<string, unknown>;
}

export function isEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value);
}

/** A trimmed e-mail address, or a problem for `field`. */
export function emailOf(value: unknown, problems: Problem[], field = 'email'): string {
  const email = typeof value === 'string' ? value.trim() : '';
  if (!isEmail(email)) problems.push(problem(field, 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'));
  return email;
}

/** A trimmed name of 1 to `max` characters, or a problem. */
export function nameOf(value: unknown, problems: Problem[], field: string, missing: string, max = 200): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '') problems.push(problem(field, missing));
  else if ([...name].length > max) problems.push(problem(field, `Dit is te lang: gebruik hoogstens ${max} tekens.`));
  return name;
}
