/**
 * A form's answers for its coordinator, as Dutch Excel opens them: labels instead of internal
 * values, Amsterdam time, totals. One workbook model, read in one snapshot, written as CSV
 * (UTF-8 with BOM, `;`, one sheet per file) or XLSX (every sheet); the console, the export route
 * and the command line all give these same files.
 */
import ExcelJS from 'exceljs';
import type { Database, Queryable } from './db.js';
import type { ErvaringDefinition, Form, MeedenksessieDefinition, PeilingDefinition, ServerConfig } from './content.js';
import { wallClock } from './mail/amsterdam.js';
import { signupDeleteAt } from './retention.js';
import { dutch, labelOf, languageName, localDateTime, snapshot } from './results/common.js';
import { readVotes, tallyOfVotes, tooFewOf, valuesOf } from './results/poll.js';
import { readSignups, sessionOverview } from './results/signups.js';
import { consentOptionsOf, readStories, storedUses, storyView, themesOf, USE_LABELS, usesOf } from './results/stories.js';
import type { PeilingAnswer } from './validate.js';

export type Cell = string | number | Date | null;

export interface Column {
  header: string;
  /** How XLSX shows the cell; CSV writes dates on the Amsterdam clock and shares as `42,5%`. */
  kind?: 'text' | 'number' | 'datetime' | 'share';
  width?: number;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export interface Workbook {
  /** The file name without extension: the form's id. */
  name: string;
  /** The answers (one row each), then the totals. */
  sheets: [Sheet, Sheet];
}

/** Which sheet a CSV export holds: the answers (default) or the totals. */
export type Part = 'antwoorden' | 'totalen';

const ANSWERS_SHEET = { peiling: 'Antwoorden', meedenksessie: 'Aanmeldingen', ervaring: 'Verhalen' } as const;

/** The last column of every answers sheet: the submission's id, the same in every export, so automation can match rows. */
const KENMERK: Column = { header: 'Kenmerk', width: 38 };

// ---------------------------------------------------------------------------------------------
// The model, per type

type Question = PeilingDefinition['questions'][number];

function answerCell(question: Question, answer: PeilingAnswer | undefined): Cell {
  if (answer === undefined || answer === '') return null;
  if (question.type === 'scale') return typeof answer === 'number' ? answer : Number(answer);
  if (question.type === 'open') return String(answer);
  const option = (value: string) => labelOf(question.options, value);
  if (Array.isArray(answer)) return answer.map(option).join('; ');
  if (typeof answer === 'object') {
    const chosen = (Array.isArray(answer.value) ? answer.value : [answer.value]).filter((value) => value !== 'other').map(option);
    return [...chosen, `Anders: ${answer.other.trim()}`].join('; ');
  }
  return option(String(answer));
}

async function pollWorkbook(db: Queryable, definition: PeilingDefinition): Promise<Workbook> {
  const votes = await readVotes(db, definition.id);
  const tally = tallyOfVotes(definition, votes);
  const answers: Sheet = {
    name: ANSWERS_SHEET.peiling,
    columns: [
      { header: 'Ontvangen', kind: 'datetime', width: 17 },
      { header: 'Taal', width: 12 },
      ...definition.questions.map((question) => ({ header: dutch(question.label), kind: question.type === 'scale' ? ('number' as const) : ('text' as const), width: 30 })),
      KENMERK,
    ],
    rows: votes.map((vote) => [
      vote.created_at,
      languageName(vote.lang),
      ...definition.questions.map((question) => answerCell(question, vote.answers[question.id])),
      vote.submission_id,
    ]),
  };
  const tooFew = new Set(tooFewOf(definition, tally));
  const rows: Cell[][] = [['Inzendingen', null, tally.total, null, null]];
  for (const question of definition.questions) {
    const result = tally.questions[question.id];
    if (!result) continue;
    const note = tooFew.has(question.id) ? 'te weinig antwoorden om te publiceren' : null;
    for (const value of valuesOf(question)) {
      const label = value === 'other' ? 'Anders' : question.type === 'scale' ? value : labelOf(question.options, value);
      const count = result.counts[value] ?? 0;
      rows.push([dutch(question.label), label, count, result.total === 0 ? 0 : count / result.total, note]);
    }
    rows.push([dutch(question.label), 'Beantwoord door', result.total, tally.total === 0 ? 0 : result.total / tally.total, note]);
  }
  const totals: Sheet = {
    name: 'Totalen',
    columns: [
      { header: 'Vraag', width: 40 },
      { header: 'Antwoord', width: 30 },
      { header: 'Aantal', kind: 'number', width: 10 },
      { header: 'Percentage', kind: 'share', width: 12 },
      { header: 'Opmerking', width: 36 },
    ],
    rows,
  };
  return { name: definition.id, sheets: [answers, totals] };
}

const STATUS: Record<string, string> = { confirmed: 'Bevestigd', waitlisted: 'Wachtlijst', cancelled: 'Afgemeld' };
const yesNo = (value: boolean | null) => (value === null ? null : value ? 'Ja' : 'Nee');

async function signupWorkbook(db: Queryable, form: Form): Promise<Workbook> {
  const definition = form.definition as MeedenksessieDefinition;
  const rows = await readSignups(db, definition.id);
  const order = new Map(definition.sessions.map((session, index) => [session.id, index]));
  const statusOrder: Record<string, number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };
  rows.sort((a, b) => (order.get(a.session_id) ?? 999) - (order.get(b.session_id) ?? 999) || statusOrder[a.status]! - statusOrder[b.status]!);
  const position = new Map<string, number>();
  const answers: Sheet = {
    name: ANSWERS_SHEET.meedenksessie,
    columns: [
      { header: 'Sessie', width: 30 },
      { header: 'Begin', kind: 'datetime', width: 17 },
      { header: 'Status', width: 12 },
      { header: 'Plaats op de wachtlijst', kind: 'number', width: 10 },
      { header: 'Naam', width: 24 },
      { header: 'E-mail', width: 28 },
      { header: 'Telefoon', width: 14 },
      { header: 'Rol', width: 18 },
      { header: 'Gemeente', width: 18 },
      { header: 'Behoeften', width: 30 },
      { header: 'Opmerkingen', width: 36 },
      { header: 'Taal', width: 12 },
      { header: 'Aanwezig', width: 10 },
      { header: 'Aangemeld op', kind: 'datetime', width: 17 },
      { header: 'Wordt verwijderd op', kind: 'datetime', width: 17 },
      KENMERK,
    ],
    rows: rows.map((row) => {
      const session = definition.sessions.find((item) => item.id === row.session_id);
      let place: number | null = null;
      if (row.status === 'waitlisted') position.set(row.session_id, (place = (position.get(row.session_id) ?? 0) + 1));
      return [
        session ? dutch(session.title) : row.session_id,
        session ? new Date(session.start) : null,
        STATUS[row.status] ?? row.status,
        place,
        row.name,
        row.email,
        row.phone,
        row.role === null ? null : labelOf(definition.roles, row.role),
        row.gemeente,
        row.needs.map((need) => labelOf(definition.needs, need)).join('; ') || null,
        row.remarks,
        languageName(row.lang),
        row.status === 'confirmed' ? yesNo(row.attended) : null,
        row.created_at,
        signupDeleteAt(form, row.sessions) ?? null,
        row.submission_id,
      ];
    }),
  };
  const overview = await sessionOverview(db, form);
  const needs = definition.needs ?? [];
  const sum = (pick: (session: (typeof overview)[number]) => number | null) => overview.reduce((total, session) => total + (pick(session) ?? 0), 0);
  const totals: Sheet = {
    name: 'Totalen',
    columns: [
      { header: 'Sessie', width: 30 },
      { header: 'Begin', kind: 'datetime', width: 17 },
      { header: 'Plaatsen', kind: 'number', width: 10 },
      { header: 'Bevestigd', kind: 'number', width: 10 },
      { header: 'Wachtlijst', kind: 'number', width: 10 },
      { header: 'Afgemeld', kind: 'number', width: 10 },
      { header: 'Plaatsen vrij', kind: 'number', width: 10 },
      { header: 'Aanwezig', kind: 'number', width: 10 },
      ...needs.map((need) => ({ header: `Behoefte: ${dutch(need.label)}`, kind: 'number' as const, width: 16 })),
    ],
    rows: [
      ...overview.map((session) => [
        session.title,
        new Date(session.start),
        session.capacity,
        session.confirmed,
        session.waitlisted,
        session.cancelled,
        session.remaining,
        session.attended,
        ...needs.map((need) => session.needs.find((item) => item.value === need.value)?.count ?? 0),
      ]),
      [
        'Totaal',
        null,
        overview.every((session) => session.capacity !== null) ? sum((session) => session.capacity) : null,
        sum((session) => session.confirmed),
        sum((session) => session.waitlisted),
        sum((session) => session.cancelled),
        overview.every((session) => session.remaining !== null) ? sum((session) => session.remaining) : null,
        overview.some((session) => session.attended !== null) ? sum((session) => session.attended) : null,
        ...needs.map((need) => sum((session) => session.needs.find((item) => item.value === need.value)?.count ?? 0)),
      ],
    ],
  };
  return { name: definition.id, sheets: [answers, totals] };
}

async function storyWorkbook(db: Queryable, form: Form, config: Pick<ServerConfig, 'retentionDays'>): Promise<Workbook> {
  const definition = form.definition as ErvaringDefinition;
  const uses = usesOf(definition, await storedUses(db, definition.id));
  // Always as it may be quoted: a passage a moderator left out is in no export.
  const stories = (await readStories(db, definition.id)).map((row) => storyView(form, config, row, uses, false));
  const answers: Sheet = {
    name: ANSWERS_SHEET.ervaring,
    columns: [
      { header: 'Ontvangen', kind: 'datetime', width: 17 },
      { header: 'Taal', width: 12 },
      { header: "Thema's", width: 24 },
      { header: "Thema's van de moderator", width: 24 },
      { header: 'Regio', width: 16 },
      { header: 'Niveau', width: 16 },
      { header: 'Toestemming', width: 30 },
      { header: 'Mag gebruikt worden voor', width: 40 },
      { header: 'Anoniem', width: 10 },
      { header: 'Naam', width: 20 },
      { header: 'E-mail', width: 28 },
      { header: 'Gelezen', width: 10 },
      { header: 'Verhaal', width: 80 },
      { header: 'Wordt verwijderd op', kind: 'datetime', width: 17 },
      KENMERK,
    ],
    rows: stories.map((story) => [
      new Date(story.receivedAt),
      languageName(story.lang),
      story.themes.map((theme) => theme.label).join('; ') || null,
      story.tags.map((tag) => labelOf(definition.themes, tag)).join('; ') || null,
      story.region?.label ?? null,
      story.level?.label ?? null,
      story.consent.label,
      story.uses.map((use) => USE_LABELS[use]).join('; '),
      story.anonymous ? 'Ja' : 'Nee',
      story.contact?.name ?? null,
      story.contact?.email ?? null,
      story.read ? 'Ja' : 'Nee',
      story.text,
      new Date(story.deleteAt),
      story.id,
    ]),
  };
  const count = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const themes = count(stories.flatMap(themesOf));
  const consents = count(stories.map((story) => story.consent.value));
  const regions = count(stories.flatMap((story) => (story.region ? [story.region.value] : [])));
  const totals: Sheet = {
    name: 'Totalen',
    columns: [
      { header: 'Onderdeel', width: 16 },
      { header: 'Waarde', width: 40 },
      { header: 'Aantal', kind: 'number', width: 10 },
    ],
    rows: [
      ['Verhalen', null, stories.length],
      ...[...new Set([...definition.themes.map((theme) => theme.value), ...themes.keys()])].map((value) => ['Thema', labelOf(definition.themes, value), themes.get(value) ?? 0]),
      ...consentOptionsOf(definition).map((option) => ['Toestemming', option.label, consents.get(option.value) ?? 0]),
      ...(definition.regions ?? []).map((region) => ['Regio', dutch(region.label), regions.get(region.value) ?? 0]),
    ],
  };
  return { name: definition.id, sheets: [answers, totals] };
}

/** Everything of a form's export, from one snapshot: the rows and the totals always agree. */
export function buildExport(db: Database, form: Form, config: Pick<ServerConfig, 'retentionDays'>): Promise<Workbook> {
  return snapshot(db, (tx) => {
    const definition = form.definition;
    if (definition.type === 'peiling') return pollWorkbook(tx, definition);
    if (definition.type === 'meedenksessie') return signupWorkbook(tx, form);
    return storyWorkbook(tx, form, config);
  });
}


// ---------------------------------------------------------------------------------------------
// CSV for Dutch Excel

/**
 * A cell a spreadsheet would run as a formula: = + - @ (tab, CR) first, also behind white space
 * (a no-break space too) or a zero-width character, or in a full-width or small form (＝, ﹦),
 * which NFKC folds to the plain sign.
 */
const FORMULA = /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\t\r]/;

/** One CSV field; a text that could be a formula gets a leading ' so spreadsheets show it as text. */
export function field(value: Cell, kind: Column['kind'] = 'text'): string {
  if (value === null) return '';
  let cell: string;
  if (value instanceof Date) cell = localDateTime(value);
  else if (typeof value === 'number') cell = kind === 'share' ? `${(Math.round(value * 1000) / 10).toLocaleString('nl-NL')}%` : String(value).replace('.', ',');
  else {
    cell = value;
    if (FORMULA.test(cell.normalize('NFKC'))) cell = `'${cell}`;
  }
  return /[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A sheet as CSV that Dutch Excel opens right: UTF-8 with a BOM, `;` between fields, CRLF. */
export function toCsv(sheet: Sheet): string {
  const lines = [sheet.columns.map((column) => field(column.header)), ...sheet.rows.map((row) => row.map((cell, index) => field(cell, sheet.columns[index]?.kind)))];
  return `\ufeff${lines.map((line) => line.join(';')).join('\r\n')}\r\n`;
}

export function csvOf(workbook: Workbook, part: Part = 'antwoorden'): { filename: string; body: string } {
  const sheet = part === 'totalen' ? workbook.sheets[1] : workbook.sheets[0];
  return { filename: `${workbook.name}${part === 'totalen' ? '-totalen' : ''}.csv`, body: toCsv(sheet) };
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** A moment as Excel keeps it: the Amsterdam wall clock, without a zone. */
function excelDate(date: Date): Date {
  const clock = wallClock(date);
  return new Date(Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second));
}

/** The workbook as XLSX (exceljs): one sheet per part, a bold and frozen header, filters, real dates and numbers. */
export async function toXlsx(workbook: Workbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Ouderstem';
  for (const sheet of workbook.sheets) {
    const worksheet = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      header: column.header,
      width: column.width ?? 16,
      style: column.kind === 'datetime' ? { numFmt: 'dd-mm-yyyy hh:mm' } : column.kind === 'share' ? { numFmt: '0.0%' } : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (cell instanceof Date ? excelDate(cell) : cell)));
    if (sheet.columns.length > 0) worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExportFormat = 'csv' | 'xlsx';

/** A form's export as a file: the console, `GET /api/export/:id` and the command line all use this. */
export async function exportFile(db: Database, form: Form, config: Pick<ServerConfig, 'retentionDays'>, format: ExportFormat, part: Part = 'antwoorden') {
  const workbook = await buildExport(db, form, config);
  const rows = workbook.sheets[0].rows.length;
  if (format === 'xlsx') return { filename: `${workbook.name}.xlsx`, type: XLSX_TYPE, body: await toXlsx(workbook), rows };
  const csv = csvOf(workbook, part);
  return { filename: csv.filename, type: 'text/csv; charset=utf-8', body: csv.body, rows };
}
