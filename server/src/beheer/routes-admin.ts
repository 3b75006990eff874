/** A beheerder's routes: the organisation's people, its settings, its audit log. */
import type { FastifyInstance } from 'fastify';
import { ApiError, type Problem } from '../messages.js';
import { getOrganisation, normaliseOrigin } from '../organisations.js';
import { requireRole, sessionOf } from './access.js';
import { audit, readAudit } from './audit.js';
import { isRole, issueSetupToken } from './auth.js';
import { bodyOf, emailOf, nameOf, problem, refuse } from './input.js';
import type { ConsoleOptions } from './index.js';
import { addUser, listUsers, otherBeheerders, publicUser, userById } from './users.js';

const ROLE_PROBLEM = 'Kies een rol: beheerder, redacteur of lezer.';

function userNotFound(): ApiError {
  return new ApiError(404, [{ code: 'not-found', message: 'Deze gebruiker bestaat niet (meer) in jouw organisatie.' }]);
}

/** Origins as an editor typed them, normalised to `scheme://host[:port]`; one problem names every bad entry. */
export function originsOf(value: unknown, field: string, problems: Problem[]): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    problems.push(problem(field, 'Geef een lijst van webadressen, zoals https://www.voorbeeldstad.nl.'));
    return [];
  }
  const origins: string[] = [];
  const wrong: string[] = [];
  for (const item of value as string[]) {
    const origin = normaliseOrigin(item);
    if (origin) origins.push(origin);
    else wrong.push(item);
  }
  if (wrong.length > 0) {
    problems.push(
      problem(field, `Dit is geen webadres: ${wrong.map((item) => `"${item}"`).join(', ')}. Schrijf het zoals https://www.voorbeeldstad.nl (een pad erachter mag, dat telt niet mee).`, 'invalid-origin'),
    );
  }
  return [...new Set(origins)];
}

export function registerAdminRoutes(app: FastifyInstance, options: ConsoleOptions): void {
  const { db } = options;
  const beheerder = { preHandler: requireRole('beheerder') };
  const setupUrl = (base: string, token: string) => `${base}/beheer/setup/${token}`;

  app.get('/beheer/api/users', beheerder, async (request) => ({ users: await listUsers(db, sessionOf(request).organisationId) }));

  app.post('/beheer/api/users', beheerder, async (request, reply) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    const problems: Problem[] = [];
    const email = emailOf(body.email, problems);
    const name = nameOf(body.name, problems, 'name', 'Vul de naam in.');
    if (!isRole(body.role)) problems.push(problem('role', ROLE_PROBLEM));
    if (problems.length > 0) refuse(problems);
    const { user, token } = await db.transaction(async (tx) => {
      const user = await addUser(tx, { organisationId: session.organisationId, email, name, role: body.role as 'lezer' });
      const token = await issueSetupToken(tx, { organisationId: session.organisationId, userId: user.id });
      await audit(tx, session, 'user.create', user.email, { role: user.role });
      return { user, token };
    });
    return reply.code(201).send({ user: publicUser(user), setupUrl: setupUrl(app.console.baseUrl(request), token) });
  });

  app.patch<{ Params: { id: string } }>('/beheer/api/users/:id', beheerder, async (request) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    const problems: Problem[] = [];
    const name = body.name === undefined ? undefined : nameOf(body.name, problems, 'name', 'Vul de naam in.');
    if (body.role !== undefined && !isRole(body.role)) problems.push(problem('role', ROLE_PROBLEM));
    if (problems.length > 0) refuse(problems);
    return db.transaction(async (tx) => {
      // Locks the organisation's beheerders, so two demotions at once cannot leave none.
      await tx.query("SELECT id FROM users WHERE organisation_id = $1 AND role = 'beheerder' FOR UPDATE", [session.organisationId]);
      const user = await userById(tx, request.params.id, session.organisationId);
      if (!user) throw userNotFound();
      const role = (body.role as typeof user.role | undefined) ?? user.role;
      if (user.role === 'beheerder' && role !== 'beheerder' && (await otherBeheerders(tx, session.organisationId, user.id)) === 0) {
        throw new ApiError(409, [{ field: 'role', code: 'last-beheerder', message: 'Dit is de laatste beheerder van de organisatie. Maak eerst iemand anders beheerder.' }]);
      }
      await tx.query('UPDATE users SET name = $2, role = $3 WHERE id = $1', [user.id, name ?? user.name, role]);
      const detail: Record<string, unknown> = {};
      if (role !== user.role) detail.role = { from: user.role, to: role };
      if (name !== undefined && name !== user.name) detail.name = { from: user.name, to: name };
      await audit(tx, session, 'user.update', user.email, detail);
      return { user: publicUser({ ...user, name: name ?? user.name, role }) };
    });
  });

  app.delete<{ Params: { id: string } }>('/beheer/api/users/:id', beheerder, async (request, reply) => {
    const session = sessionOf(request);
    if (request.params.id === session.user.id) {
      throw new ApiError(409, [{ code: 'not-yourself', message: 'Je kunt je eigen account niet verwijderen. Vraag een andere beheerder.' }]);
    }
    await db.transaction(async (tx) => {
      await tx.query("SELECT id FROM users WHERE organisation_id = $1 AND role = 'beheerder' FOR UPDATE", [session.organisationId]);
      const user = await userById(tx, request.params.id, session.organisationId);
      if (!user) throw userNotFound();
      if (user.role === 'beheerder' && (await otherBeheerders(tx, session.organisationId, user.id)) === 0) {
        throw new ApiError(409, [{ code: 'last-beheerder', message: 'Dit is de laatste beheerder van de organisatie. Maak eerst iemand anders beheerder.' }]);
      }
      await tx.query('DELETE FROM users WHERE id = $1', [user.id]);
      await audit(tx, session, 'user.delete', user.email, { role: user.role });
    });
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/beheer/api/users/:id/setup-link', beheerder, async (request) => {
    const session = sessionOf(request);
    const user = await userById(db, request.params.id, session.organisationId);
    if (!user) throw userNotFound();
    const token = await issueSetupToken(db, { organisationId: session.organisationId, userId: user.id });
    await audit(db, session, 'user.setup-link', user.email);
    return { setupUrl: setupUrl(app.console.baseUrl(request), token) };
  });

  app.get('/beheer/api/organisation', beheerder, async (request) => ({ organisation: await getOrganisation(db, sessionOf(request).organisationId) }));

  app.patch('/beheer/api/organisation', beheerder, async (request) => {
    const session = sessionOf(request);
    const body = bodyOf(request);
    const problems: Problem[] = [];
    const name = body.name === undefined ? undefined : nameOf(body.name, problems, 'name', 'Vul de naam van de organisatie in.');
    let privacyUrl: string | null | undefined;
    if (body.privacyUrl === null || body.privacyUrl === '') privacyUrl = null;
    else if (body.privacyUrl !== undefined) {
      privacyUrl = typeof body.privacyUrl === 'string' ? body.privacyUrl.trim() : '';
      if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(privacyUrl) && !/^\/[^\s]*$/.test(privacyUrl)) {
        problems.push(problem('privacyUrl', 'Vul het adres van jullie privacyverklaring in, zoals https://www.voorbeeldstad.nl/privacy.'));
      }
    }
    const allowedOrigins = body.allowedOrigins === undefined ? undefined : originsOf(body.allowedOrigins, 'allowedOrigins', problems);
    if (problems.length > 0) refuse(problems);
    return db.transaction(async (tx) => {
      const before = (await getOrganisation(tx, session.organisationId))!;
      const after = {
        ...before,
        ...(name === undefined ? {} : { name }),
        ...(privacyUrl === undefined ? {} : { privacyUrl }),
        ...(allowedOrigins === undefined ? {} : { allowedOrigins }),
      };
      await tx.query('UPDATE organisations SET name = $2, privacy_url = $3, allowed_origins = $4 WHERE id = $1', [
        before.id,
        after.name,
        after.privacyUrl,
        after.allowedOrigins,
      ]);
      const detail: Record<string, unknown> = {};
      for (const key of ['name', 'privacyUrl', 'allowedOrigins'] as const) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) detail[key] = { from: before[key], to: after[key] };
      }
      await audit(tx, session, 'organisation.update', before.id, detail);
      return { organisation: after };
    });
  });

  app.get<{ Querystring: { before?: string; limit?: string } }>('/beheer/api/audit', beheerder, async (request) => {
    const before = request.query.before === undefined ? undefined : Number(request.query.before);
    const limit = request.query.limit === undefined ? 50 : Number(request.query.limit);
    const problems: Problem[] = [];
    if (before !== undefined && !(Number.isInteger(before) && before > 0)) problems.push(problem('before', 'Geef als "before" het nummer van een regel.'));
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 200)) problems.push(problem('limit', 'Vraag 1 tot 200 regels tegelijk.'));
    if (problems.length > 0) refuse(problems);
    return { entries: await readAudit(db, sessionOf(request).organisationId, before, limit) };
  });
}
