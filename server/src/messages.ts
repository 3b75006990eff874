/** Error codes the API answers with, and their messages in Dutch (default) and English. */
const MESSAGES = {
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  'invalid-email': { nl: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.', en: 'Enter a valid e-mail address, like name@example.com.' },
  'invalid-format': { nl: 'Deze waarde heeft niet de juiste vorm.', en: 'This value does not have the right format.' },
  'invalid-type': { nl: 'Deze waarde heeft niet het juiste type.', en: 'This value has the wrong type.' },
  'invalid-value': { nl: 'Deze keuze bestaat niet.', en: 'This choice does not exist.' },
  'too-short': { nl: 'Dit is te kort.', en: 'This is too short.' },
  'too-long': { nl: 'Dit is te lang.', en: 'This is too long.' },
  'too-many': { nl: 'Je hebt te veel gekozen.', en: 'You chose too many.' },
  'consent-needs-name': {
    nl: 'Je koos dat we je verhaal met je voornaam mogen delen. Vul dan ook je voornaam in.',
    en: 'You chose that we may share your story with your first name. Then also fill in your first name.',
  },
  'out-of-range': { nl: 'Kies een waarde binnen de schaal.', en: 'Choose a value within the scale.' },
  'unknown-field': { nl: 'Dit veld wordt niet verwacht.', en: 'This field is not expected.' },
  'unknown-question': { nl: 'Deze vraag bestaat niet.', en: 'This question does not exist.' },
  'unknown-session': { nl: 'Deze sessie bestaat niet.', en: 'This session does not exist.' },
  'form-mismatch': { nl: 'Dit formulier hoort niet bij dit adres.', en: 'This form does not belong to this address.' },
  'type-mismatch': { nl: 'Het soort formulier klopt niet.', en: 'The form type does not match.' },
  'idempotency-key-mismatch': {
    nl: 'De kop Idempotency-Key moet gelijk zijn aan submissionId.',
    en: 'The Idempotency-Key header must equal submissionId.',
  },
  'idempotency-key-reused': {
    nl: 'Deze inzending is al eerder met andere inhoud verstuurd.',
    en: 'This submission was already sent with different content.',
  },
  'already-voted': { nl: 'Je hebt al meegedaan aan deze peiling.', en: 'You have already taken part in this poll.' },
  'poll-closed': { nl: 'Deze peiling is gesloten.', en: 'This poll is closed.' },
  'code-used': { nl: 'Deze deelnamecode is al gebruikt.', en: 'This participation code has already been used.' },
  'code-invalid': { nl: 'Deze deelnamecode kennen we niet. Controleer de code.', en: 'We do not know this participation code. Check the code.' },
  'session-full': { nl: 'Deze sessie is vol.', en: 'This session is full.' },
  'deadline-passed': { nl: 'Aanmelden voor deze sessie is gesloten.', en: 'Sign-up for this session has closed.' },
  'unsupported-media-type': { nl: 'Stuur de gegevens als JSON.', en: 'Send the data as JSON.' },
  'payload-too-large': { nl: 'De inzending is te groot.', en: 'The submission is too large.' },
  'bad-request': { nl: 'Het verzoek kon niet worden gelezen.', en: 'The request could not be read.' },
  'not-found': { nl: 'Niet gevonden.', en: 'Not found.' },
  'origin-not-allowed': {
    nl: 'Deze website mag geen gegevens naar deze server sturen.',
    en: 'This website may not send data to this server.',
  },
  'rate-limited': { nl: 'Te veel verzoeken. Probeer het straks opnieuw.', en: 'Too many requests. Please try again later.' },
  unauthorized: { nl: 'Geen toegang.', en: 'Not authorised.' },
  internal: { nl: 'Er ging iets mis op de server. Probeer het later opnieuw.', en: 'Something went wrong on the server. Please try again later.' },
} as const;

export type ErrorCode = keyof typeof MESSAGES;
export type Lang = 'nl' | 'en';

export interface FieldError {
  field?: string;
  code: ErrorCode;
  message: string;
  session?: string;
}

export function langOf(value: unknown): Lang {
  return typeof value === 'string' && value.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function fieldError(code: ErrorCode, lang: Lang, field?: string, extra: { session?: string } = {}): FieldError {
  return { ...(field === undefined ? {} : { field }), code, ...extra, message: MESSAGES[code][lang] };
}

/** An answer that ends request handling: status plus `{ errors }`, or no body at all. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errors?: FieldError[],
  ) {
    super(errors?.map((error) => error.code).join(', ') ?? `HTTP ${statusCode}`);
  }
}
