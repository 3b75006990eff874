import type { Database, Queryable } from './db.js';
import { toForm, type AuthoredDefinition, type Form, type FormType, type LocalizedText } from './content.js';
import { ApiError, type Problem } from './messages.js';
import { bodyHash, syncSessions } from './store.js';
import { publishedSessionChanges, type PublishedChanges, type SessionMail } from './sessions.js';

/** concept → gepubliceerd → gesloten → gearchiveerd. Saving never publishes. */
export type FormState = 'concept' | 'gepubliceerd' | 'gesloten' | 'gearchiveerd';
export const FORM_STATES: readonly FormState[] = ['concept', 'gepubliceerd', 'gesloten', 'gearchiveerd'];

interface FormRow {
  id: string;
  organisation_id: string;
  type: FormType;
  state: FormState;
  published_version: number | null;
  closed_at: Date | null;
  allowed_origins: string[];
  retention_days: number | null;
  imported_hash: string | null;
  updated_at: Date;
}

const FORM_COLUMNS = 'id, organisation_id, type, state, published_version, closed_at, allowed_origins, retention_days, imported_hash, updated_at';

/** Fields of a definition that are form settings, not part of a version (they count at once). */
const SETTINGS_FIELDS = ['allowedOrigins', 'retentionDays'] as const;

/**
 * What a version keeps of a definition as written: everything but the form's settings, except a
 * story form's `retentionDays`, which the parent is shown and so belongs to what they answered.
 */
export function versionOf(authored: AuthoredDefinition): AuthoredDefinition {
  const definition: Record<string, unknown> = { ...authored };
  for (const field of SETTINGS_FIELDS) {
    if (field === 'retentionDays' && authored.type === 'ervaring') continue;
    delete definition[field];
  }
  return definition as AuthoredDefinition;
}

export function sameDefinition(a: unknown, b: unknown): boolean {
  return bodyHash(a) === bodyHash(b);
}

export async function readVersion(db: Queryable, formId: string, version: number): Promise<AuthoredDefinition | undefined> {
  const { rows } = await db.query<{ definition: AuthoredDefinition }>('SELECT definition FROM form_versions WHERE form_id = $1 AND version = $2', [
    formId,
    version,
  ]);
  return rows[0]?.definition;
}

// Versions never change once written, so for the parents' requests each process keeps the ones it
// has read, per database (tests open several) and per form row (its `created_at`, in case a form
// is ever deleted and its id used again). Everything that can change (state, published version,
// origins) is read on every request, so a publish or a new origin counts at once in every process.
const versionCache = new WeakMap<Queryable, Map<string, AuthoredDefinition>>();
const VERSION_CACHE_SIZE = 500;

async function cachedVersion(db: Queryable, formId: string, version: number, generation: Date): Promise<AuthoredDefinition | undefined> {
  let cache = versionCache.get(db);
  if (!cache) versionCache.set(db, (cache = new Map()));
  const key = `${generation.toISOString()} ${version} ${formId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const definition = await readVersion(db, formId, version);
  if (!definition) return undefined;
  if (cache.size >= VERSION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, definition);
  return definition;
}

/** What the parent-facing routes know of a form: who may use it, and what parents get. */
export interface FormAccess {
  id: string;
  organisationId: string;
  state: FormState;
  organisationOrigins: string[];
  formOrigins: string[];
  /** The published version with its closed state applied; absent for a concept or an archived form. */
  live?: Form;
  /** Closed by its coordinator: a poll or sign-up shows it by its dates, a story form answers `form-closed`. */
  closed: boolean;
  /** The sender of the organisation's own e-mail settings (the console's), if it has them; else the server's apply. */
  organisationMailFrom: string | null;
}

/** One query for the form's state and origins (and one more the first time a version is read). */
export async function formAccess(db: Queryable, id: string): Promise<FormAccess | undefined> {
  const { rows } = await db.query<FormRow & { organisation_origins: string[]; created_at: Date; mail_from: string | null }>(
    `SELECT f.organisation_id, f.state, f.published_version, f.closed_at, f.allowed_origins, f.retention_days, f.created_at,
            o.allowed_origins AS organisation_origins, m.mail_from
     FROM forms f JOIN organisations o ON o.id = f.organisation_id
     LEFT JOIN organisation_mail m ON m.organisation_id = f.organisation_id WHERE f.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const access: FormAccess = {
    id,
    organisationId: row.organisation_id,
    state: row.state,
    organisationOrigins: row.organisation_origins,
    formOrigins: row.allowed_origins,
    closed: row.state === 'gesloten',
    organisationMailFrom: row.mail_from,
  };
  if ((row.state === 'gepubliceerd' || row.state === 'gesloten') && row.published_version !== null) {
    const authored = await cachedVersion(db, id, row.published_version, row.created_at);
    if (authored) {
      const form = toForm(authored, row.published_version, { allowedOrigins: row.allowed_origins, retentionDays: row.retention_days });
      access.live = row.state === 'gesloten' ? closedForm(form, row.closed_at ?? new Date()) : form;
    }
  }
  return access;
}

function earlier(iso: string | undefined, than: Date): string {
  return iso !== undefined && Date.parse(iso) <= than.getTime() ? iso : than.toISOString();
}

/**
 * A closed form as parents see it, in the terms the widgets already know: a poll's `closesAt` and
 * each session's `deadline` are moved to the moment it was closed (when they were later).
 */
function closedForm(form: Form, closedAt: Date): Form {
  const definition = form.definition;
  if (definition.type === 'peiling') return { ...form, definition: { ...definition, closesAt: earlier(definition.closesAt, closedAt) } };
  if (definition.type === 'meedenksessie') {
    return {
      ...form,
      definition: {
        ...definition,
        sessions: definition.sessions.map((session) => ({ ...session, deadline: earlier(session.deadline ?? session.start, closedAt) })),
      },
    };
  }
  return form;
}

/** The version an export or the command line reads: the published one, else the newest. */
export async function currentForm(db: Queryable, id: string): Promise<(Form & { organisationId: string }) | undefined> {
  const { rows } = await db.query<FormRow & { newest: number }>(
    `SELECT ${FORM_COLUMNS}, (SELECT max(version) FROM form_versions WHERE form_id = forms.id) AS newest FROM forms WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const version = row.published_version ?? row.newest;
  const authored = await readVersion(db, id, version);
  if (!authored) return undefined;
  return { ...toForm(authored, version, { allowedOrigins: row.allowed_origins, retentionDays: row.retention_days }), organisationId: row.organisation_id };
}

// ---------------------------------------------------------------------------------------------
// The console's view and changes. Every function takes the organisation and finds nothing of another.

export interface FormSummary {
  id: string;
  type: FormType;
  title: LocalizedText;
  state: FormState;
  version: number;
  publishedVersion: number | null;
  updatedAt: string;
  responses: number;
}

export interface FormDetail extends Omit<FormSummary, 'title'> {
  allowedOrigins: string[];
  retentionDays: number | null;
  definition: AuthoredDefinition;
  versions: { version: number; createdAt: string; createdBy: { id: string; email: string; name: string } | null }[];
}

/** Stored answers per form: votes, sign-ups or stories. */
const RESPONSES_SQL = `SELECT form_id, count(*)::int AS n FROM votes WHERE form_id = ANY ($1) GROUP BY form_id
  UNION ALL SELECT form_id, count(*)::int FROM signups WHERE form_id = ANY ($1) GROUP BY form_id
  UNION ALL SELECT form_id, count(*)::int FROM stories WHERE form_id = ANY ($1) GROUP BY form_id`;

async function responseCounts(db: Queryable, ids: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ form_id: string; n: number }>(RESPONSES_SQL, [ids]);
  return new Map(rows.map((row) => [row.form_id, row.n]));
}

export async function listForms(db: Queryable, organisationId: string): Promise<FormSummary[]> {
  const { rows } = await db.query<FormRow & { version: number; definition: AuthoredDefinition }>(
    `SELECT f.id, f.type, f.state, f.published_version, f.updated_at, v.version, v.definition
     FROM forms f JOIN form_versions v ON v.form_id = f.id
       AND v.version = (SELECT max(version) FROM form_versions WHERE form_id = f.id)
     WHERE f.organisation_id = $1 ORDER BY f.updated_at DESC, f.id`,
    [organisationId],
  );
  const responses = await responseCounts(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    title: row.definition.title as LocalizedText,
    state: row.state,
    version: row.version,
    publishedVersion: row.published_version,
    updatedAt: row.updated_at.toISOString(),
    responses: responses.get(row.id) ?? 0,
  }));
}

async function formRow(db: Queryable, organisationId: string, id: string, lock = false): Promise<FormRow> {
  const { rows } = await db.query<FormRow>(
    `SELECT ${FORM_COLUMNS} FROM forms WHERE id = $1 AND organisation_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [id, organisationId],
  );
  if (!rows[0]) throw notFound();
  return rows[0];
}

export function notFound(): ApiError {
  return new ApiError(404, [{ code: 'not-found', message: 'Dit formulier bestaat niet (meer), of hoort niet bij jouw organisatie.' }]);
}

export async function getForm(db: Queryable, organisationId: string, id: string): Promise<FormDetail> {
  const row = await formRow(db, organisationId, id);
  const { rows: versions } = await db.query<{ version: number; created_at: Date; user_id: string | null; email: string | null; name: string | null }>(
    `SELECT v.version, v.created_at, u.id AS user_id, u.email, u.name
     FROM form_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.form_id = $1 ORDER BY v.version`,
    [id],
  );
  const newest = versions[versions.length - 1]!.version;
  const definition = (await readVersion(db, id, newest))!;
  const responses = await responseCounts(db, [id]);
  return {
    id,
    type: row.type,
    state: row.state,
    version: newest,
    publishedVersion: row.published_version,
    updatedAt: row.updated_at.toISOString(),
    responses: responses.get(id) ?? 0,
    allowedOrigins: row.allowed_origins,
    retentionDays: row.retention_days,
    definition,
    versions: versions.map((version) => ({
      version: version.version,
      createdAt: version.created_at.toISOString(),
      createdBy: version.user_id ? { id: version.user_id, email: version.email!, name: version.name! } : null,
    })),
  };
}

export interface FormSettings {
  allowedOrigins?: string[];
  retentionDays?: number | null;
}

/** A story form's retention is also in its definition (the parent reads it); the two are kept equal. */
function withRetention(definition: AuthoredDefinition, retentionDays: number | null | undefined): AuthoredDefinition {
  if (definition.type !== 'ervaring' || retentionDays === undefined) return definition;
  const { retentionDays: _old, ...rest } = definition;
  return (retentionDays === null ? rest : { ...rest, retentionDays }) as AuthoredDefinition;
}

function retentionOf(definition: AuthoredDefinition, settings: FormSettings): number | null | undefined {
  if (settings.retentionDays !== undefined) return settings.retentionDays;
  return definition.type === 'ervaring' ? ((definition.retentionDays as number | undefined) ?? null) : undefined;
}

export async function createForm(
  db: Database,
  organisationId: string,
  definition: AuthoredDefinition,
  settings: FormSettings,
  userId: string | null,
): Promise<void> {
  const retentionDays = retentionOf(definition, settings) ?? null;
  await db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO forms (id, organisation_id, type, allowed_origins, retention_days) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [definition.id, organisationId, definition.type, settings.allowedOrigins ?? [], retentionDays],
    );
    if (inserted.rows.length === 0) {
      throw new ApiError(409, [
        { field: '/id', code: 'id-taken', message: `De code "${definition.id}" is al in gebruik voor een ander formulier. Kies een andere code.` },
      ]);
    }
    await tx.query('INSERT INTO form_versions (form_id, version, definition, created_by) VALUES ($1, 1, $2, $3)', [
      definition.id,
      JSON.stringify(versionOf(withRetention(definition, retentionDays))),
      userId,
    ]);
  });
}

async function newestVersion(db: Queryable, id: string): Promise<number> {
  const { rows } = await db.query<{ newest: number }>('SELECT max(version) AS newest FROM form_versions WHERE form_id = $1', [id]);
  return rows[0]!.newest;
}

export interface SaveResult {
  /** The version written, or undefined when the definition did not change (only settings did). */
  version?: number;
  changed: string[];
}

/**
 * Saves a new version (never publishes it) and the form's settings. Refused with 409 when
 * `baseVersion` is not the newest (someone else saved in between) or when the form has answers
 * that the new version would make unreadable.
 */
export async function saveForm(
  db: Database,
  organisationId: string,
  id: string,
  baseVersion: number,
  authored: AuthoredDefinition,
  settings: FormSettings,
  userId: string | null,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const row = await formRow(tx, organisationId, id, true);
    if (authored.id !== id || authored.type !== row.type) {
      throw new ApiError(422, [
        authored.id !== id
          ? { field: '/id', code: 'id-changed', message: `De code van een formulier blijft altijd "${id}". Zet die terug.` }
          : { field: '/type', code: 'type-changed', message: 'Het soort formulier kan niet veranderen. Maak een nieuw formulier.' },
      ]);
    }
    const newest = await newestVersion(tx, id);
    if (baseVersion !== newest) {
      throw new ApiError(409, [
        {
          code: 'version-conflict',
          message: `Iemand anders heeft dit formulier intussen opgeslagen (versie ${newest}; jij bewerkte versie ${baseVersion}). Laad het opnieuw en breng je wijziging dan nog eens aan.`,
        },
      ]);
    }
    const retentionDays = retentionOf(authored, settings);
    const definition = versionOf(withRetention(authored, retentionDays));
    const previous = (await readVersion(tx, id, newest))!;
    const changed: string[] = [];
    let version: number | undefined;
    if (!sameDefinition(previous, definition)) {
      const problems = await breakingChanges(tx, id, definition);
      if (problems.length > 0) throw new ApiError(409, problems);
      version = newest + 1;
      await tx.query('INSERT INTO form_versions (form_id, version, definition, created_by) VALUES ($1, $2, $3, $4)', [
        id,
        version,
        JSON.stringify(definition),
        userId,
      ]);
      changed.push('definition');
    }
    if (settings.allowedOrigins !== undefined && !sameDefinition(settings.allowedOrigins, row.allowed_origins)) changed.push('allowedOrigins');
    if (retentionDays !== undefined && retentionDays !== row.retention_days) changed.push('retentionDays');
    await tx.query(
      `UPDATE forms SET allowed_origins = $3, retention_days = $4, updated_at = now() WHERE id = $1 AND organisation_id = $2`,
      [id, organisationId, settings.allowedOrigins ?? row.allowed_origins, retentionDays === undefined ? row.retention_days : retentionDays],
    );
    return { ...(version === undefined ? {} : { version }), changed };
  });
}

/**
 * Publishes a version: parents get it from this moment, in every server process. For a sign-up
 * form, the parents of each session whose time or place changed hear of it in this transaction
 * (with `mail`), and new places go to the waiting list.
 */
export async function publishForm(db: Database, organisationId: string, id: string, version: number, mail?: SessionMail): Promise<PublishedChanges> {
  return db.transaction(async (tx) => {
    const row = await formRow(tx, organisationId, id, true);
    const definition = await readVersion(tx, id, version);
    if (!definition) {
      throw new ApiError(422, [{ field: 'version', code: 'unknown-version', message: `Versie ${version} van dit formulier bestaat niet. Kies een bestaande versie.` }]);
    }
    // Answers may have come in on the published version since this one was saved.
    const problems = await breakingChanges(tx, id, definition);
    if (problems.length > 0) throw new ApiError(409, problems);
    await tx.query(
      `UPDATE forms SET state = 'gepubliceerd', published_version = $2, closed_at = NULL, updated_at = now() WHERE id = $1`,
      [id, version],
    );
    const form = toForm(definition, version);
    await syncSessions(tx, [form]);
    if (definition.type !== 'meedenksessie') return { changed: [], promoted: 0 };
    const previous = row.published_version === null ? undefined : await readVersion(tx, id, row.published_version);
    return publishedSessionChanges(tx, form, previous, mail);
  });
}

/** Closes, reopens or archives a form. A form that was never published can only be archived. */
export async function setFormState(db: Database, organisationId: string, id: string, state: FormState): Promise<FormState> {
  return db.transaction(async (tx) => {
    const row = await formRow(tx, organisationId, id, true);
    if (state === 'concept') {
      throw new ApiError(422, [{ field: 'state', code: 'invalid-state', message: 'Een formulier kan niet terug naar concept. Sla een nieuwe versie op; die blijft concept tot je hem publiceert.' }]);
    }
    if ((state === 'gepubliceerd' || state === 'gesloten') && row.published_version === null) {
      throw new ApiError(409, [{ field: 'state', code: 'not-published', message: 'Dit formulier is nog nooit gepubliceerd. Publiceer eerst een versie.' }]);
    }
    await tx.query(
      `UPDATE forms SET state = $2, closed_at = CASE WHEN $2 = 'gesloten' THEN coalesce(closed_at, now()) ELSE NULL END, updated_at = now()
       WHERE id = $1`,
      [id, state],
    );
    return row.state;
  });
}

// ---------------------------------------------------------------------------------------------
// Breaking changes: what a new version may not do to answers already stored.

function label(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') {
    const texts = text as Record<string, string>;
    return texts.nl ?? Object.values(texts)[0] ?? '';
  }
  return '';
}

type Options = { value: string; label?: unknown }[] | undefined;

function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

/**
 * Everything in `next` that would leave stored answers without meaning: a question with answers
 * removed or of another type, a chosen option or scale step gone, a session with sign-ups removed
 * or below its sign-ups, a theme, region, level, role, need or consent that was given gone.
 * Each problem names what and why, in Dutch, with a JSON Pointer into `next`.
 */
export async function breakingChanges(db: Queryable, formId: string, next: AuthoredDefinition): Promise<Problem[]> {
  if (next.type === 'peiling') return pollProblems(db, formId, next);
  if (next.type === 'meedenksessie') return signUpProblems(db, formId, next);
  return storyProblems(db, formId, next);
}

const KEEP = 'Zo blijven de antwoorden die er al zijn te lezen. Wil je het toch anders? Sluit dit formulier en maak een nieuw.';

async function pollProblems(db: Queryable, formId: string, next: AuthoredDefinition): Promise<Problem[]> {
  const questions = next.questions as { id: string; type: string; label: unknown; options?: Options; other?: boolean; min?: number; max?: number }[];
  const answered = await db.query<{ question: string; n: number }>(
    'SELECT key AS question, count(*)::int AS n FROM votes, jsonb_object_keys(answers) AS key WHERE form_id = $1 GROUP BY key',
    [formId],
  );
  if (answered.rows.length === 0) return [];
  const chosen = await db.query<{ question_id: string; value: string; n: number }>(
    // The running tally holds a count per chosen value (summed over its shards); '' is a question's or the form's total.
    `SELECT question_id, value, sum(n)::int AS n FROM tally WHERE form_id = $1 AND question_id <> '' AND value <> ''
     GROUP BY question_id, value HAVING sum(n) > 0 ORDER BY question_id, value`,
    [formId],
  );
  const types = await answeredTypes(db, formId);
  const problems: Problem[] = [];
  const index = new Map(questions.map((question, position) => [question.id, position]));
  for (const { question: id, n } of answered.rows) {
    const position = index.get(id);
    const was = types.get(id);
    if (position === undefined) {
      problems.push({
        field: '/questions',
        code: 'breaking-change',
        message: `De vraag "${label(was?.label) || id}" heeft al ${plural(n, 'antwoord', 'antwoorden')}. Die vraag kan er niet uit. ${KEEP}`,
      });
      continue;
    }
    const question = questions[position]!;
    if (was && was.type !== question.type) {
      problems.push({
        field: `/questions/${position}/type`,
        code: 'breaking-change',
        message: `De vraag "${label(question.label)}" heeft al ${plural(n, 'antwoord', 'antwoorden')} als ${typeName(was.type)}. Het soort vraag kan daarom niet meer veranderen. ${KEEP}`,
      });
    }
  }
  for (const { question_id: id, value, n } of chosen.rows) {
    const position = index.get(id);
    if (position === undefined) continue;
    const question = questions[position]!;
    if (question.type === 'scale') {
      const step = Number(value);
      if (step < (question.min ?? 1) || step > (question.max ?? 5)) {
        problems.push({
          field: `/questions/${position}/${step < (question.min ?? 1) ? 'min' : 'max'}`,
          code: 'breaking-change',
          message: `Bij de vraag "${label(question.label)}" koos${n === 1 ? ' iemand' : ` ${n} mensen`} al ${value}. De schaal moet daarom ${value} blijven bevatten. ${KEEP}`,
        });
      }
    } else if (question.type === 'single' || question.type === 'multiple') {
      const kept = value === 'other' ? question.other === true || (question.options ?? []).some((option) => option.value === 'other') : (question.options ?? []).some((option) => option.value === value);
      if (!kept) {
        const old = types.get(id)?.options?.find((option) => option.value === value);
        const name = value === 'other' ? 'Anders, namelijk' : label(old?.label) || value;
        problems.push({
          field: `/questions/${position}/${value === 'other' ? 'other' : 'options'}`,
          code: 'breaking-change',
          message: `De keuze "${name}" bij de vraag "${label(question.label)}" heeft al ${plural(n, 'stem', 'stemmen')}. Als die keuze verdwijnt, zijn die stemmen niet meer te lezen. Laat de keuze staan. ${KEEP}`,
        });
      }
    }
  }
  return problems;
}

function typeName(type: string): string {
  return { single: 'één keuze', multiple: 'meer keuzes', scale: 'schaal', open: 'open vraag' }[type] ?? type;
}

/** Per question, its type, label and options in the versions that have answers (the newest of them). */
async function answeredTypes(db: Queryable, formId: string): Promise<Map<string, { type: string; label: unknown; options?: Options }>> {
  const { rows } = await db.query<{ version: number }>(
    'SELECT DISTINCT coalesce(form_version, 1) AS version FROM submissions WHERE form_id = $1 ORDER BY 1',
    [formId],
  );
  const types = new Map<string, { type: string; label: unknown; options?: Options }>();
  for (const { version } of rows) {
    const definition = await readVersion(db, formId, version);
    for (const question of (definition?.questions as { id: string; type: string; label: unknown; options?: Options }[] | undefined) ?? []) {
      types.set(question.id, question);
    }
  }
  return types;
}

async function signUpProblems(db: Queryable, formId: string, next: AuthoredDefinition): Promise<Problem[]> {
  const sessions = next.sessions as { id: string; title: unknown; capacity?: number }[];
  const problems: Problem[] = [];
  const used = await db.query<{ session_id: string; n: number; confirmed: number }>(
    `SELECT session_id, count(*)::int AS n, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed
     FROM signup_sessions WHERE form_id = $1 GROUP BY session_id ORDER BY session_id`,
    [formId],
  );
  const index = new Map(sessions.map((session, position) => [session.id, position]));
  for (const { session_id: id, n, confirmed } of used.rows) {
    const position = index.get(id);
    if (position === undefined) {
      problems.push({
        field: '/sessions',
        code: 'breaking-change',
        message: `De sessie "${id}" heeft al ${plural(n, 'aanmelding', 'aanmeldingen')}. Die sessie kan er daarom niet uit; annuleer haar liever in de tekst en laat de aanmeldingen weten wat er verandert. ${KEEP}`,
      });
      continue;
    }
    const session = sessions[position]!;
    if (session.capacity !== undefined && session.capacity < confirmed) {
      problems.push({
        field: `/sessions/${position}/capacity`,
        code: 'breaking-change',
        message: `De sessie "${label(session.title)}" heeft al ${plural(confirmed, 'bevestigde plaats', 'bevestigde plaatsen')}. Kies minstens ${confirmed} plaatsen.`,
      });
    }
  }
  const roles = await db.query<{ value: string; n: number }>(
    'SELECT role AS value, count(*)::int AS n FROM signups WHERE form_id = $1 AND role IS NOT NULL GROUP BY role ORDER BY role',
    [formId],
  );
  problems.push(...missingOptions(roles.rows, next.roles as Options, '/roles', 'rol', 'aanmelding', 'aanmeldingen'));
  const needs = await db.query<{ value: string; n: number }>(
    'SELECT need AS value, count(*)::int AS n FROM signups, jsonb_array_elements_text(needs) AS need WHERE form_id = $1 GROUP BY need ORDER BY need',
    [formId],
  );
  problems.push(...missingOptions(needs.rows, next.needs as Options, '/needs', 'behoefte', 'aanmelding', 'aanmeldingen'));
  return problems;
}

function missingOptions(used: { value: string; n: number }[], options: Options, field: string, what: string, one: string, other: string): Problem[] {
  const values = new Set((options ?? []).map((option) => option.value));
  return used
    .filter(({ value }) => !values.has(value))
    .map(({ value, n }) => ({
      field,
      code: 'breaking-change',
      message: `De ${what} "${value}" is al gekozen in ${plural(n, one, other)}. Laat die keuze staan. ${KEEP}`,
    }));
}

/** The consent levels the story widget offers without `consentOptions` (as validate.ts checks them). */
const DEFAULT_CONSENT = [{ value: 'internal' }, { value: 'quote-anonymous' }, { value: 'first-name' }];

async function storyProblems(db: Queryable, formId: string, next: AuthoredDefinition): Promise<Problem[]> {
  const count = (sql: string) => db.query<{ value: string; n: number }>(sql, [formId]).then((result) => result.rows);
  const themes = await count('SELECT theme AS value, count(*)::int AS n FROM stories, jsonb_array_elements_text(themes) AS theme WHERE form_id = $1 GROUP BY theme ORDER BY theme');
  const regions = await count('SELECT region AS value, count(*)::int AS n FROM stories WHERE form_id = $1 AND region IS NOT NULL GROUP BY region ORDER BY region');
  const levels = await count('SELECT level AS value, count(*)::int AS n FROM stories WHERE form_id = $1 AND level IS NOT NULL GROUP BY level ORDER BY level');
  const consents = await count('SELECT consent AS value, count(*)::int AS n FROM stories WHERE form_id = $1 GROUP BY consent ORDER BY consent');
  return [
    ...missingOptions(themes, next.themes as Options, '/themes', 'thema', 'verhaal', 'verhalen'),
    ...missingOptions(regions, next.regions as Options, '/regions', 'regio', 'verhaal', 'verhalen'),
    ...missingOptions(levels, next.levels as Options, '/levels', 'niveau', 'verhaal', 'verhalen'),
    // What a parent agreed to must stay readable: a consent that was given cannot go.
    ...missingOptions(consents, (next.consentOptions as Options) ?? DEFAULT_CONSENT, '/consentOptions', 'toestemming', 'verhaal', 'verhalen'),
  ];
}
