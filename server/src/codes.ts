import { randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read from paper and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function randomCode(length: number): string {
  let code = '';
  for (let index = 0; index < length; index++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** How a code is stored and compared: upper case, without spaces or dashes. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Groups of `group` characters joined by dashes, for printing. */
export function formatCode(code: string, group: number): string {
  return code.match(new RegExp(`.{1,${group}}`, 'g'))!.join('-');
}

/** A single-use participation code for a poll: 10 characters, about 49 bits. */
export function participationCode(): string {
  return randomCode(10);
}

/** A story's withdrawal code: 16 characters, about 79 bits. */
export function withdrawCode(): string {
  return randomCode(16);
}

/** A sign-up's cancel token, used in a URL. */
export function cancelToken(): string {
  return randomBytes(24).toString('base64url');
}
