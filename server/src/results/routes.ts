/**
 * The console's results (issue #13): a poll's dashboard and open answers, the sign-ups per
 * session with attendance and the waiting list, story moderation, exports and the terugkoppeling.
 * Every view and export of personal data is a line in the audit log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErvaringDefinition, Form, MeedenksessieDefinition } from '../content.js';
import { currentForm, getForm } from '../forms.js';
import { ApiError } from '../messages.js';
import { getOrganisation } from '../organisations.js';
import { escapeHtml } from '../pages.js';
import { requireRole, sessionOf } from '../beheer/access.js';
import { audit } from '../beheer/audit.js';
import { atLeast, type ConsoleSession } from '../beheer/auth.js';
import { bodyOf, refuse } from '../beheer/input.js';
import type { ConsoleOptions } from '../beheer/index.js';
import { languagesOf } from '../beheer/share.js';
import { exportFile, type ExportFormat, type Part } from '../export.js';
import type { Mailer } from '../mail/queue.js';
import { mailerOf, senderFor } from '../mail/sender.js';
import { dutch, filterOf, labelOf, localDateTime, snapshot } from './common.js';
import { openAnswers, pollResults } from './poll.js';
import { getOutcome, outcomeOf, publishOutcome, saveOutcome, subscriberCount } from './outcomes.js';
import { markAttendance, promote, sessionOverview, signupList } from './signups.js';
import { checkUses, listStories, saveUses, storiesByTheme, updateStory, USES, type Use } from './stories.js';

type FormRoute = { Params: { id: string }; Querystring: Record<string, unknown> };
type FormRequest = FastifyRequest<FormRoute>;

function wrongType(what: string): ApiError {
  return new ApiError(409, [{ code: 'wrong-type', message: `Dit kan alleen bij ${what}.` }]);
}

export function registerResultRoutes(app: FastifyInstance, options: ConsoleOptions): void {
  const { db, config } = options;

  /** The organisation's mail, when it sends e-mail (its own settings or the server's): a move from the waiting list and a published outcome are mailed. */
  async function mailerFor(session: ConsoleSession): Promise<Mailer | undefined> {
    const sender = await senderFor(db, session.organisationId, options.mail.server);
    return mailerOf(sender?.from, options.mail);
  }
  const lezer = { preHandler: requireRole('lezer') };
  const redacteur = { preHandler: requireRole('redacteur') };

  /** The form as its answers are read (the published version, else the newest), of the session's organisation only. */
  async function formOf(session: ConsoleSession, id: string): Promise<Form> {
    await getForm(db, session.organisationId, id);
    return (await currentForm(db, id))!;
  }

  app.get<FormRoute>('/beheer/api/forms/:id/results', lezer, async (request) => {
    const session = sessionOf(request);
    const form = await formOf(session, request.params.id);
    const definition = form.definition;
    if (definition.type === 'peiling') {
      const filter = filterOf(request.query);
      const results = await snapshot(db, (tx) => pollResults(tx, definition, filter));
      await audit(db, session, 'results.view', definition.id, { ...filter });
      return { ...results, retentionDays: form.retentionDays ?? config.retentionDays };
    }
    if (definition.type === 'meedenksessie') {
      const sessions = await snapshot(db, (tx) => sessionOverview(tx, form));
      const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signups WHERE form_id = $1', [definition.id]);
      await audit(db, session, 'results.view', definition.id);
      return { total: total.rows[0]!.n, sessions, retentionDaysAfterSession: form.retentionDays ?? 30 };
    }
    const stories = await listStories(db, form, config, {}, false);
    const themes = await storiesByTheme(db, form, config);
    await audit(db, session, 'results.view', definition.id);
    return {
      total: stories.total,
      unread: stories.unread,
      themes: themes.map(({ value, label, count }) => ({ value, label, count })),
      retentionDays: form.retentionDays ?? config.retentionDays,
    };
  });

  // --- polls ---------------------------------------------------------------------------------

  app.get<FormRoute>('/beheer/api/forms/:id/answers', lezer, async (request) => {
    const session = sessionOf(request);
    const form = await formOf(session, request.params.id);
    if (form.definition.type !== 'peiling') throw wrongType('een peiling');
    const definition = form.definition;
    const filter = filterOf(request.query);
    const { question, q } = request.query;
    if (question !== undefined && !definition.questions.some((item) => item.id === question)) {
      refuse([{ field: 'question', code: 'unknown-question', message: 'Deze vraag staat niet in de peiling.' }]);
    }
    const offset = Number(request.query.offset ?? 0);
    const limit = Number(request.query.limit ?? 50);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 200) {
      refuse([{ field: 'limit', code: 'invalid', message: 'Vraag 1 tot 200 antwoorden tegelijk.' }]);
    }
    const answers = await snapshot(db, (tx) =>
      openAnswers(tx, definition, filter, { question: question as string | undefined, q: typeof q === 'string' ? q : undefined, offset, limit }),
    );
    await audit(db, session, 'answers.view', definition.id, { ...filter, ...(q ? { q: true } : {}) });
    return answers;
  });

  // --- meedenksessies ------------------------------------------------------------------------

  async function signupForm(request: FastifyRequest<{ Params: { id: string; sessionId: string } }>) {
    const session = sessionOf(request);
    const form = await formOf(session, request.params.id);
    if (form.definition.type !== 'meedenksessie') throw wrongType('aanmeldingen voor meedenksessies');
    return { session, form };
  }

  app.get<{ Params: { id: string; sessionId: string } }>('/beheer/api/forms/:id/sessions/:sessionId/signups', lezer, async (request) => {
    const { session, form } = await signupForm(request);
    const list = await snapshot(db, (tx) => signupList(tx, form, request.params.sessionId));
    await audit(db, session, 'signups.view', form.definition.id, { session: request.params.sessionId, rows: list.signups.length });
    return list;
  });

  app.put<{ Params: { id: string; sessionId: string } }>('/beheer/api/forms/:id/sessions/:sessionId/attendance', redacteur, async (request) => {
    const { session, form } = await signupForm(request);
    const marks = bodyOf(request).attended;
    if (marks === null || typeof marks !== 'object' || Array.isArray(marks) || Object.values(marks).some((mark) => mark !== true && mark !== false && mark !== null)) {
      refuse([{ field: 'attended', code: 'invalid', message: 'Geef per aanmelding aan: was er (true), was er niet (false) of nog niet aangegeven (null).' }]);
    }
    const changed = await markAttendance(db, form, request.params.sessionId, marks as Record<string, boolean | null>);
    if (changed > 0) await audit(db, session, 'attendance.update', form.definition.id, { session: request.params.sessionId, changed });
    return signupList(db, form, request.params.sessionId);
  });

  app.post<{ Params: { id: string; sessionId: string } }>('/beheer/api/forms/:id/sessions/:sessionId/promote', redacteur, async (request) => {
    const { session, form } = await signupForm(request);
    const signupId = bodyOf(request).signupId;
    if (typeof signupId !== 'string' || !/^[0-9a-f-]{36}$/i.test(signupId)) refuse([{ field: 'signupId', code: 'invalid', message: 'Kies wie een plaats krijgt.' }]);
    const mailer = await mailerFor(session);
    await promote(db, form, request.params.sessionId, signupId as string, mailer ? { mailer, baseUrl: app.console.baseUrl(request) } : undefined);
    await audit(db, session, 'waitlist.promote', form.definition.id, { session: request.params.sessionId, signup: signupId });
    return signupList(db, form, request.params.sessionId);
  });

  app.get<{ Params: { id: string; sessionId: string } }>('/beheer/forms/:id/sessions/:sessionId/print', lezer, async (request, reply) => {
    const { session, form } = await signupForm(request);
    const list = await snapshot(db, (tx) => signupList(tx, form, request.params.sessionId));
    const organisation = (await getOrganisation(db, session.organisationId))!;
    await audit(db, session, 'signups.print', form.definition.id, { session: request.params.sessionId, rows: list.signups.length });
    reply.type('text/html; charset=utf-8');
    return attendanceSheet(organisation.name, form, list);
  });

  app.get('/beheer/print/attendance.css', { config: { public: true } }, async (_request, reply) => {
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return ATTENDANCE_CSS;
  });

  // --- stories -------------------------------------------------------------------------------

  async function storyForm(request: FastifyRequest<{ Params: { id: string } }>) {
    const session = sessionOf(request);
    const form = await formOf(session, request.params.id);
    if (form.definition.type !== 'ervaring') throw wrongType('verhalen');
    return { session, form };
  }

  function useOf(value: unknown): Use | undefined {
    if (value === undefined || value === '') return undefined;
    if (!(USES as readonly unknown[]).includes(value)) refuse([{ field: 'use', code: 'invalid', message: `Kies een gebruik: ${USES.join(', ')}.` }]);
    return value as Use;
  }

  app.get<FormRoute>('/beheer/api/forms/:id/stories', lezer, async (request) => {
    const { session, form } = await storyForm(request);
    const { theme, q, unread } = request.query;
    // Only a redacteur (or beheerder) sees what was left out of a story, to moderate it.
    const original = atLeast(session.user.role, 'redacteur');
    const list = await snapshot(db, (tx) =>
      listStories(tx, form, config, { theme: typeof theme === 'string' && theme ? theme : undefined, q: typeof q === 'string' ? q : undefined, unread: unread === 'true', use: useOf(request.query.use) }, original),
    );
    await audit(db, session, 'stories.view', form.definition.id, { rows: list.stories.length, original });
    return list;
  });

  app.get<FormRoute>('/beheer/api/forms/:id/stories/themes', lezer, async (request) => {
    const { session, form } = await storyForm(request);
    const use = useOf(request.query.use);
    const themes = await snapshot(db, (tx) => storiesByTheme(tx, form, config, use));
    await audit(db, session, 'stories.view', form.definition.id, { byTheme: true });
    return { themes };
  });

  app.patch<{ Params: { id: string; storyId: string } }>('/beheer/api/forms/:id/stories/:storyId', redacteur, async (request) => {
    const { session, form } = await storyForm(request);
    if (!/^[0-9a-f-]{36}$/i.test(request.params.storyId)) throw new ApiError(404, [{ code: 'not-found', message: 'Dit verhaal is er niet (meer).' }]);
    const patch = await updateStory(db, form, request.params.storyId, bodyOf(request), session.user.id);
    await audit(db, session, 'story.moderate', form.definition.id, {
      story: request.params.storyId,
      ...(patch.read === undefined ? {} : { read: patch.read }),
      ...(patch.tags === undefined ? {} : { tags: patch.tags }),
      ...(patch.redactions === undefined ? {} : { redactions: patch.redactions.length }),
    });
    const list = await listStories(db, form, config, {}, true);
    return { story: list.stories.find((story) => story.id === request.params.storyId) };
  });

  app.put<FormRoute>('/beheer/api/forms/:id/story-uses', redacteur, async (request) => {
    const { session, form } = await storyForm(request);
    const uses = checkUses(form.definition as ErvaringDefinition, bodyOf(request).uses);
    await saveUses(db, form.definition.id, uses);
    await audit(db, session, 'story-uses.update', form.definition.id, { uses });
    return { uses: (await listStories(db, form, config, {}, false)).uses };
  });

  // --- exports -------------------------------------------------------------------------------

  async function download(request: FormRequest, reply: FastifyReply, format: ExportFormat) {
    const session = sessionOf(request);
    const form = await formOf(session, request.params.id);
    const part = request.query.part;
    if (part !== undefined && part !== 'antwoorden' && part !== 'totalen') refuse([{ field: 'part', code: 'invalid', message: 'Kies antwoorden of totalen.' }]);
    const file = await exportFile(db, form, config, format, (part as Part | undefined) ?? 'antwoorden');
    await audit(db, session, `export.${format}`, form.definition.id, { rows: file.rows, ...(part ? { part } : {}) });
    return reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
  }

  app.get<FormRoute>('/beheer/api/forms/:id/export.csv', lezer, (request, reply) => download(request, reply, 'csv'));
  app.get<FormRoute>('/beheer/api/forms/:id/export.xlsx', lezer, (request, reply) => download(request, reply, 'xlsx'));

  // --- terugkoppeling ------------------------------------------------------------------------

  async function outcomeView(request: FastifyRequest, form: Form) {
    const organisation = sessionOf(request).organisationId;
    const base = app.console.baseUrl(request);
    const endpoint = `${base}/api/outcomes/${encodeURIComponent(organisation)}`;
    return {
      ...(await getOutcome(db, form.definition.id)),
      languages: languagesOf(form.definition),
      subscribers: await subscriberCount(db, form.definition.id),
      endpoint,
      snippet: `<script type="module" src="${base}/ouderstem.js"></script>\n<ouder-terugkoppeling endpoint="${endpoint}" form="${form.definition.id}"></ouder-terugkoppeling>`,
    };
  }

  app.get<FormRoute>('/beheer/api/forms/:id/outcome', lezer, async (request) => {
    const form = await formOf(sessionOf(request), request.params.id);
    return { outcome: await outcomeView(request, form) };
  });

  app.put<FormRoute>('/beheer/api/forms/:id/outcome', redacteur, async (request) => {
    const session = sessionOf(request);
    const form = await formOf(session, request.params.id);
    const draft = outcomeOf(bodyOf(request), languagesOf(form.definition));
    await saveOutcome(db, form.definition.id, draft, session.user.id);
    await audit(db, session, 'outcome.update', form.definition.id, { status: draft.status, date: draft.date, languages: Object.keys(draft.texts) });
    return { outcome: await outcomeView(request, form) };
  });

  app.post<FormRoute>('/beheer/api/forms/:id/outcome/publish', redacteur, async (request) => {
    const session = sessionOf(request);
    const form = await formOf(session, request.params.id);
    const { record, mailed } = await publishOutcome(db, form, session.user.id, { mailer: await mailerFor(session), baseUrl: app.console.baseUrl(request) });
    await audit(db, session, 'outcome.publish', form.definition.id, { status: record.published?.status, mailed });
    options.retention?.nudge();
    return { outcome: await outcomeView(request, form), mailed };
  });
}

/** The printable attendance list of one session: who has a place, what they need, a box to tick; print CSS. */
function attendanceSheet(organisation: string, form: Form, list: Awaited<ReturnType<typeof signupList>>): string {
  const definition = form.definition as MeedenksessieDefinition;
  const session = definition.sessions.find((item) => item.id === list.session.id)!;
  const confirmed = list.signups.filter((person) => person.status === 'confirmed');
  const waiting = list.signups.filter((person) => person.status === 'waitlisted');
  const title = dutch(session.title);
  const place = [session.location && dutch(session.location.name), session.location?.address && dutch(session.location.address)].filter(Boolean).join(', ') || (session.online ? 'online' : '');
  const needs = list.session.needs.map((need) => `${need.count}× ${need.label}`).join(', ');
  const row = (person: (typeof list.signups)[number], index: number) => `<tr>
<td class="number">${index + 1}</td>
<th scope="row">${escapeHtml(person.name)}</th>
<td>${escapeHtml(person.role ? labelOf(definition.roles, person.role) : '')}</td>
<td>${escapeHtml(person.needs.map((need) => labelOf(definition.needs, need)).join(', '))}</td>
<td>${escapeHtml(person.phone ?? '')}</td>
<td class="tick"><span class="box" aria-hidden="true"></span><span class="visually-hidden">aanwezig: ${person.attended === true ? 'ja' : person.attended === false ? 'nee' : 'nog niet aangegeven'}</span></td>
</tr>`;
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Presentielijst: ${escapeHtml(title)}</title>
<link rel="stylesheet" href="/beheer/print/attendance.css"></head>
<body>
<main>
<h1>Presentielijst: ${escapeHtml(title)}</h1>
<p>${escapeHtml(organisation)} · ${escapeHtml(dutch(definition.title))}</p>
<p>${escapeHtml(localDateTime(new Date(session.start)))}–${escapeHtml(localDateTime(new Date(session.end)).slice(-5))}${place ? ` · ${escapeHtml(place)}` : ''}</p>
<p>${confirmed.length === 1 ? '1 ouder met een plaats' : `${confirmed.length} ouders met een plaats`}${list.session.capacity !== null ? ` van de ${list.session.capacity}` : ''}${waiting.length > 0 ? `, ${waiting.length} op de wachtlijst` : ''}.${needs ? ` Nodig: ${escapeHtml(needs)}.` : ''}</p>
<p class="screen-only">Druk deze pagina af (Ctrl+P of ⌘P) en zet een vinkje bij wie er is. Daarna kun je in de beheeromgeving aangeven wie er was.</p>
${
  confirmed.length === 0
    ? '<p>Er heeft nog niemand een plaats.</p>'
    : `<table>
<caption class="visually-hidden">Ouders met een plaats</caption>
<thead><tr><th scope="col" class="number">Nr.</th><th scope="col">Naam</th><th scope="col">Rol</th><th scope="col">Nodig</th><th scope="col">Telefoon</th><th scope="col" class="tick">Aanwezig</th></tr></thead>
<tbody>
${confirmed.map(row).join('\n')}
</tbody>
</table>`
}
${
  waiting.length === 0
    ? ''
    : `<h2>Wachtlijst</h2>
<ol class="waiting">${waiting.map((person) => `<li>${escapeHtml(person.name)}${person.phone ? ` · ${escapeHtml(person.phone)}` : ''}</li>`).join('')}</ol>`
}
<p class="small">Deze lijst bevat persoonsgegevens. Gooi de afdruk na de sessie weg (papiercontainer voor vertrouwelijk papier). De aanmeldingen worden op ${escapeHtml(localDateTime(new Date(list.session.deleteAt)).slice(0, 10))} verwijderd.</p>
</main>
</body>
</html>
`;
}

const ATTENDANCE_CSS = `body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 1rem; color: #1a1a1a; line-height: 1.4; }
main { max-width: 60rem; }
h1 { font-size: 1.4rem; }
h2 { font-size: 1.15rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #767676; padding: 0.4rem 0.5rem; text-align: start; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #f3f3f3; }
.number { width: 2.5rem; }
.tick { width: 6rem; text-align: center; }
.box { display: inline-block; width: 1.1rem; height: 1.1rem; border: 2px solid #1a1a1a; }
.small { font-size: 0.85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 40rem) { table, thead, tbody, tr, th, td { font-size: 0.9rem; } .tick { width: auto; } }
@media print {
  .screen-only { display: none; }
  body { margin: 0; font-size: 11pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead th { background: none; }
}
`;

