import type { Queryable } from '../db.js';
import type { Mailer } from './queue.js';
import { domainOf, withPassword, type MailSettings } from './settings.js';

/**
 * Who sends an organisation's e-mail: its own relay and sender, set in the console by a
 * beheerder, or else the server's (`OUDERSTEM_SMTP_URL` and `OUDERSTEM_MAIL_FROM`), or nobody.
 * Read from the database whenever it is needed, so a change counts at once in every process.
 */
export type MailSource = 'organisation' | 'server';

export interface Sender extends MailSettings {
  source: MailSource;
}

/** The process's mail: the server's own settings, if any, and the worker to wake when mail is waiting. */
export interface MailService {
  readonly server?: MailSettings;
  nudge(): void;
}

/** An organisation's own settings as the console shows them: never the password, only whether there is one. */
export interface OwnMailSettings {
  /** The relay without its password: `smtp://ouders@mail.voorbeeldstad.nl:587`. */
  smtpUrl: string;
  passwordSet: boolean;
  from: string;
  updatedAt: string;
}

interface Row {
  smtp_url: string;
  smtp_password: string | null;
  mail_from: string;
  updated_at: Date | string;
}

async function ownRow(db: Queryable, organisationId: string): Promise<Row | undefined> {
  const { rows } = await db.query<Row>('SELECT smtp_url, smtp_password, mail_from, updated_at FROM organisation_mail WHERE organisation_id = $1', [
    organisationId,
  ]);
  return rows[0];
}

export async function ownMailSettings(db: Queryable, organisationId: string): Promise<OwnMailSettings | undefined> {
  const row = await ownRow(db, organisationId);
  if (!row) return undefined;
  return { smtpUrl: row.smtp_url, passwordSet: row.smtp_password !== null, from: row.mail_from, updatedAt: new Date(row.updated_at).toISOString() };
}

/** The organisation's own settings, else the server's, else undefined: e-mail is off for it. */
export async function senderFor(db: Queryable, organisationId: string, server: MailSettings | undefined): Promise<Sender | undefined> {
  const row = await ownRow(db, organisationId);
  if (row) return { source: 'organisation', smtpUrl: withPassword(row.smtp_url, row.smtp_password), from: row.mail_from };
  return server ? { source: 'server', ...server } : undefined;
}

/** What writing messages for a sender needs: its domain for the Message-IDs, and the worker to wake. */
export function mailerOf(from: string | undefined, service: MailService): Mailer | undefined {
  if (from === undefined) return undefined;
  return { domain: domainOf(from) ?? 'ouderstem.invalid', nudge: () => service.nudge() };
}

export interface NewOwnSettings {
  /** Without a password. */
  smtpUrl: string;
  /** A new password; `undefined` keeps the stored one, `null` means the relay takes none. */
  password: string | null | undefined;
  from: string;
}

/** Stores an organisation's own settings; the password stays as it was unless a new one (or null) is given. */
export async function saveOwnMailSettings(db: Queryable, organisationId: string, settings: NewOwnSettings): Promise<void> {
  await db.query(
    `INSERT INTO organisation_mail (organisation_id, smtp_url, smtp_password, mail_from) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id) DO UPDATE SET smtp_url = EXCLUDED.smtp_url, mail_from = EXCLUDED.mail_from, updated_at = now(),
       smtp_password = CASE WHEN $5 THEN organisation_mail.smtp_password ELSE EXCLUDED.smtp_password END`,
    [organisationId, settings.smtpUrl, settings.password ?? null, settings.from, settings.password === undefined],
  );
}

export async function removeOwnMailSettings(db: Queryable, organisationId: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM organisation_mail WHERE organisation_id = $1 RETURNING organisation_id', [organisationId]);
  return rows.length > 0;
}
