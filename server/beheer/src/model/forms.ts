import type {
  ErvaringDefinition,
  LocalizedText,
  MeedenksessieDefinition,
  NetworksDefinition,
  Option,
  PeilingDefinition,
  PeilingQuestion,
} from '../../../src/schema-types.js';
import { getIn, join, setIn } from './pointer.js';
import { languagesIn, storedText, textIn } from './text.js';

export type { ErvaringDefinition, MeedenksessieDefinition, NetworksDefinition, Option, PeilingDefinition, PeilingQuestion };

export type FormType = 'peiling' | 'meedenksessie' | 'ervaring';
export type Definition = PeilingDefinition | MeedenksessieDefinition | ErvaringDefinition;
/** What a builder edits: a form, or the organisation's networks list. */
export type Editable = Definition | NetworksDefinition;
export type EditableType = FormType | 'netwerkkaart';

export const FORM_TYPES: readonly { type: FormType; name: string; description: string }[] = [
  { type: 'peiling', name: 'Peiling', description: 'Een peiling of korte vragenlijst, met uitslag als je dat wilt.' },
  { type: 'meedenksessie', name: 'Meedenksessies', description: 'Ouders melden zich aan voor een of meer bijeenkomsten.' },
  { type: 'ervaring', name: 'Ervaringen', description: 'Ouders vertellen hun ervaring, anoniem als ze dat willen.' },
];

export function typeName(type: string): string {
  return FORM_TYPES.find((entry) => entry.type === type)?.name ?? type;
}

/**
 * Every text a parent reads in a definition, with where it is and what it is called in the
 * console. One list drives the Dutch-is-required check, the translations overview, which
 * languages a form has, and how texts are stored.
 */
export interface TextSlot {
  pointer: string;
  /** What the editor calls it, e.g. "Vraag 2: antwoord 1". */
  label: string;
  /** A parent cannot do without it (the schema requires it where it stands). */
  required: boolean;
}

function optionSlots(options: Option[] | undefined, base: string, name: (n: number) => string): TextSlot[] {
  return (options ?? []).map((_, i) => ({ pointer: join(...base.split('/').slice(1), i, 'label'), label: name(i + 1), required: true }));
}

export function textSlots(type: EditableType, definition: Editable): TextSlot[] {
  const slots: TextSlot[] = [];
  if (type !== 'netwerkkaart') {
    slots.push({ pointer: '/title', label: 'Titel', required: true }, { pointer: '/intro', label: 'Inleiding', required: false });
  }
  if (type === 'peiling') {
    (definition as PeilingDefinition).questions.forEach((question, q) => {
      const at = (...rest: (string | number)[]) => join('questions', q, ...rest);
      const name = `Vraag ${q + 1}`;
      slots.push({ pointer: at('label'), label: `${name}: de vraag`, required: true });
      slots.push({ pointer: at('hint'), label: `${name}: uitleg`, required: false });
      if (question.type === 'scale') {
        slots.push({ pointer: at('minLabel'), label: `${name}: tekst bij het laagste punt`, required: false });
        slots.push({ pointer: at('maxLabel'), label: `${name}: tekst bij het hoogste punt`, required: false });
      }
      if (question.type === 'single' || question.type === 'multiple') {
        slots.push(...optionSlots(question.options, at('options'), (n) => `${name}: antwoord ${n}`));
      }
    });
  } else if (type === 'meedenksessie') {
    const sessions = definition as MeedenksessieDefinition;
    sessions.sessions.forEach((session, s) => {
      const name = `Sessie ${s + 1}`;
      slots.push({ pointer: join('sessions', s, 'title'), label: `${name}: titel`, required: true });
      if (session.location) {
        slots.push({ pointer: join('sessions', s, 'location', 'name'), label: `${name}: plaats`, required: true });
        slots.push({ pointer: join('sessions', s, 'location', 'address'), label: `${name}: adres`, required: false });
      }
    });
    slots.push(...optionSlots(sessions.roles, '/roles', (n) => `Rol ${n}`));
    slots.push(...optionSlots(sessions.needs, '/needs', (n) => `Behoefte ${n}`));
  } else if (type === 'ervaring') {
    const story = definition as ErvaringDefinition;
    slots.push(...optionSlots(story.themes, '/themes', (n) => `Thema ${n}`));
    slots.push(...optionSlots(story.regions, '/regions', (n) => `Regio ${n}`));
    (story.prompts ?? []).forEach((_, p) => slots.push({ pointer: join('prompts', p), label: `Hulpvraag ${p + 1}`, required: true }));
    slots.push(...optionSlots(story.consentOptions, '/consentOptions', (n) => `Toestemming ${n}`));
  } else {
    const list = definition as NetworksDefinition;
    slots.push(...optionSlots(list.types, '/types', (n) => `Soort ${n}`));
    list.networks.forEach((_, n) => {
      slots.push({ pointer: join('networks', n, 'name'), label: `Netwerk ${n + 1}: naam`, required: true });
      slots.push({ pointer: join('networks', n, 'description'), label: `Netwerk ${n + 1}: beschrijving`, required: false });
    });
  }
  return slots;
}

/** Every language with at least one text in the definition; Dutch first, always. */
export function languagesOf(type: EditableType, definition: Editable): string[] {
  const found = new Set(['nl']);
  for (const slot of textSlots(type, definition)) {
    for (const lang of languagesIn(getIn(definition, slot.pointer) as LocalizedText | undefined)) found.add(lang);
  }
  return [...found];
}

/**
 * The definition as it is saved and previewed: every text trimmed, empty languages dropped, a
 * Dutch-only text as a plain string, an empty optional text left out. A required text with
 * nothing in it stays as `''`, so the checks point at it.
 */
export function stored<T extends Editable>(type: EditableType, definition: T): T {
  let result = definition;
  // An optional list with nothing in it is left out (consentOptions: the widget's defaults apply).
  for (const key of OPTIONAL_LISTS) {
    const list = (result as unknown as Record<string, unknown>)[key];
    if (Array.isArray(list) && list.length === 0) result = setIn(result, `/${key}`, undefined);
  }
  for (const slot of textSlots(type, definition)) {
    const value = storedText(getIn(definition, slot.pointer) as LocalizedText | undefined);
    if (value === undefined && !slot.required) result = setIn(result, slot.pointer, undefined);
    else result = setIn(result, slot.pointer, value ?? '');
  }
  return result;
}

const OPTIONAL_LISTS = ['roles', 'needs', 'regions', 'levels', 'prompts', 'consentOptions', 'types'];

/** Texts that have Dutch but not yet `lang`, per language other than Dutch. */
export function missingTranslations(type: EditableType, definition: Editable, languages: string[]): Map<string, TextSlot[]> {
  const missing = new Map<string, TextSlot[]>();
  const slots = textSlots(type, definition);
  for (const lang of languages.filter((code) => code !== 'nl')) {
    missing.set(
      lang,
      slots.filter((slot) => {
        const text = getIn(definition, slot.pointer) as LocalizedText | undefined;
        return textIn(text, 'nl').trim() !== '' && textIn(text, lang).trim() === '';
      }),
    );
  }
  return missing;
}

/** Drops one language's texts from every slot (the editor removed the language). */
export function withoutLanguage<T extends Editable>(type: EditableType, definition: T, lang: string): T {
  let result = definition;
  for (const slot of textSlots(type, definition)) {
    const text = getIn(definition, slot.pointer) as LocalizedText | undefined;
    if (text && typeof text === 'object' && lang in text) {
      const { [lang]: _dropped, ...rest } = text;
      result = setIn(result, slot.pointer, rest);
    }
  }
  return result;
}

// --- new forms -----------------------------------------------------------------------------

export function blankQuestion(id: string, type: PeilingQuestion['type'] = 'single'): PeilingQuestion {
  const question: PeilingQuestion = { id, type, label: '', required: true };
  if (type === 'single' || type === 'multiple') question.options = [{ value: '', label: '' }, { value: '', label: '' }];
  if (type === 'scale') Object.assign(question, { min: 1, max: 5 });
  return question;
}

/** What "Nieuw formulier" starts from: every field the form needs, the texts still empty. */
export function blankDefinition(type: FormType, id = ''): Definition {
  if (type === 'peiling') {
    return { type, id, title: '', questions: [blankQuestion('v1')], results: 'after-vote', integrity: 'open' };
  }
  if (type === 'meedenksessie') {
    return { type, id, title: '', sessions: [{ id: 's1', title: '', start: '', end: '' }] };
  }
  return { type, id, title: '', themes: [{ value: '', label: '' }] };
}

/** A free id of the form `prefix` + number among `taken` (questions v1, v2 …; sessions s1 …). */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
