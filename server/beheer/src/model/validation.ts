import type { LocalizedText } from '../../../src/schema-types.js';
import {
  type Editable,
  type EditableType,
  type ErvaringDefinition,
  type MeedenksessieDefinition,
  type NetworksDefinition,
  type Option,
  type PeilingDefinition,
  textSlots,
} from './forms.js';
import { isPast } from './dates.js';
import { fieldId, getIn, join, segments } from './pointer.js';
import { languageOf } from './languages.js';
import { languagesIn, textIn } from './text.js';
import * as validators from './validators.generated.js';
import type { SchemaError } from './validators.generated.js';

/**
 * A problem with a definition, in plain Dutch, at the field it belongs to: `pointer` is a JSON
 * Pointer into the definition (as the server's 422 `field`), `lang` the language tab it is in
 * when it is about a text.
 */
export interface Problem {
  pointer: string;
  message: string;
  lang?: string;
  /** Said by the server (a 409 or 422): stays until the next save. */
  fromServer?: boolean;
}

export interface CheckContext {
  /** The definition as last saved: a date in the past that was already there is no new mistake. */
  saved?: Editable;
  now?: number;
}

/**
 * Every problem of a (stored-form) definition: first the console's own checks (Dutch texts,
 * duplicate values, dates in the past, ranges), then the JSON Schema's, one message per field.
 */
export function check(type: EditableType, definition: Editable, context: CheckContext = {}): Problem[] {
  const problems: Problem[] = [...textProblems(type, definition), ...ruleProblems(type, definition, context)];
  const validate = validators[type];
  if (!validate(definition)) {
    for (const error of validate.errors ?? []) {
      const problem = schemaProblem(type, definition, error);
      if (problem) problems.push(problem);
    }
  }
  // An option without a label (a network without a name) gets one message, at the label: its
  // value (id) is made from it.
  const parentOf = (pointer: string, leaf: string) => (pointer.endsWith(`/${leaf}`) ? pointer.slice(0, -leaf.length - 1) : undefined);
  const unnamed = new Set(problems.flatMap((problem) => [parentOf(problem.pointer, 'label'), parentOf(problem.pointer, 'name')]));
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const owner = parentOf(problem.pointer, 'value') ?? (problem.pointer.startsWith('/networks/') ? parentOf(problem.pointer, 'id') : undefined);
    if (owner !== undefined && unnamed.has(owner)) return false;
    const covered = [...seen].some((pointer) => problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`));
    seen.add(problem.pointer);
    return !covered;
  });
}

// --- texts -------------------------------------------------------------------------------

const REQUIRED_TEXT: [RegExp, string][] = [
  [/^\/title$/, 'Geef het formulier een titel.'],
  [/^\/questions\/\d+\/label$/, 'Vul de vraag in.'],
  [/\/options\/\d+\/label$/, 'Vul het antwoord in, of verwijder het.'],
  [/^\/sessions\/\d+\/title$/, 'Geef de sessie een titel.'],
  [/\/location\/name$/, 'Vul in waar de sessie is, of kies "online".'],
  [/^\/themes\/\d+\/label$/, 'Vul het thema in, of verwijder het.'],
  [/^\/networks\/\d+\/name$/, 'Vul de naam van het netwerk in.'],
];

function textProblems(type: EditableType, definition: Editable): Problem[] {
  const problems: Problem[] = [];
  for (const slot of textSlots(type, definition)) {
    const text = getIn(definition, slot.pointer) as LocalizedText | undefined;
    const dutch = textIn(text, 'nl').trim();
    if (dutch) continue;
    if (slot.required) {
      const message = REQUIRED_TEXT.find(([pattern]) => pattern.test(slot.pointer))?.[1] ?? 'Vul de Nederlandse tekst in, of verwijder dit.';
      problems.push({ pointer: slot.pointer, message, lang: 'nl' });
    } else if (languagesIn(text).length > 0) {
      problems.push({ pointer: slot.pointer, message: 'Vul ook de Nederlandse tekst in: die lezen ouders als hun eigen taal ontbreekt.', lang: 'nl' });
    }
  }
  return problems;
}

// --- rules the schema cannot say -------------------------------------------------------------

function duplicateValues(options: Option[] | undefined, base: string, noun: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  (options ?? []).forEach((option, i) => {
    const value = option.value.trim();
    if (!value) return;
    if (seen.has(value)) {
      problems.push({ pointer: `${base}/${i}/value`, message: `Twee ${noun} hebben de waarde "${value}". Geef elk een eigen waarde.` });
    }
    seen.add(value);
  });
  return problems;
}

function changed(context: CheckContext, pointer: string, value: unknown): boolean {
  return context.saved === undefined || getIn(context.saved, pointer) !== value;
}

function ruleProblems(type: EditableType, definition: Editable, context: CheckContext): Problem[] {
  const now = context.now ?? Date.now();
  const problems: Problem[] = [];
  if (type === 'peiling') {
    const poll = definition as PeilingDefinition;
    if (poll.closesAt && isPast(poll.closesAt, now) && changed(context, '/closesAt', poll.closesAt)) {
      problems.push({ pointer: '/closesAt', message: 'Deze sluitingsdatum ligt in het verleden. Kies een moment na nu, of laat het veld leeg.' });
    }
    poll.questions.forEach((question, q) => {
      const at = (...rest: (string | number)[]) => join('questions', q, ...rest);
      if (question.type === 'single' || question.type === 'multiple') {
        problems.push(...duplicateValues(question.options, at('options'), 'antwoorden'));
      }
      if (question.type === 'scale') {
        const min = question.min ?? 1;
        const max = question.max ?? 5;
        if (max <= min) problems.push({ pointer: at('max'), message: 'Het hoogste punt moet hoger zijn dan het laagste.' });
        else if (max - min > 10) problems.push({ pointer: at('max'), message: 'Een schaal heeft hoogstens 11 punten.' });
      }
    });
  } else if (type === 'meedenksessie') {
    const series = definition as MeedenksessieDefinition;
    series.sessions.forEach((session, s) => {
      const start = Date.parse(session.start);
      const end = Date.parse(session.end);
      if (session.start && isPast(session.start, now) && changed(context, join('sessions', s, 'start'), session.start)) {
        problems.push({ pointer: join('sessions', s, 'start'), message: 'Deze sessie begint in het verleden. Kies een datum na vandaag.' });
      }
      if (!Number.isNaN(start) && !Number.isNaN(end) && end <= start) {
        problems.push({ pointer: join('sessions', s, 'end'), message: 'De eindtijd moet na de begintijd liggen.' });
      }
      const deadline = session.deadline ? Date.parse(session.deadline) : NaN;
      if (!Number.isNaN(deadline) && !Number.isNaN(start) && deadline > start) {
        problems.push({ pointer: join('sessions', s, 'deadline'), message: 'Aanmelden moet sluiten vóór de sessie begint.' });
      }
      if (!session.online && !session.location) {
        problems.push({ pointer: join('sessions', s, 'location', 'name'), message: 'Vul in waar de sessie is, of kies "online".', lang: 'nl' });
      }
    });
    problems.push(...duplicateValues(series.roles, '/roles', 'rollen'), ...duplicateValues(series.needs, '/needs', 'behoeften'));
  } else if (type === 'ervaring') {
    const story = definition as ErvaringDefinition;
    problems.push(
      ...duplicateValues(story.themes, '/themes', 'thema’s'),
      ...duplicateValues(story.regions, '/regions', 'regio’s'),
      ...duplicateValues(story.consentOptions, '/consentOptions', 'keuzes'),
    );
    if (story.minLength !== undefined && story.maxLength !== undefined && story.minLength > story.maxLength) {
      problems.push({ pointer: '/maxLength', message: 'De grootste lengte moet minstens zo groot zijn als de kleinste.' });
    }
  } else {
    const list = definition as NetworksDefinition;
    const ids = new Set<string>();
    list.networks.forEach((network, n) => {
      if (ids.has(network.id)) problems.push({ pointer: join('networks', n, 'name'), message: 'Er is al een netwerk met deze naam. Maak de naam anders.', lang: 'nl' });
      ids.add(network.id);
    });
    problems.push(...duplicateValues(list.types, '/types', 'soorten'));
  }
  return problems;
}

// --- the schema's errors in Dutch -------------------------------------------------------------

const REQUIRED_FIELD: Record<string, string> = {
  title: 'Geef het formulier een titel.',
  label: 'Vul de tekst in.',
  options: 'Voeg antwoorden toe.',
  start: 'Vul de datum en begintijd in.',
  end: 'Vul de eindtijd in.',
  name: 'Vul de naam in.',
  type: 'Kies een soort.',
  value: 'Vul een waarde in.',
  gemeenten: 'Kies minstens één gemeente.',
  themes: 'Voeg minstens één thema toe.',
  sessions: 'Voeg minstens één sessie toe.',
  questions: 'Voeg minstens één vraag toe.',
};

const TOO_FEW: Record<string, string> = {
  questions: 'Voeg minstens één vraag toe.',
  options: 'Voeg minstens één antwoord toe.',
  sessions: 'Voeg minstens één sessie toe.',
  themes: 'Voeg minstens één thema toe.',
  consentOptions: 'Geef ouders minstens één keuze voor toestemming.',
};

const FORMAT: Record<string, string> = {
  'date-time': 'Vul een geldige datum en tijd in.',
  email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
};

function lastSegment(pointer: string): string {
  const parts = segments(pointer);
  return parts[parts.length - 1] ?? '';
}

/** The text slot a pointer lies in (`/questions/0/label/en` → `/questions/0/label`, language en). */
function inTextSlot(type: EditableType, definition: Editable, pointer: string): { pointer: string; lang?: string } | undefined {
  for (const slot of textSlots(type, definition)) {
    if (pointer === slot.pointer) return { pointer };
    if (pointer.startsWith(`${slot.pointer}/`)) return { pointer: slot.pointer, lang: lastSegment(pointer) };
  }
  return undefined;
}

/** One schema error as a problem a person can fix; `undefined` for errors that only repeat another. */
export function schemaProblem(type: EditableType, definition: Editable, error: SchemaError): Problem | undefined {
  const params = error.params;
  let pointer = error.instancePath;
  let message: string;
  switch (error.keyword) {
    case 'if':
    case 'anyOf':
      return undefined; // the branch's own error says what is wrong
    case 'required': {
      const missing = String(params.missingProperty);
      pointer = `${pointer}/${missing}`;
      message = REQUIRED_FIELD[missing] ?? 'Vul dit in.';
      break;
    }
    case 'minItems':
      message = TOO_FEW[lastSegment(pointer)] ?? 'Voeg er minstens één toe.';
      break;
    case 'maxItems':
      message = `Dit kunnen er hoogstens ${String(params.limit)} zijn. Verwijder er een paar.`;
      break;
    case 'minLength':
      message = lastSegment(pointer) === 'value' ? 'Geef dit antwoord een waarde voor de export.' : 'Vul dit in.';
      break;
    case 'maxLength':
      message = `Maak dit korter: hoogstens ${String(params.limit)} tekens.`;
      break;
    case 'pattern':
      message =
        lastSegment(pointer) === 'website'
          ? 'Vul het hele webadres in, met https:// ervoor.'
          : lastSegment(pointer) === 'id'
            ? 'Gebruik alleen letters zonder accenten, cijfers en streepjes, zonder spaties (hoogstens 100 tekens).'
            : 'Deze waarde heeft niet de goede vorm.';
      break;
    case 'format':
      message = FORMAT[String(params.format)] ?? 'Deze waarde heeft niet de goede vorm.';
      break;
    case 'minimum':
      message = `Vul een getal van ${String(params.limit)} of meer in.`;
      break;
    case 'maximum':
      message = `Vul een getal van ${String(params.limit)} of minder in.`;
      break;
    case 'type':
      message = params.type === 'integer' ? 'Vul een heel getal in.' : params.type === 'number' ? 'Vul een getal in.' : 'Vul dit in.';
      break;
    case 'enum':
    case 'const':
      message = 'Kies een van de mogelijkheden.';
      break;
    default:
      message = 'Deze waarde klopt niet. Kijk het na.';
  }
  const text = inTextSlot(type, definition, pointer);
  if (text) return { pointer: text.pointer, message: text.lang ? 'Vul de tekst in, of maak het veld leeg.' : 'Vul de Nederlandse tekst in.', lang: text.lang ?? 'nl' };
  return { pointer, message };
}

/**
 * A server error as a problem at its field: `field` is a JSON Pointer into the definition
 * (server/README.md, "Console API"); a pointer into one language of a text opens that tab.
 */
export function fromServer(type: EditableType, definition: Editable, error: { field?: string; message: string }): Problem {
  // A pointer into the definition, or the name of a setting beside it (`retentionDays`).
  const pointer = !error.field ? '' : error.field.startsWith('/') ? error.field : `/${error.field}`;
  const text = pointer ? inTextSlot(type, definition, pointer) : undefined;
  return { pointer: text?.pointer ?? pointer, message: error.message, lang: text ? (text.lang ?? 'nl') : undefined, fromServer: true };
}

/** Problems as the error summary lists them: a link to the field, the language said when it is not Dutch. */
export function summaryOf(problems: Problem[]): { target?: string; message: string }[] {
  return problems.map((problem) => ({
    target: problem.pointer ? fieldId(problem.pointer) : undefined,
    message: problem.lang && problem.lang !== 'nl' ? `${languageOf(problem.lang).name}: ${problem.message}` : problem.message,
  }));
}
