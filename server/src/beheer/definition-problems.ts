/**
 * What is wrong with a definition made in the console, in plain Dutch, each with a JSON Pointer into
 * the definition (`/questions/0/label`) so the console can show it at its field. First the same JSON
 * Schemas the widgets and the API use, then what a schema cannot say (two options with one value).
 */
import type { AuthoredDefinition } from '../content.js';
import { definitionErrors } from '../content.js';
import type { Problem } from '../messages.js';
import type { ErrorObject, Schemas } from '../schemas.js';

const REQUIRED: Record<string, string> = {
  id: 'Geef een code: kleine letters, cijfers en streepjes, bijvoorbeeld "ouderpeiling-2027".',
  type: 'Kies het soort formulier.',
  title: 'Geef het formulier een titel.',
  label: 'Vul de tekst in.',
  value: 'Geef elke keuze een waarde.',
  options: 'Voeg minstens één antwoordmogelijkheid toe.',
  questions: 'Voeg minstens één vraag toe.',
  sessions: 'Voeg minstens één sessie toe.',
  themes: 'Voeg minstens één thema toe.',
  start: 'Vul in wanneer de sessie begint.',
  end: 'Vul in wanneer de sessie eindigt.',
  name: 'Vul de naam in.',
  results: 'Kies wanneer ouders de uitslag zien.',
  integrity: 'Kies hoe je zorgt dat iedereen één keer meedoet.',
  gemeenten: 'Kies minstens één gemeente.',
  lat: 'Vul de breedtegraad in.',
  lon: 'Vul de lengtegraad in.',
};

const ENUM_NAMES: Record<string, string> = {
  'after-vote': 'na het stemmen',
  'after-close': 'na het sluiten',
  hidden: 'nooit',
  open: 'één keer per apparaat',
  code: 'met een deelnamecode',
  single: 'één keuze',
  multiple: 'meer keuzes',
  scale: 'schaal',
  session: 'tijdens het schrijven',
  local: 'op dit apparaat',
  none: 'niet bewaren',
};

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return REQUIRED[String(params.missingProperty)] ?? 'Dit is verplicht: vul het in.';
    case 'minLength':
      return Number(params.limit) <= 1 ? 'Vul dit in; het mag niet leeg zijn.' : `Dit is te kort: gebruik minstens ${params.limit} tekens.`;
    case 'maxLength':
      return `Dit is te lang: gebruik hoogstens ${params.limit} tekens.`;
    case 'minItems':
      return Number(params.limit) === 1 ? 'Voeg er minstens één toe.' : `Voeg er minstens ${params.limit} toe.`;
    case 'maxItems':
      return `Dit zijn er te veel: hoogstens ${params.limit}.`;
    case 'minProperties':
      return 'Vul de tekst in, in het Nederlands.';
    case 'minimum':
      return `Kies een getal van ${params.limit} of meer.`;
    case 'maximum':
      return `Kies een getal van ${params.limit} of minder.`;
    case 'format':
      if (params.format === 'date-time') return 'Vul een geldige datum en tijd in.';
      if (params.format === 'email') return 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.';
      return 'Dit heeft niet de juiste vorm.';
    case 'pattern':
      if (/\/id$/.test(error.instancePath)) return 'Gebruik alleen letters, cijfers, punten en streepjes, en begin met een letter of cijfer (hoogstens 100 tekens).';
      if (/allowedOrigins|website|Url$/.test(error.instancePath)) return 'Vul een adres in dat begint met https://, zoals https://www.voorbeeldstad.nl.';
      if (/propertyName/.test(error.schemaPath)) return 'Gebruik als taalcode twee of drie kleine letters, zoals nl of en.';
      return 'Dit heeft niet de juiste vorm.';
    case 'enum':
      return `Kies een van: ${(params.allowedValues as unknown[]).map((value) => ENUM_NAMES[String(value)] ?? String(value)).join(', ')}.`;
    case 'const':
      return `Dit moet "${String(params.allowedValue)}" zijn.`;
    case 'propertyNames':
      return 'Gebruik als taalcode twee of drie kleine letters, zoals nl of en.';
    default:
      return 'Dit heeft niet de juiste vorm.';
  }
}

/** The more specific reason wins when Ajv gives several for one place (a text is "no string" and "no object"). */
const PRIORITY = ['required', 'minLength', 'minProperties', 'maxLength', 'pattern', 'propertyNames', 'format', 'enum', 'const', 'minItems', 'maxItems', 'minimum', 'maximum', 'type'];

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}/${String(params.missingProperty)}`;
  if (error.keyword === 'propertyNames' || (error.keyword === 'pattern' && params.propertyName)) return `${error.instancePath}/${String(params.propertyName ?? '')}`;
  return error.instancePath || '/';
}

function rank(error: ErrorObject): number {
  const position = PRIORITY.indexOf(error.keyword);
  return position === -1 ? PRIORITY.length : position;
}

export function schemaProblems(errors: ErrorObject[]): Problem[] {
  const best = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'allOf' || error.keyword === 'oneOf') continue;
    const pointer = pointerOf(error);
    const current = best.get(pointer);
    if (!current || rank(error) < rank(current)) best.set(pointer, error);
  }
  return [...best.entries()].map(([field, error]) => ({ field, code: 'invalid', message: messageOf(error) }));
}

type Item = { value?: string; id?: string; label?: unknown; options?: Item[] };

/** Two items of one list with the same `key`: the second gets the problem. */
function duplicates(items: unknown, key: 'id' | 'value', pointer: string, message: (value: string) => string): Problem[] {
  if (!Array.isArray(items)) return [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  (items as Item[]).forEach((item, index) => {
    const value = item?.[key];
    if (typeof value !== 'string') return;
    if (seen.has(value)) problems.push({ field: `${pointer}/${index}/${key}`, code: 'duplicate', message: message(value) });
    seen.add(value);
  });
  return problems;
}

/** Texts are `{ nl, en, … }` or a string; an empty translation is left out, an empty Dutch one is a problem. */
function textProblems(value: unknown, pointer: string, problems: Problem[]): unknown {
  if (Array.isArray(value)) return value.map((item, index) => textProblems(item, `${pointer}/${index}`, problems));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const isText = entries.length > 0 && entries.every(([key, text]) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(key) && typeof text === 'string');
  if (isText) {
    const kept = Object.fromEntries(entries.filter(([, text]) => (text as string).trim() !== ''));
    if (!('nl' in kept) && entries.some(([key]) => key === 'nl')) problems.push({ field: `${pointer}/nl`, code: 'invalid', message: 'Vul de Nederlandse tekst in. Andere talen zijn een aanvulling.' });
    return kept;
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, textProblems(item, `${pointer}/${key}`, problems)]));
}

export interface Checked {
  definition: AuthoredDefinition;
  problems: Problem[];
}

/**
 * Checks a definition from the console and tidies it (empty translations out). `previous` is the
 * version it replaces: a poll's closing moment may only be moved into the past by a version that
 * already had it there.
 */
export function checkDefinition(schemas: Schemas, input: unknown, previous?: AuthoredDefinition, now = new Date()): Checked {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { definition: input as AuthoredDefinition, problems: [{ code: 'invalid', message: 'Stuur de definitie van het formulier mee.' }] };
  }
  const problems: Problem[] = [];
  const definition = textProblems(input, '', problems) as AuthoredDefinition;
  problems.push(...schemaProblems(definitionErrors(schemas, definition)));
  if (problems.length > 0) return { definition, problems };

  const d = definition as Record<string, unknown>;
  if (definition.type === 'peiling') {
    const questions = d.questions as (Item & { type: string; min?: number; max?: number })[];
    problems.push(...duplicates(questions, 'id', '/questions', (id) => `Twee vragen hebben de code "${id}". Geef elke vraag een eigen code.`));
    questions.forEach((question, index) => {
      problems.push(
        ...duplicates(question.options, 'value', `/questions/${index}/options`, (value) => `Twee keuzes bij deze vraag hebben de waarde "${value}". Geef elke keuze een eigen waarde.`),
      );
      if (question.type === 'scale' && (question.min ?? 1) >= (question.max ?? 5)) {
        problems.push({ field: `/questions/${index}/max`, code: 'invalid', message: 'Het hoogste punt van de schaal moet hoger zijn dan het laagste.' });
      }
    });
    const closesAt = d.closesAt as string | undefined;
    if (closesAt !== undefined && Date.parse(closesAt) <= now.getTime() && closesAt !== previous?.closesAt) {
      problems.push({ field: '/closesAt', code: 'in-the-past', message: 'Deze sluitingsdatum is al voorbij. Kies een moment in de toekomst.' });
    }
  }
  if (definition.type === 'meedenksessie') {
    const sessions = d.sessions as (Item & { start: string; end: string; deadline?: string })[];
    problems.push(...duplicates(sessions, 'id', '/sessions', (id) => `Twee sessies hebben de code "${id}". Geef elke sessie een eigen code.`));
    sessions.forEach((session, index) => {
      if (Date.parse(session.end) <= Date.parse(session.start)) {
        problems.push({ field: `/sessions/${index}/end`, code: 'invalid', message: 'De sessie moet eindigen na het begin.' });
      }
    });
    for (const list of ['roles', 'needs'] as const) {
      problems.push(...duplicates(d[list], 'value', `/${list}`, (value) => `Twee keuzes hebben de waarde "${value}". Geef elke keuze een eigen waarde.`));
    }
  }
  if (definition.type === 'ervaring') {
    for (const list of ['themes', 'regions', 'levels', 'consentOptions'] as const) {
      problems.push(...duplicates(d[list], 'value', `/${list}`, (value) => `Twee keuzes hebben de waarde "${value}". Geef elke keuze een eigen waarde.`));
    }
    if (typeof d.minLength === 'number' && typeof d.maxLength === 'number' && d.minLength > d.maxLength) {
      problems.push({ field: '/maxLength', code: 'invalid', message: 'De grootste lengte moet minstens even groot zijn als de kleinste.' });
    }
  }
  return { definition, problems };
}
