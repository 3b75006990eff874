/**
 * Stories for their moderators: read them, tag themes, leave out what identifies a child (a name,
 * a school, a diagnosis) before anything is quoted, and decide per consent level where they may
 * be used. Only a redacteur (and up) ever sees a left-out passage; every other view and every
 * export gets the story with the passage replaced.
 */
import type { Database, Queryable } from '../db.js';
import type { ErvaringDefinition, Form, ServerConfig } from '../content.js';
import { ApiError, type Problem } from '../messages.js';
import { refuse } from '../beheer/input.js';
import { answerDeleteAt } from '../retention.js';
import { dutch, labelOf, searchable } from './common.js';

/** Where a story may be used. */
export const USES = ['analyse', 'rapport', 'publicatie'] as const;
export type Use = (typeof USES)[number];

export const USE_LABELS: Record<Use, string> = {
  analyse: 'lezen en analyseren binnen de organisatie',
  rapport: 'anoniem citeren in een verslag of het gezamenlijke bericht',
  publicatie: 'openbaar citeren, zoals op een website of in de terugkoppeling',
};

/** What the parent agreed to with the widget's three default levels: never more than this. */
const MOST: Record<string, readonly Use[]> = {
  internal: ['analyse'],
  'quote-anonymous': USES,
  'first-name': USES,
};

/** The widget's default levels, in Dutch, for a form without `consentOptions`. */
const DEFAULT_CONSENT = [
  { value: 'internal', label: 'Alleen gebruiken om zelf van te leren' },
  { value: 'quote-anonymous', label: 'Stukjes eruit gebruiken, zonder naam' },
  { value: 'first-name', label: 'Delen met de voornaam erbij' },
];

export function consentOptionsOf(definition: ErvaringDefinition): { value: string; label: string }[] {
  return definition.consentOptions?.map((option) => ({ value: option.value, label: dutch(option.label) })) ?? DEFAULT_CONSENT;
}

/** Per consent level, where its stories may be used: what the coordinator chose, else the most the level allows (internal: only analyse; a form's own levels: only analyse until chosen). */
export function usesOf(definition: ErvaringDefinition, stored: Record<string, Use[]> | null): Record<string, Use[]> {
  return Object.fromEntries(
    consentOptionsOf(definition).map(({ value }) => [value, stored?.[value] ?? [...(MOST[value] ?? ['analyse'])]]),
  );
}

/** Checks a choice of uses per consent level: known levels, known uses, never more than the parent agreed to. */
export function checkUses(definition: ErvaringDefinition, given: unknown): Record<string, Use[]> {
  const problems: Problem[] = [];
  if (given === null || typeof given !== 'object' || Array.isArray(given)) refuse([{ field: 'uses', code: 'invalid', message: 'Stuur per toestemming een lijst van gebruik.' }]);
  const levels = new Map(consentOptionsOf(definition).map((option) => [option.value, option.label]));
  const uses: Record<string, Use[]> = {};
  for (const [level, list] of Object.entries(given as Record<string, unknown>)) {
    if (!levels.has(level)) {
      problems.push({ field: `uses.${level}`, code: 'unknown-consent', message: `Dit formulier kent de toestemming "${level}" niet.` });
      continue;
    }
    if (!Array.isArray(list) || list.some((use) => !(USES as readonly string[]).includes(use))) {
      problems.push({ field: `uses.${level}`, code: 'invalid', message: `Kies voor "${levels.get(level)}" uit: ${USES.join(', ')}.` });
      continue;
    }
    const allowed = MOST[level] ?? USES;
    const beyond = (list as Use[]).filter((use) => !allowed.includes(use));
    if (beyond.length > 0) {
      problems.push({
        field: `uses.${level}`,
        code: 'beyond-consent',
        message: `Ouders die kozen voor "${levels.get(level)}" gaven geen toestemming voor ${beyond.map((use) => USE_LABELS[use]).join(' of ')}. Dat kan daarom niet.`,
      });
      continue;
    }
    uses[level] = USES.filter((use) => (list as string[]).includes(use));
  }
  if (problems.length > 0) refuse(problems);
  return uses;
}

export const REDACTION_KINDS = ['naam', 'school', 'diagnose', 'anders'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** A passage left out: from `start` up to `end`, counted in characters (code points) of the story as written. */
export interface Redaction {
  start: number;
  end: number;
  kind: RedactionKind;
}

const REPLACEMENT: Record<RedactionKind, string> = { naam: '[naam]', school: '[school]', diagnose: '[diagnose]', anders: '[weggelaten]' };

/** The story with every left-out passage replaced by what it was (`[naam]`, `[school]` …). */
export function redact(story: string, redactions: readonly Redaction[]): string {
  if (redactions.length === 0) return story;
  const characters = [...story];
  let text = '';
  let at = 0;
  for (const redaction of [...redactions].sort((a, b) => a.start - b.start)) {
    text += characters.slice(at, redaction.start).join('') + REPLACEMENT[redaction.kind];
    at = redaction.end;
  }
  return text + characters.slice(at).join('');
}

/** Checks redactions against the story: inside it, not overlapping, a known kind; sorted. */
export function checkRedactions(story: string, given: unknown): Redaction[] {
  const length = [...story].length;
  const fail = (message: string): never => refuse([{ field: 'redactions', code: 'invalid', message }]);
  if (!Array.isArray(given) || given.length > 200) fail('Stuur de weggelaten stukken als lijst (hoogstens 200).');
  const redactions = (given as unknown[]).map((item) => {
    const { start, end, kind } = (item ?? {}) as Record<string, unknown>;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) > length || (start as number) >= (end as number)) {
      fail('Een weggelaten stuk valt buiten het verhaal. Laad het verhaal opnieuw en kies het stuk nog eens.');
    }
    if (!(REDACTION_KINDS as readonly unknown[]).includes(kind)) fail(`Kies wat je weglaat: ${REDACTION_KINDS.join(', ')}.`);
    return { start, end, kind } as Redaction;
  });
  redactions.sort((a, b) => a.start - b.start);
  for (let index = 1; index < redactions.length; index++) {
    if (redactions[index]!.start < redactions[index - 1]!.end) fail('Twee weggelaten stukken overlappen. Maak er één stuk van.');
  }
  return redactions;
}

interface StoryRow {
  submission_id: string;
  created_at: Date;
  lang: string;
  story: string;
  themes: string[];
  region: string | null;
  level: string | null;
  consent: string;
  anonymous: boolean;
  contact_name: string | null;
  contact_email: string | null;
  tags: string[] | null;
  redactions: Redaction[] | null;
  read_at: Date | null;
}

/** The stories of a form with their moderation, oldest first. Withdrawn stories are gone from the table. */
export async function readStories(db: Queryable, formId: string): Promise<StoryRow[]> {
  const { rows } = await db.query<StoryRow>(
    `SELECT s.submission_id, s.created_at, s.lang, s.story, s.themes, s.region, s.level, s.consent, s.anonymous, s.contact_name, s.contact_email,
            m.tags, m.redactions, m.read_at
     FROM stories s LEFT JOIN story_moderation m ON m.submission_id = s.submission_id
     WHERE s.form_id = $1 ORDER BY s.created_at, s.submission_id`,
    [formId],
  );
  return rows;
}

export async function storedUses(db: Queryable, formId: string): Promise<Record<string, Use[]> | null> {
  const { rows } = await db.query<{ story_uses: Record<string, Use[]> | null }>('SELECT story_uses FROM forms WHERE id = $1', [formId]);
  return rows[0]?.story_uses ?? null;
}

export interface StoryView {
  id: string;
  receivedAt: string;
  lang: string;
  /** The story as it may be quoted: every left-out passage replaced. */
  text: string;
  /** Only for a redacteur: the story as written, and what was left out of it. */
  original?: string;
  redactions?: Redaction[];
  themes: { value: string; label: string }[];
  tags: string[];
  region: { value: string; label: string } | null;
  level: { value: string; label: string } | null;
  consent: { value: string; label: string };
  uses: Use[];
  anonymous: boolean;
  contact: { name: string | null; email: string | null } | null;
  read: boolean;
  deleteAt: string;
}

export interface StoryQuery {
  theme?: string;
  q?: string;
  unread?: boolean;
  use?: Use;
}

export function storyView(form: Form, config: Pick<ServerConfig, 'retentionDays'>, row: StoryRow, uses: Record<string, Use[]>, original: boolean): StoryView {
  const definition = form.definition as ErvaringDefinition;
  const redactions = row.redactions ?? [];
  const option = (options: { value: string; label: unknown }[] | undefined, value: string | null) =>
    value === null ? null : { value, label: labelOf(options as never, value) };
  return {
    id: row.submission_id,
    receivedAt: row.created_at.toISOString(),
    lang: row.lang,
    text: redact(row.story, redactions),
    ...(original ? { original: row.story, redactions } : {}),
    themes: row.themes.map((value) => ({ value, label: labelOf(definition.themes, value) })),
    tags: row.tags ?? [],
    region: option(definition.regions, row.region),
    level: option(definition.levels, row.level),
    consent: { value: row.consent, label: consentOptionsOf(definition).find((item) => item.value === row.consent)?.label ?? row.consent },
    uses: uses[row.consent] ?? ['analyse'],
    anonymous: row.anonymous,
    contact: row.anonymous ? null : { name: row.contact_name, email: row.contact_email },
    read: row.read_at !== null,
    deleteAt: answerDeleteAt(row.created_at, form, config).toISOString(),
  };
}

/** The themes a story counts under: those the parent chose and those its moderators tagged. */
export function themesOf(story: StoryView): string[] {
  return [...new Set([...story.themes.map((theme) => theme.value), ...story.tags])];
}

/** The moderation list: newest first, narrowed by theme, search (in what this role may see), unread and use. */
export async function listStories(
  db: Queryable,
  form: Form,
  config: Pick<ServerConfig, 'retentionDays'>,
  query: StoryQuery,
  original: boolean,
): Promise<{ stories: StoryView[]; uses: Record<string, Use[]>; total: number; unread: number }> {
  const definition = form.definition as ErvaringDefinition;
  const uses = usesOf(definition, await storedUses(db, definition.id));
  const all = (await readStories(db, definition.id)).map((row) => storyView(form, config, row, uses, original)).reverse();
  const needle = query.q ? searchable(query.q) : '';
  const stories = all.filter(
    (story) =>
      (!query.theme || themesOf(story).includes(query.theme)) &&
      (!query.unread || !story.read) &&
      (!query.use || story.uses.includes(query.use)) &&
      // A lezer searches the story as it may be quoted: a left-out passage cannot be found by guessing it.
      (!needle || searchable(original ? story.original! : story.text).includes(needle)),
  );
  return { stories, uses, total: all.length, unread: all.filter((story) => !story.read).length };
}

export interface ThemeGroup {
  value: string;
  label: string;
  count: number;
  stories: Pick<StoryView, 'id' | 'receivedAt' | 'text' | 'consent' | 'uses'>[];
}

/**
 * The stories by theme, for an oudersraad writing its shared message: per theme how many, and
 * the stories as they may be quoted (only those that may be used for `use` when given). A story
 * counts under every theme it has; stories without one are under "zonder thema".
 */
export async function storiesByTheme(db: Queryable, form: Form, config: Pick<ServerConfig, 'retentionDays'>, use?: Use): Promise<ThemeGroup[]> {
  const definition = form.definition as ErvaringDefinition;
  const { stories } = await listStories(db, form, config, use ? { use } : {}, false);
  const groups = new Map<string, ThemeGroup>();
  for (const theme of definition.themes) groups.set(theme.value, { value: theme.value, label: dutch(theme.label), count: 0, stories: [] });
  for (const story of stories) {
    const themes = themesOf(story);
    for (const value of themes.length > 0 ? themes : ['']) {
      let group = groups.get(value);
      if (!group) groups.set(value, (group = { value, label: value === '' ? 'zonder thema' : value, count: 0, stories: [] }));
      group.count++;
      group.stories.push({ id: story.id, receivedAt: story.receivedAt, text: story.text, consent: story.consent, uses: story.uses });
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

export interface StoryPatch {
  read?: boolean;
  tags?: string[];
  redactions?: Redaction[];
}

/** Reads a moderation change from the console's body; 422 with the field for anything wrong. */
export function patchOf(story: string, body: Record<string, unknown>): StoryPatch {
  const patch: StoryPatch = {};
  if (body.read !== undefined) {
    if (typeof body.read !== 'boolean') refuse([{ field: 'read', code: 'invalid', message: 'Gelezen is waar of onwaar.' }]);
    patch.read = body.read as boolean;
  }
  if (body.tags !== undefined) {
    const tags = body.tags;
    if (!Array.isArray(tags) || tags.length > 20 || tags.some((tag) => typeof tag !== 'string' || tag.trim() === '' || [...tag.trim()].length > 60)) {
      refuse([{ field: 'tags', code: 'invalid', message: 'Geef hoogstens 20 thema\u2019s, elk van 1 tot 60 tekens.' }]);
    }
    patch.tags = [...new Set((tags as string[]).map((tag) => tag.trim()))];
  }
  if (body.redactions !== undefined) patch.redactions = checkRedactions(story, body.redactions);
  return patch;
}

/** Saves a moderation change of one story of this form; 404 when the story is gone (withdrawn, or deleted). */
export async function updateStory(db: Database, form: Form, storyId: string, body: Record<string, unknown>, userId: string): Promise<StoryPatch> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ story: string }>('SELECT story FROM stories WHERE submission_id = $1 AND form_id = $2 FOR UPDATE', [
      storyId,
      form.definition.id,
    ]);
    if (!rows[0]) throw new ApiError(404, [{ code: 'not-found', message: 'Dit verhaal is er niet meer: de ouder heeft het ingetrokken, of de bewaartermijn is voorbij.' }]);
    const patch = patchOf(rows[0].story, body);
    await tx.query(
      `INSERT INTO story_moderation (submission_id, form_id, tags, redactions, read_at, updated_by)
       VALUES ($1, $2, coalesce($3::jsonb, '[]'), coalesce($4::jsonb, '[]'), CASE WHEN $5::boolean THEN now() END, $6)
       ON CONFLICT (submission_id) DO UPDATE SET
         tags = coalesce($3::jsonb, story_moderation.tags),
         redactions = coalesce($4::jsonb, story_moderation.redactions),
         read_at = CASE WHEN $5::boolean IS NULL THEN story_moderation.read_at WHEN $5 THEN coalesce(story_moderation.read_at, now()) END,
         updated_at = now(), updated_by = $6`,
      [
        storyId,
        form.definition.id,
        patch.tags === undefined ? null : JSON.stringify(patch.tags),
        patch.redactions === undefined ? null : JSON.stringify(patch.redactions),
        patch.read ?? null,
        userId,
      ],
    );
    return patch;
  });
}

export async function saveUses(db: Queryable, formId: string, uses: Record<string, Use[]>): Promise<void> {
  await db.query('UPDATE forms SET story_uses = coalesce(story_uses, \'{}\'::jsonb) || $2::jsonb, updated_at = now() WHERE id = $1', [formId, JSON.stringify(uses)]);
}
