/**
 * Terugkoppeling: what was done with the parents' input. Per form the coordinator writes it in
 * every language of the form, with a status and a date, and publishes it; `<ouder-terugkoppeling>`,
 * a closed poll and the hosted form page show it, and the parents who asked to hear get it by e-mail.
 */
import type { FastifyInstance } from 'fastify';
import type { Database, Queryable } from '../db.js';
import type { Form, LocalizedText, PeilingDefinition } from '../content.js';
import { currentForm } from '../forms.js';
import { ApiError, fieldError, langOf, type Problem } from '../messages.js';
import { refuse } from '../beheer/input.js';
import { languagesOf } from '../beheer/share.js';
import { countVotes, isClosed, visibleTally } from '../store.js';
import { sendOutcome } from '../mail/outcome.js';
import type { Mailer } from '../mail/queue.js';
import { valuesOf } from './poll.js';

export const OUTCOME_STATUSES = ['gehoord', 'in-behandeling', 'besloten'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** One outcome as the coordinator writes it. */
export interface OutcomeText {
  status: OutcomeStatus;
  /** The day of the status (heard, taken up, decided), `2027-03-01`. */
  date: string;
  /** "Wat we met jullie inbreng doen", by language. */
  texts: Record<string, string>;
  /** Where to read more, such as the published report. */
  url?: string;
  /** Show the poll's published results with it (where the poll allows them). */
  showResults: boolean;
}

export interface OutcomeRecord {
  draft: OutcomeText | null;
  published: OutcomeText | null;
  publishedAt: string | null;
  updatedAt: string | null;
}

const MAX_TEXT = 5000;
const LANGUAGE_NAMES: Record<string, string> = { nl: 'Nederlands', en: 'Engels', ar: 'Arabisch' };

function validDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** Reads an outcome from the console's body; every problem a 422 naming its field. */
export function outcomeOf(body: Record<string, unknown>, languages: readonly string[]): OutcomeText {
  const problems: Problem[] = [];
  const status = body.status;
  if (!(OUTCOME_STATUSES as readonly unknown[]).includes(status)) {
    problems.push({ field: 'status', code: 'invalid', message: 'Kies hoe ver het is: gehoord, in behandeling of besloten.' });
  }
  if (!validDay(body.date)) problems.push({ field: 'date', code: 'invalid-date', message: 'Kies de datum van deze stand van zaken, bijvoorbeeld 2027-03-01.' });
  const texts: Record<string, string> = {};
  const given = body.texts;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    problems.push({ field: 'texts', code: 'invalid', message: 'Schrijf wat jullie met de inbreng doen.' });
  } else {
    for (const [lang, text] of Object.entries(given as Record<string, unknown>)) {
      if (!languages.includes(lang)) {
        problems.push({ field: `texts.${lang}`, code: 'unknown-language', message: `Dit formulier is er niet in het ${LANGUAGE_NAMES[lang] ?? lang}. Schrijf de terugkoppeling in de talen van het formulier.` });
      } else if (typeof text !== 'string') problems.push({ field: `texts.${lang}`, code: 'invalid', message: 'Dit is geen tekst.' });
      else if ([...text.trim()].length > MAX_TEXT) problems.push({ field: `texts.${lang}`, code: 'too-long', message: `Dit is te lang: gebruik hoogstens ${MAX_TEXT} tekens.` });
      else if (text.trim() !== '') texts[lang] = text.trim();
    }
  }
  let url: string | undefined;
  if (body.url !== undefined && body.url !== null && body.url !== '') {
    try {
      const parsed = new URL(String(body.url));
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('scheme');
      url = parsed.href;
    } catch {
      problems.push({ field: 'url', code: 'invalid-url', message: 'Vul een volledig webadres in, zoals https://www.voorbeeldstad.nl/verslag.' });
    }
  }
  if (body.showResults !== undefined && typeof body.showResults !== 'boolean') {
    problems.push({ field: 'showResults', code: 'invalid', message: 'Resultaten tonen is aan of uit.' });
  }
  if (problems.length > 0) refuse(problems);
  return { status: status as OutcomeStatus, date: body.date as string, texts, ...(url ? { url } : {}), showResults: body.showResults !== false };
}

/** The text in each language the form has, or a 422 naming each one still missing. */
export function checkComplete(outcome: OutcomeText, languages: readonly string[]): void {
  const missing = languages.filter((lang) => !outcome.texts[lang]);
  if (missing.length === 0) return;
  refuse(
    missing.map((lang) => ({
      field: `texts.${lang}`,
      code: 'required',
      message:
        lang === 'nl'
          ? 'Schrijf de terugkoppeling in het Nederlands.'
          : `Schrijf de terugkoppeling ook in het ${LANGUAGE_NAMES[lang] ?? lang}: het formulier is er ook in die taal, dus de ouders die het zo invulden lezen het zo.`,
    })),
  );
}

export async function getOutcome(db: Queryable, formId: string): Promise<OutcomeRecord> {
  const { rows } = await db.query<{ draft: OutcomeText | null; published: OutcomeText | null; published_at: Date | null; updated_at: Date }>(
    'SELECT draft, published, published_at, updated_at FROM outcomes WHERE form_id = $1',
    [formId],
  );
  const row = rows[0];
  return {
    draft: row?.draft ?? null,
    published: row?.published ?? null,
    publishedAt: row?.published_at?.toISOString() ?? null,
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

export async function saveOutcome(db: Queryable, formId: string, draft: OutcomeText, userId: string): Promise<void> {
  await db.query(
    `INSERT INTO outcomes (form_id, draft, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (form_id) DO UPDATE SET draft = EXCLUDED.draft, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [formId, JSON.stringify(draft), userId],
  );
}

export interface Publication {
  record: OutcomeRecord;
  /** Messages queued to the parents who asked to hear the outcome. */
  mailed: number;
}

/**
 * Publishes the saved draft: from now on parents see it, and every parent who asked to hear the
 * outcome gets it by e-mail once (their address is deleted after that message).
 */
export async function publishOutcome(
  db: Database,
  form: Form,
  userId: string,
  mail: { mailer?: Mailer; baseUrl: string },
): Promise<Publication> {
  const formId = form.definition.id;
  const { draft } = await getOutcome(db, formId);
  if (!draft) throw new ApiError(409, [{ code: 'no-draft', message: 'Er is nog geen terugkoppeling om te publiceren. Schrijf die eerst en sla haar op.' }]);
  checkComplete(draft, languagesOf(form.definition));
  await db.query('UPDATE outcomes SET published = draft, published_at = now(), updated_at = now(), updated_by = $2 WHERE form_id = $1', [formId, userId]);
  const mailed = mail.mailer
    ? await sendOutcome(db, mail.mailer, formId, { text: draft.texts, url: draft.url ?? `${mail.baseUrl}/f/${encodeURIComponent(formId)}` }, mail.baseUrl)
    : 0;
  return { record: await getOutcome(db, formId), mailed };
}

export async function subscriberCount(db: Queryable, formId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outcome_subscribers WHERE form_id = $1', [formId]);
  return rows[0]!.n;
}

// ---------------------------------------------------------------------------------------------
// What parents get

export interface PublicOption {
  value: string;
  label: LocalizedText;
  count: number;
  /** Whole percent: of everyone who answered (single, scale: adding up to 100), or per person (multiple). */
  share: number;
}

export interface PublicResults {
  total: number;
  questions: { id: string; type: 'single' | 'multiple' | 'scale'; label: LocalizedText; total: number; options: PublicOption[] }[];
  /** Questions left out: answered by fewer than the poll's `minResponses`. */
  omitted: number;
}

export interface PublicOutcome {
  formId: string;
  formType: string;
  title: LocalizedText;
  status: OutcomeStatus;
  date: string;
  text: LocalizedText;
  url?: string;
  publishedAt: string;
  results?: PublicResults;
}

/** Whole percentages that add up to 100 (largest remainder); per person when `sumTo100` is false. */
export function shares(counts: readonly number[], total: number, sumTo100: boolean): number[] {
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count / total) * 100);
  if (!sumTo100) return exact.map(Math.round);
  const rounded = exact.map(Math.floor);
  let missing = 100 - rounded.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest);
  for (const { index } of order) {
    if (missing <= 0) break;
    if (counts[index] === 0) continue;
    rounded[index]!++;
    missing--;
  }
  return rounded;
}

/**
 * A poll's results as the public may see them: only where the poll allows (`after-vote`, or
 * `after-close` once closed; never `hidden`), and only questions answered by at least
 * `minResponses` parents, so small counts never leave the server.
 */
export async function publicResults(db: Queryable, definition: PeilingDefinition, closed: boolean): Promise<PublicResults | undefined> {
  // Closed by its coordinator: `after-close` results may show, as the closed poll shows them.
  const live = closed && !isClosed(definition) ? { ...definition, closesAt: new Date(0).toISOString() } : definition;
  const tally = visibleTally(live, await countVotes(db, definition));
  if (!tally) return undefined;
  const questions: PublicResults['questions'] = [];
  let omitted = 0;
  for (const question of definition.questions) {
    if (question.type === 'open') continue;
    const result = tally.questions[question.id];
    if (!result) {
      omitted++;
      continue;
    }
    const values = valuesOf(question);
    const counts = values.map((value) => result.counts[value] ?? 0);
    const percent = shares(counts, result.total, question.type !== 'multiple');
    questions.push({
      id: question.id,
      type: question.type,
      label: question.label,
      total: result.total,
      options: values.map((value, index) => ({
        value,
        label: value === 'other' ? { nl: 'Anders', en: 'Other', ar: 'غير ذلك' } : question.type === 'scale' ? value : (question.options!.find((option) => option.value === value)!.label),
        count: counts[index]!,
        share: percent[index]!,
      })),
    });
  }
  return { total: tally.total, questions, omitted };
}

function textOf(texts: Record<string, string>): LocalizedText {
  const languages = Object.keys(texts);
  return languages.length === 1 && languages[0] === 'nl' ? texts.nl! : texts;
}

/** One form's published outcome as `<ouder-terugkoppeling>` shows it; undefined when nothing is published. */
export async function publicOutcome(db: Queryable, formId: string): Promise<PublicOutcome | undefined> {
  const { rows } = await db.query<{ published: OutcomeText; published_at: Date; state: string; published_version: number | null }>(
    `SELECT o.published, o.published_at, f.state, f.published_version FROM outcomes o JOIN forms f ON f.id = o.form_id
     WHERE o.form_id = $1 AND o.published IS NOT NULL AND f.published_version IS NOT NULL`,
    [formId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const form = await currentForm(db, formId);
  if (!form) return undefined;
  const outcome = row.published;
  const results =
    outcome.showResults && form.definition.type === 'peiling' ? await publicResults(db, form.definition, row.state === 'gesloten' || row.state === 'gearchiveerd') : undefined;
  return {
    formId,
    formType: form.definition.type,
    title: form.definition.title,
    status: outcome.status,
    date: outcome.date,
    text: textOf(outcome.texts),
    ...(outcome.url ? { url: outcome.url } : {}),
    publishedAt: row.published_at.toISOString(),
    ...(results ? { results } : {}),
  };
}

export interface OutcomesDocument {
  type: 'terugkoppeling';
  organisation: { id: string; name: string };
  outcomes: PublicOutcome[];
}

/** Every published outcome of an organisation (or one form's), newest first: what `<ouder-terugkoppeling>` reads. */
export async function outcomesDocument(db: Queryable, organisationId: string, formId?: string): Promise<OutcomesDocument | undefined> {
  const organisation = await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE id = $1', [organisationId]);
  if (!organisation.rows[0]) return undefined;
  const { rows } = await db.query<{ form_id: string }>(
    `SELECT o.form_id FROM outcomes o JOIN forms f ON f.id = o.form_id
     WHERE f.organisation_id = $1 AND o.published IS NOT NULL AND ($2::text IS NULL OR o.form_id = $2) ORDER BY o.published_at DESC, o.form_id`,
    [organisationId, formId ?? null],
  );
  const outcomes: PublicOutcome[] = [];
  for (const row of rows) {
    const outcome = await publicOutcome(db, row.form_id);
    if (outcome) outcomes.push(outcome);
  }
  return { type: 'terugkoppeling', organisation: organisation.rows[0], outcomes };
}

/**
 * `GET /api/outcomes/:organisation` (`?form=` for one form): the published outcomes as
 * `<ouder-terugkoppeling>` reads them. Public like a form's definition: the API's origin rules
 * apply, no cookie, nothing personal.
 */
export function registerOutcomeRoutes(app: FastifyInstance, db: Queryable): void {
  app.get<{ Params: { organisation: string }; Querystring: { form?: string } }>('/api/outcomes/:organisation', async (request, reply) => {
    const form = typeof request.query.form === 'string' && request.query.form !== '' ? request.query.form : undefined;
    const document = await outcomesDocument(db, request.params.organisation, form);
    if (!document) throw new ApiError(404, [fieldError('not-found', langOf(request.headers['accept-language']))]);
    reply.header('cache-control', 'no-store');
    return document;
  });
}
