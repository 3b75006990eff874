/** Forms in the console: read (lezer), write and publish (redacteur), and everything to share them. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { FORM_TYPES } from '../content.js';
import { formatCode, participationCode } from '../codes.js';
import { createForm, currentForm, FORM_STATES, getForm, listForms, notFound, publishForm, saveForm, setFormState, type FormSettings, type FormState } from '../forms.js';
import { checkNetworks, type Gazetteer, type NetworkAreas, type NetworkProblem } from '../gazetteer.js';
import { ApiError, type Problem } from '../messages.js';
import { loadGazetteer } from '../networks.js';
import { getOrganisation, normaliseOrigin, originVia } from '../organisations.js';
import { escapeHtml } from '../pages.js';
import { countVotes } from '../store.js';
import { mailerOf, senderFor } from '../mail/sender.js';
import { cancelSession, sessionStates, type SessionMail } from '../sessions.js';
import { requireRole, sessionOf } from './access.js';
import { audit } from './audit.js';
import type { ConsoleSession } from './auth.js';
import { checkDefinition, schemaProblems } from './definition-problems.js';
import { bodyOf, problem, refuse } from './input.js';
import type { ConsoleOptions } from './index.js';
import { originsOf } from './routes-admin.js';
import { shareOf, textIn } from './share.js';

const MAX_CODES = 5000;

function settingsOf(body: Record<string, unknown>, problems: Problem[]): FormSettings {
  const settings: FormSettings = {};
  if (body.allowedOrigins !== undefined) settings.allowedOrigins = originsOf(body.allowedOrigins, 'allowedOrigins', problems);
  if (body.retentionDays === null) settings.retentionDays = null;
  else if (body.retentionDays !== undefined) {
    if (!Number.isInteger(body.retentionDays) || (body.retentionDays as number) < 1 || (body.retentionDays as number) > 3650) {
      problems.push(problem('retentionDays', 'Kies hoeveel dagen de antwoorden bewaard blijven: een heel getal van 1 tot 3650.'));
    } else settings.retentionDays = body.retentionDays as number;
  }
  return settings;
}

/**
 * The newest version of a form of the session's organisation, or 404 (also for another
 * organisation's form); a sign-up form with its sessions as the database has them (called off,
 * signed up).
 */
async function ownForm(options: ConsoleOptions, session: ConsoleSession, id: string) {
  const form = await getForm(options.db, session.organisationId, id);
  return form.type === 'meedenksessie' ? { ...form, sessions: await sessionStates(options.db, id) } : form;
}

/** How the organisation's messages are written now: its sender's domain, the worker; none when its mail is off. */
async function consoleMail(options: ConsoleOptions, organisationId: string, baseUrl: string): Promise<SessionMail | undefined> {
  const sender = await senderFor(options.db, organisationId, options.mail.server);
  const mailer = mailerOf(sender?.from, options.mail);
  return mailer ? { mailer, baseUrl } : undefined;
}

/** `networks[2].gemeenten[1]` → `/networks/2/gemeenten/1`: the pointer the console puts a problem on. */
function pointerOf(path: string): string {
  return `/${path.replace(/\[(\d+)\]/g, '.$1').split('.').join('/')}`;
}

const networkMessages: Record<NetworkProblem['problem'], (problem: NetworkProblem, options: string) => string> = {
  unknownGemeente: ({ value }) => `"${value}" is geen gemeente in de CBS-lijst van 2025. Kies de gemeente uit de lijst.`,
  ambiguousGemeente: ({ value }, options) => `"${value}" past bij meer dan één gemeente. Kies ${options}.`,
  formerGemeente: ({ value }, options) => `"${value}" bestaat niet meer als gemeente. Kies ${options}.`,
  regionAsGemeente: ({ value }) => `"${value}" is een regio, geen gemeente. Kies de gemeenten uit de lijst.`,
  unknownArea: ({ value }) => `"${value}" is geen code van een gemeente, jeugdregio, provincie of GGD-regio van 2025.`,
  noArea: () => 'Dit netwerk noemt geen gemeenten of regio’s, dus ouders vinden het niet. Kies minstens één gemeente.',
  outsideNetherlands: () => 'Deze plaats ligt buiten Nederland. Staan breedte- en lengtegraad omgewisseld?',
};

/**
 * Where the networks list `<ouder-netwerkkaart>` reads does not fit the CBS data, found as the widget
 * and `ouderstem-server check-networks` find it (other names such as "Den Haag" are fine; a former
 * gemeente, "Bergen" or an unknown area code is not), in the console's words.
 */
function networkProblems(networks: { networks?: NetworkAreas[] }, gazetteer: Gazetteer): Problem[] {
  return checkNetworks(networks.networks ?? [], gazetteer).map((found) => ({
    field: pointerOf(found.path),
    code: found.problem.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
    message: networkMessages[found.problem](found, (found.suggestions ?? []).map((name) => `"${name}"`).join(' of ')),
  }));
}

/** The 342 gemeenten of the gazetteer as `{ code, name }`, in Dutch alphabetical order: the networks builder's list. */
export function gemeentenOf(gazetteer: Gazetteer): { code: string; name: string }[] {
  return [...gazetteer.areas.values()]
    .filter((area) => area.kind === 'gemeente')
    .map(({ code, name }) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export function registerFormRoutes(app: FastifyInstance, options: ConsoleOptions): void {
  const { db, schemas } = options;
  const lezer = { preHandler: requireRole('lezer') };
  const redacteur = { preHandler: requireRole('redacteur') };
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const gemeenten = gemeentenOf(gazetteer);

  app.get('/beheer/api/forms', lezer, async (request) => ({ forms: await listForms(db, sessionOf(request).organisationId) }));

  app.post('/beheer/api/forms', redacteur, async (request, reply) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    if (typeof body.type !== 'string' || !(FORM_TYPES as readonly string[]).includes(body.type)) {
      refuse([problem('type', 'Kies het soort formulier: peiling, meedenksessie of ervaring.')]);
    }
    const problems: Problem[] = [];
    const settings = settingsOf(body, problems);
    const checked = checkDefinition(schemas, body.definition);
    if (checked.problems.length === 0 && checked.definition.type !== body.type) {
      checked.problems.push(problem('/type', `Het soort in de definitie moet "${String(body.type)}" zijn.`));
    }
    if (problems.length + checked.problems.length > 0) refuse([...problems, ...checked.problems]);
    await createForm(db, session.organisationId, checked.definition, settings, session.user.id);
    await audit(db, session, 'form.create', checked.definition.id, { type: checked.definition.type });
    return reply.code(201).send({ form: await ownForm(options, session, checked.definition.id) });
  });

  app.get<{ Params: { id: string } }>('/beheer/api/forms/:id', lezer, async (request) => ({ form: await ownForm(options, sessionOf(request), request.params.id) }));

  app.put<{ Params: { id: string } }>('/beheer/api/forms/:id', redacteur, async (request) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    const current = await ownForm(options, session, request.params.id);
    const problems: Problem[] = [];
    if (!Number.isInteger(body.baseVersion)) problems.push(problem('baseVersion', 'Stuur mee welke versie je bewerkte (baseVersion).'));
    const settings = settingsOf(body, problems);
    const checked = checkDefinition(schemas, body.definition, current.definition);
    if (problems.length + checked.problems.length > 0) refuse([...problems, ...checked.problems]);
    const saved = await saveForm(db, session.organisationId, current.id, body.baseVersion as number, checked.definition, settings, session.user.id);
    if (saved.changed.length > 0) await audit(db, session, 'form.update', current.id, { ...saved });
    return { form: await ownForm(options, session, current.id) };
  });

  app.post<{ Params: { id: string } }>('/beheer/api/forms/:id/publish', redacteur, async (request) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    if (!Number.isInteger(body.version)) refuse([problem('version', 'Kies welke versie je publiceert.')]);
    const mail = await consoleMail(options, session.organisationId, app.console.baseUrl(request));
    const changes = await publishForm(db, session.organisationId, request.params.id, body.version as number, mail);
    mail?.mailer.nudge();
    await audit(db, session, 'form.publish', request.params.id, {
      version: body.version,
      ...(changes.changed.length > 0 ? { changedSessions: changes.changed } : {}),
      ...(changes.promoted > 0 ? { promoted: changes.promoted } : {}),
    });
    return { form: await ownForm(options, session, request.params.id), changes: { ...changes, mail: mail !== undefined } };
  });

  app.post<{ Params: { id: string } }>('/beheer/api/forms/:id/state', redacteur, async (request) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    if (typeof body.state !== 'string' || !(FORM_STATES as readonly string[]).includes(body.state)) {
      refuse([problem('state', 'Kies gepubliceerd, gesloten of gearchiveerd.')]);
    }
    const before = await setFormState(db, session.organisationId, request.params.id, body.state as FormState);
    await audit(db, session, 'form.state', request.params.id, { from: before, to: body.state });
    return { form: await ownForm(options, session, request.params.id) };
  });

  // An organiser calls a session off: parents signed up for it hear so at once, in their language.
  app.post<{ Params: { id: string; sessionId: string } }>('/beheer/api/forms/:id/sessions/:sessionId/cancel', redacteur, async (request) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    const message = typeof body.message === 'string' ? body.message.trim() : '';
    if (body.message !== undefined && typeof body.message !== 'string') refuse([problem('message', 'Het bericht aan de ouders moet tekst zijn.')]);
    if ([...message].length > 2000) refuse([problem('message', 'Het bericht aan de ouders is te lang: gebruik hoogstens 2000 tekens.')]);
    await ownForm(options, session, request.params.id);
    const form = await currentForm(db, request.params.id);
    if (form?.definition.type !== 'meedenksessie' || !(await isPublished(request.params.id))) {
      throw new ApiError(409, [{ code: 'not-published', message: 'Alleen een sessie van een gepubliceerd aanmeldformulier kun je afzeggen.' }]);
    }
    const mail = await consoleMail(options, session.organisationId, app.console.baseUrl(request));
    const calledOff = await db.transaction(async (tx) => {
      const result = await cancelSession(tx, form, request.params.sessionId, message || undefined, mail);
      await audit(tx, session, 'session.cancel', form.definition.id, { session: request.params.sessionId, ...result, ...(message ? { message } : {}) });
      return result;
    });
    mail?.mailer.nudge();
    return { form: await ownForm(options, session, request.params.id), cancelled: { ...calledOff, mail: mail !== undefined } };
  });

  async function isPublished(id: string): Promise<boolean> {
    const { rows } = await db.query<{ published_version: number | null }>('SELECT published_version FROM forms WHERE id = $1', [id]);
    return rows[0]?.published_version !== null && rows[0]?.published_version !== undefined;
  }

  app.get<{ Params: { id: string } }>('/beheer/api/forms/:id/results', lezer, async (request) => {
    const session = sessionOf(request);
    await ownForm(options, session, request.params.id);
    const form = (await currentForm(db, request.params.id))!;
    const definition = form.definition;
    if (definition.type === 'peiling') {
      const tally = await countVotes(db, definition);
      return { total: tally.total, tally };
    }
    if (definition.type === 'meedenksessie') {
      const { rows } = await db.query<{ session_id: string; confirmed: number; waitlisted: number; cancelled: number; capacity: number | null; taken: number | null }>(
        `SELECT s.session_id, s.capacity,
                (SELECT count(*) FROM places p WHERE p.form_id = s.form_id AND p.session_id = s.session_id AND p.submission_id IS NOT NULL)::int AS taken,
                count(*) FILTER (WHERE ss.status = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE ss.status = 'waitlisted')::int AS waitlisted,
                count(*) FILTER (WHERE ss.status = 'cancelled')::int AS cancelled
         FROM sessions s LEFT JOIN signup_sessions ss ON ss.form_id = s.form_id AND ss.session_id = s.session_id
         WHERE s.form_id = $1 GROUP BY s.form_id, s.session_id, s.capacity`,
        [definition.id],
      );
      const counts = new Map(rows.map((row) => [row.session_id, row]));
      const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signups WHERE form_id = $1', [definition.id]);
      return {
        total: total.rows[0]!.n,
        sessions: definition.sessions.map((item) => {
          const row = counts.get(item.id);
          const capacity = item.capacity ?? null;
          return {
            id: item.id,
            title: item.title,
            capacity,
            confirmed: row?.confirmed ?? 0,
            waitlisted: row?.waitlisted ?? 0,
            cancelled: row?.cancelled ?? 0,
            remaining: capacity === null ? null : Math.max(0, capacity - (row?.taken ?? 0)),
          };
        }),
      };
    }
    const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stories WHERE form_id = $1', [definition.id]);
    return { total: total.rows[0]!.n };
  });

  async function codesForm(session: ConsoleSession, id: string) {
    const form = await ownForm(options, session, id);
    if (form.type !== 'peiling' || form.definition.integrity !== 'code') {
      throw new ApiError(409, [{ code: 'no-codes', message: 'Deze peiling werkt zonder deelnamecodes. Kies bij "Eén keer meedoen" voor "met een deelnamecode" en sla op.' }]);
    }
    return form;
  }

  app.post<{ Params: { id: string } }>('/beheer/api/forms/:id/codes', redacteur, async (request) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    const form = await codesForm(session, request.params.id);
    const count = body.count;
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_CODES) {
      refuse([problem('count', `Kies hoeveel codes je wilt: een heel getal van 1 tot ${MAX_CODES}.`)]);
    }
    const made: string[] = [];
    await db.transaction(async (tx) => {
      while (made.length < (count as number)) {
        const code = participationCode();
        const inserted = await tx.query('INSERT INTO codes (form_id, code) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING code', [form.id, code]);
        if (inserted.rows.length === 1) made.push(code);
      }
      await audit(tx, session, 'codes.create', form.id, { count });
    });
    return { codes: made.map((code) => formatCode(code, 5)) };
  });

  async function storedCodes(id: string, unusedOnly: boolean) {
    const { rows } = await db.query<{ code: string; created_at: Date; used_at: Date | null }>(
      `SELECT code, created_at, used_at FROM codes WHERE form_id = $1${unusedOnly ? ' AND used_at IS NULL' : ''} ORDER BY created_at, code`,
      [id],
    );
    return rows;
  }

  app.get<{ Params: { id: string } }>('/beheer/api/forms/:id/codes.csv', redacteur, async (request, reply) => {
    const session = sessionOf(request);
    const form = await codesForm(session, request.params.id);
    const rows = await storedCodes(form.id, false);
    await audit(db, session, 'codes.export', form.id, { count: rows.length });
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${form.id}-codes.csv"`);
    return ['code,aangemaakt,gebruikt', ...rows.map((row) => `${formatCode(row.code, 5)},${row.created_at.toISOString()},${row.used_at?.toISOString() ?? ''}`)].join('\r\n') + '\r\n';
  });

  app.get<{ Params: { id: string } }>('/beheer/forms/:id/codes/print', redacteur, async (request, reply) => {
    const session = sessionOf(request);
    const form = await codesForm(session, request.params.id);
    const organisation = (await getOrganisation(db, session.organisationId))!;
    const rows = await storedCodes(form.id, true);
    const hostedUrl = `${app.console.baseUrl(request)}/f/${encodeURIComponent(form.id)}`;
    const title = textIn(form.definition.title, 'nl');
    await audit(db, session, 'codes.print', form.id, { count: rows.length });
    reply.type('text/html; charset=utf-8');
    return codesSheet(organisation.name, title, hostedUrl, `/beheer/api/forms/${encodeURIComponent(form.id)}/qr.svg`, rows.map((row) => formatCode(row.code, 5)));
  });

  app.get('/beheer/print/codes.css', { config: { public: true } }, async (_request, reply) => {
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return CODES_CSS;
  });

  async function shareFor(request: FastifyRequest<{ Params: { id: string } }>) {
    const session = sessionOf(request);
    const form = await ownForm(options, session, request.params.id);
    const organisation = (await getOrganisation(db, session.organisationId))!;
    return shareOf(app.console.baseUrl(request), form.definition, organisation);
  }

  app.get<{ Params: { id: string } }>('/beheer/api/forms/:id/share', lezer, shareFor);

  app.get<{ Params: { id: string } }>('/beheer/api/forms/:id/qr.svg', lezer, async (request, reply) => {
    const { hostedUrl } = await shareFor(request);
    reply.type('image/svg+xml').header('content-disposition', `inline; filename="${request.params.id}-qr.svg"`);
    return QRCode.toString(hostedUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  });

  app.get<{ Params: { id: string } }>('/beheer/api/forms/:id/qr.png', lezer, async (request, reply) => {
    const { hostedUrl } = await shareFor(request);
    reply.type('image/png').header('content-disposition', `inline; filename="${request.params.id}-qr.png"`);
    // 1024 px: sharp on an A4 poster, still small (a few KiB).
    return QRCode.toBuffer(hostedUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 1024 });
  });

  app.post('/beheer/api/origin-check', lezer, async (request) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    const origin = typeof body.url === 'string' ? normaliseOrigin(body.url) : undefined;
    if (!origin) refuse([problem('url', 'Vul het adres van je website in, zoals https://www.voorbeeldstad.nl/ouders.')]);
    const server = [...options.config.allowedOrigins, app.console.ownOrigin(request)];
    let formOrigins: string[] = [];
    if (body.formId !== undefined && body.formId !== null) {
      if (typeof body.formId !== 'string') throw notFound();
      formOrigins = (await ownForm(options, session, body.formId)).allowedOrigins;
    }
    const organisation = (await getOrganisation(db, session.organisationId))!;
    const via = await originVia(db, origin!, server, { organisationOrigins: organisation.allowedOrigins, formOrigins });
    return { origin, allowed: via !== undefined, via: via ?? null };
  });

  app.get('/beheer/api/networks', lezer, async (request) => {
    const { rows } = await db.query<{ networks: Record<string, unknown> }>('SELECT networks FROM networks_lists WHERE organisation_id = $1', [
      sessionOf(request).organisationId,
    ]);
    const networks = rows[0]?.networks ?? { type: 'netwerkkaart', networks: [] };
    return { networks, problems: networkProblems(networks, gazetteer) };
  });

  app.put('/beheer/api/networks', redacteur, async (request) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    const validate = schemas.validator('networks');
    if (!validate(body.networks)) {
      refuse(schemaProblems(validate.errors ?? []));
    }
    const networks = body.networks as { networks: (NetworkAreas & { id: string })[] };
    const ids = new Set<string>();
    const duplicate = networks.networks.findIndex((network) => ids.size === ids.add(network.id).size);
    if (duplicate !== -1) refuse([problem(`/networks/${duplicate}/id`, `Twee netwerken hebben de code "${networks.networks[duplicate]!.id}". Geef elk netwerk een eigen code.`)]);
    await db.query(
      `INSERT INTO networks_lists (organisation_id, networks) VALUES ($1, $2)
       ON CONFLICT (organisation_id) DO UPDATE SET networks = EXCLUDED.networks, updated_at = now()`,
      [session.organisationId, JSON.stringify(networks)],
    );
    await audit(db, session, 'networks.update', null, { networks: networks.networks.length });
    return { networks, problems: networkProblems(networks, gazetteer) };
  });

  app.get('/beheer/api/gemeenten', lezer, async () => ({ gemeenten }));
}

/** The printable sheet of participation codes: one slip per code, to cut out, with the page and its QR code. */
function codesSheet(organisation: string, title: string, hostedUrl: string, qrUrl: string, codes: string[]): string {
  const slips = codes
    .map(
      (code) => `<li class="slip"><img src="${escapeHtml(qrUrl)}" alt="" width="96" height="96">
<div><p class="title">${escapeHtml(title)}</p><p>Doe mee op <span class="url">${escapeHtml(hostedUrl)}</span></p><p>Jouw code: <strong class="code">${escapeHtml(code)}</strong></p><p class="small">De code werkt één keer.</p></div></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deelnamecodes: ${escapeHtml(title)}</title>
<link rel="stylesheet" href="/beheer/print/codes.css"></head>
<body>
<header class="screen-only"><h1>Deelnamecodes voor "${escapeHtml(title)}"</h1>
<p>${escapeHtml(organisation)} · ${codes.length === 1 ? '1 ongebruikte code' : `${codes.length} ongebruikte codes`}. Druk deze pagina af (Ctrl+P of ⌘P) en knip de strookjes los. Elke code werkt één keer.</p></header>
<main>${codes.length === 0 ? '<p>Er zijn geen ongebruikte codes. Maak eerst codes aan in de beheeromgeving.</p>' : `<ul class="slips">\n${slips}\n</ul>`}</main>
</body>
</html>
`;
}

const CODES_CSS = `body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 1rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; }
.slips { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0; }
.slip { display: flex; gap: 0.75rem; align-items: center; padding: 0.75rem; border: 1px dashed #767676; break-inside: avoid; page-break-inside: avoid; }
.slip p { margin: 0.15rem 0; }
.title { font-weight: bold; }
.url { overflow-wrap: anywhere; }
.code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 1.3rem; letter-spacing: 0.08em; }
.small { font-size: 0.85rem; }
@media print {
  .screen-only { display: none; }
  body { margin: 0; }
  .slips { grid-template-columns: 1fr 1fr; }
}
`;
