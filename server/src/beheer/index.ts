/**
 * The console (beheer): its JSON API under /beheer/api, the OpenID login, and the console's own
 * files (built by server/beheer/ into dist/beheer/) at /beheer/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Database } from '../db.js';
import type { ServerConfig } from '../content.js';
import type { Schemas } from '../schemas.js';
import type { MailService } from '../mail/sender.js';
import { consolePage } from './page.js';
import { registerAdminRoutes } from './routes-admin.js';
import { registerAuthRoutes } from './routes-auth.js';
import type { Gazetteer } from '../gazetteer.js';
import { registerFormRoutes } from './routes-forms.js';
import { registerMailRoutes } from './routes-mail.js';
import { registerOidcRoutes, type OidcSettings } from './oidc.js';

export { audit, type Actor } from './audit.js';
export { requireRole, sessionOf } from './access.js';
export type { ConsoleSession, Role } from './auth.js';

export interface ConsoleOptions {
  db: Database;
  config: ServerConfig;
  schemas: Schemas;
  /** Secret for the login lockout's per-client key (a hash of the address, never the address). */
  rateKeySecret: string;
  oidc?: OidcSettings;
  /** Where the built console is; `dist/beheer/` of this package by default. */
  consoleDir?: string;
  /**
   * The process's mail (issue #14): the server's own settings, if any, and the worker. Whether an
   * organisation sends e-mail is `senderFor(db, organisationId, mail.server)`; a route that writes
   * messages gets its `Mailer` with `mailerOf(sender.from, mail)`.
   */
  mail: MailService;
  /** The gemeenten and regions networks are checked against and the builder offers; the shipped data/gebieden-2025.json when absent. */
  gazetteer?: Gazetteer;
}

/** `server/dist/beheer/`, next to the compiled server in `server/dist/src/`. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../beheer/', import.meta.url));

export async function registerConsole(app: FastifyInstance, options: ConsoleOptions): Promise<void> {
  registerAuthRoutes(app, options);
  registerAdminRoutes(app, options);
  registerFormRoutes(app, options);
  registerMailRoutes(app, options);
  if (options.oidc) registerOidcRoutes(app, options, options.oidc);

  const dir = options.consoleDir ?? CONSOLE_DIR;
  const index = join(dir, 'index.html');
  // One page for the whole console: its own router reads the address (also /beheer/setup/<token>).
  const sendIndex = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    if (!existsSync(index)) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send(consolePage('Beheeromgeving niet gebouwd', '<p>De beheeromgeving is nog niet gebouwd. Voer in de map van Ouderstem <code>npm run build</code> uit en start de server opnieuw.</p>'));
    }
    return reply.type('text/html; charset=utf-8').send(readFileSync(index));
  };
  app.get('/beheer', async (_request, reply) => reply.redirect('/beheer/', 301));
  app.get('/beheer/', sendIndex);
  app.get('/beheer/setup/:token', sendIndex);
  if (existsSync(dir)) {
    await app.register(fastifyStatic, { root: dir, prefix: '/beheer/', index: false, decorateReply: false, wildcard: true });
  }
}
