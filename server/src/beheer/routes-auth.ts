/** Logging in and out, the one-time set-up links, and who is logged in. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, type Problem } from '../messages.js';
import { createOrganisation, getOrganisation } from '../organisations.js';
import { clearSessionCookie, cookieName, requireRole, sessionOf, setSessionCookie } from './access.js';
import { audit } from './audit.js';
import {
  accountKey,
  checkSetupToken,
  clearFailures,
  clientKey,
  createSession,
  endSession,
  hashPassword,
  lockedFor,
  LOCKOUT,
  passwordProblem,
  recordFailure,
  useSetupToken,
  verifyPassword,
} from './auth.js';
import { bodyOf, emailOf, nameOf, problem, refuse } from './input.js';
import { mailProblemCount, mailStatus } from './routes-mail.js';
import type { ConsoleOptions } from './index.js';
import { addUser, countUsers, publicUser, userByEmail, userById, type StoredUser } from './users.js';

const INVALID_LOGIN: Problem = {
  code: 'invalid-login',
  message: 'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.',
};

function lockedError(seconds: number): ApiError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new ApiError(429, [
    {
      code: 'locked',
      message: `Te vaak een verkeerd wachtwoord. Inloggen kan over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} weer. Wachtwoord vergeten? Vraag een beheerder om een nieuwe link.`,
    },
  ]);
}

/** Logs a user in: a session row, the cookie, the time, a line in the audit log. */
export async function startSession(
  options: ConsoleOptions,
  request: FastifyRequest,
  reply: Parameters<typeof setSessionCookie>[1],
  user: StoredUser,
  method: 'password' | 'oidc' | 'setup',
): Promise<void> {
  const id = await createSession(options.db, user.id);
  await options.db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [user.id]);
  await audit(options.db, { organisationId: user.organisationId, user }, 'login', user.email, { method });
  setSessionCookie(request, reply, id);
}

export function registerAuthRoutes(app: FastifyInstance, options: ConsoleOptions): void {
  const { db } = options;
  const open = { config: { public: true } };

  app.get('/beheer/api/auth', open, async () => ({ setupNeeded: (await countUsers(db)) === 0, oidc: options.oidc !== undefined }));

  app.get<{ Params: { token: string } }>('/beheer/api/setup/:token', open, async (request, reply) => {
    const checked = await checkSetupToken(db, request.params.token);
    if (checked.state === 'unknown') return reply.code(404).send({ errors: [{ code: 'not-found', message: 'Deze link kennen we niet. Controleer of je hem helemaal hebt gekopieerd.' }] });
    if (checked.state === 'expired') return reply.code(410).send({ errors: [expiredLink] });
    const organisation = checked.token.organisationId ? await getOrganisation(db, checked.token.organisationId) : undefined;
    const user = checked.token.userId ? await userById(db, checked.token.userId) : undefined;
    return {
      organisation: organisation ? { name: organisation.name } : null,
      user: user ? { email: user.email, name: user.name } : null,
    };
  });

  app.post<{ Params: { token: string } }>('/beheer/api/setup/:token', open, async (request, reply) => {
    const body = bodyOf(request);
    const checked = await checkSetupToken(db, request.params.token);
    if (checked.state === 'unknown') return reply.code(404).send({ errors: [{ code: 'not-found', message: 'Deze link kennen we niet. Controleer of je hem helemaal hebt gekopieerd.' }] });
    if (checked.state === 'expired') return reply.code(410).send({ errors: [expiredLink] });
    const { token } = checked;
    const problems: Problem[] = [];
    const existing = token.userId ? await userById(db, token.userId) : undefined;
    const email = existing ? existing.email : emailOf(body.email, problems);
    const name = existing && body.name === undefined ? existing.name : nameOf(body.name, problems, 'name', 'Vul je naam in.');
    const organisationName =
      token.organisationId === null && !existing ? nameOf(body.organisationName, problems, 'organisationName', 'Vul de naam van je organisatie in, bijvoorbeeld "Gemeente Voorbeeldstad".') : undefined;
    const weak = passwordProblem(body.password, email);
    if (weak) problems.push(problem('password', weak));
    if (problems.length > 0) refuse(problems);
    const passwordHash = await hashPassword(body.password as string);

    const user = await db.transaction(async (tx) => {
      // The link works once, also when two tabs send it at the same moment.
      if (!(await useSetupToken(tx, token.hash))) throw new ApiError(410, [expiredLink]);
      if (existing) {
        await tx.query('UPDATE users SET password_hash = $2, name = $3 WHERE id = $1', [existing.id, passwordHash, name]);
        // A new password ends every session the old one opened, and lifts a lockout.
        await tx.query('DELETE FROM console_sessions WHERE user_id = $1', [existing.id]);
        await clearFailures(tx, accountKey(existing.email));
        await audit(tx, { organisationId: existing.organisationId, user: existing }, 'user.password', existing.email);
        return { ...existing, name, passwordHash };
      }
      // A link without a user makes the first beheerder; it stops working once there is one.
      const again = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM users WHERE $1::text IS NULL OR organisation_id = $1',
        [token.organisationId],
      );
      if (again.rows[0]!.n > 0) throw new ApiError(410, [expiredLink]);
      const organisationId = token.organisationId ?? (await createOrganisation(tx, organisationName!)).id;
      const created = await addUser(tx, { organisationId, email, name, role: 'beheerder', passwordHash });
      await audit(tx, { organisationId, user: created }, 'setup', created.email, { role: 'beheerder', organisationCreated: token.organisationId === null });
      return created;
    });
    await startSession(options, request, reply, user, 'setup');
    return reply.code(201).send({ user: publicUser(user) });
  });

  app.post('/beheer/api/login', open, async (request, reply) => {
    const body = bodyOf(request);
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (email === '' || password === '') {
      refuse([
        ...(email === '' ? [problem('email', 'Vul je e-mailadres in.')] : []),
        ...(password === '' ? [problem('password', 'Vul je wachtwoord in.')] : []),
      ]);
    }
    const keys = [accountKey(email), clientKey(options.rateKeySecret, request.ip)];
    const wait = await lockedFor(db, keys);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw lockedError(wait);
    }
    const user = await userByEmail(db, email);
    // Always one scrypt, also for an unknown address: the answer's time does not tell which addresses exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? null);
    if (!user || !valid) {
      await recordFailure(db, keys);
      if (user) {
        const now = await lockedFor(db, [keys[0]!]);
        await audit(db, { organisationId: user.organisationId, system: 'login' }, now > 0 ? 'login.locked' : 'login.failed', user.email, {
          ...(now > 0 ? { minutes: LOCKOUT.minutes } : {}),
        });
      }
      throw new ApiError(401, [INVALID_LOGIN]);
    }
    await clearFailures(db, keys[0]!);
    await startSession(options, request, reply, user, 'password');
    return { user: publicUser(user) };
  });

  app.post('/beheer/api/logout', { preHandler: requireRole('lezer') }, async (request, reply) => {
    const session = sessionOf(request);
    const id = request.cookies[cookieName(app.console.secure(request))];
    if (id) await endSession(db, id);
    await audit(db, session, 'logout', session.user.email);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.get('/beheer/api/me', { preHandler: requireRole('lezer') }, async (request) => {
    const session = sessionOf(request);
    const organisation = (await getOrganisation(db, session.organisationId))!;
    const user = (await userById(db, session.user.id))!;
    const mail = await mailStatus(options, session.organisationId);
    const problems = await mailProblemCount(db, session.organisationId);
    return { user: publicUser(user), organisation, mail: { configured: mail.source !== null, source: mail.source, problems } };
  });
}

const expiredLink: Problem = {
  code: 'setup-link-expired',
  message: 'Deze link is al gebruikt of verlopen (een link werkt één keer en 24 uur lang). Vraag een beheerder om een nieuwe.',
};
