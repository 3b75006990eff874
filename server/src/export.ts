import type { Database } from './db.js';
import type { Form, LocalizedText } from './content.js';

function text(value: LocalizedText | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value.nl ?? Object.values(value)[0] ?? '');
}

/**
 * A cell a spreadsheet would run as a formula: = + - @ (tab, CR) first, also behind white space,
 * a no-break or zero-width space, or in a full-width or small form (＝, ﹦), which NFKC folds to the plain sign.
 */
const FORMULA = /^[\s\u200b-\u200d\u2060]*[=+\-@\t\r]/;

/** One CSV field (RFC 4180); a cell that could be a formula gets a leading ' so spreadsheets show it as text. */
export function field(value: unknown): string {
  let cell = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA.test(cell.normalize('NFKC'))) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function answerText(answer: unknown): string {
  if (Array.isArray(answer)) return answer.join('; ');
  if (answer !== null && typeof answer === 'object') {
    const { value, other } = answer as { value: string | string[]; other: string };
    return `${Array.isArray(value) ? value.join('; ') : value}: ${other}`;
  }
  return answer === undefined ? '' : String(answer);
}

/** A form's submissions as CSV for its coordinator: votes, the sign-up list per session, or stories. */
export async function exportCsv(db: Database, form: Form): Promise<string> {
  const definition = form.definition;
  if (definition.type === 'peiling') {
    const votes = await db.query<{ created_at: Date; answers: Record<string, unknown> }>(
      'SELECT created_at, answers FROM votes WHERE form_id = $1 ORDER BY created_at, submission_id',
      [definition.id],
    );
    return csv(
      ['ontvangen', ...definition.questions.map((question) => question.id)],
      votes.rows.map((vote) => [vote.created_at, ...definition.questions.map((question) => answerText(vote.answers[question.id]))]),
    );
  }
  if (definition.type === 'meedenksessie') {
    const titles = new Map(definition.sessions.map((session) => [session.id, text(session.title)]));
    const rows = await db.query<Record<string, unknown> & { needs: string[]; session_id: string }>(
      `SELECT s.created_at, ss.session_id, ss.status, s.name, s.email, s.phone, s.role, s.gemeente, s.needs, s.remarks
       FROM signup_sessions ss JOIN signups s ON s.submission_id = ss.submission_id
       WHERE ss.form_id = $1 ORDER BY ss.session_id, ss.seq`,
      [definition.id],
    );
    return csv(
      ['ontvangen', 'sessie', 'sessietitel', 'status', 'naam', 'e-mail', 'telefoon', 'rol', 'gemeente', 'behoeften', 'opmerkingen'],
      rows.rows.map((row) => [
        row.created_at,
        row.session_id,
        titles.get(row.session_id) ?? '',
        row.status,
        row.name,
        row.email,
        row.phone,
        row.role,
        row.gemeente,
        row.needs.join('; '),
        row.remarks,
      ]),
    );
  }
  const stories = await db.query<Record<string, unknown> & { themes: string[] }>(
    `SELECT created_at, themes, region, level, anonymous, consent, contact_name, contact_email, story
     FROM stories WHERE form_id = $1 ORDER BY created_at, submission_id`,
    [definition.id],
  );
  return csv(
    ['ontvangen', 'thema\'s', 'regio', 'niveau', 'anoniem', 'toestemming', 'naam', 'e-mail', 'verhaal'],
    stories.rows.map((row) => [
      row.created_at,
      row.themes.join('; '),
      row.region,
      row.level,
      row.anonymous ? 'ja' : 'nee',
      row.consent,
      row.contact_name,
      row.contact_email,
      row.story,
    ]),
  );
}
