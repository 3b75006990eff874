import { ContentError } from '../content.js';

/** How the server reaches its mail relay: `OUDERSTEM_SMTP_URL` and `OUDERSTEM_MAIL_FROM`. */
export interface MailSettings {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  smtpUrl: string;
  /** The sender, `Gemeente Voorbeeldstad <ouders@voorbeeldstad.nl>` or a bare address. */
  from: string;
}

/** Mail settings from the environment; none when neither variable is set. Half a setting stops start-up. */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings | undefined {
  const smtpUrl = env.OUDERSTEM_SMTP_URL?.trim() || undefined;
  const from = env.OUDERSTEM_MAIL_FROM?.trim() || undefined;
  if (!smtpUrl && !from) return undefined;
  if (!smtpUrl) throw new ContentError('OUDERSTEM_MAIL_FROM is set but OUDERSTEM_SMTP_URL is not: set both to send e-mail, or neither.');
  if (!from) throw new ContentError('OUDERSTEM_SMTP_URL is set but OUDERSTEM_MAIL_FROM is not: set the sender address too.');
  const checked = readSmtpUrl(smtpUrl);
  if (checked === 'not-a-url') throw new ContentError('OUDERSTEM_SMTP_URL is not a URL; write it as smtp://user:password@host:587.');
  if (!(checked instanceof URL)) throw new ContentError(`OUDERSTEM_SMTP_URL must start with smtp:// or smtps://, not ${checked.protocol}//.`);
  if (!domainOf(from)) throw new ContentError('OUDERSTEM_MAIL_FROM needs an e-mail address, such as ouders@voorbeeldstad.nl.');
  return { smtpUrl, from };
}

/** An SMTP address as a URL, or why it is none: not a URL at all, or another protocol than smtp(s). */
export function readSmtpUrl(text: string): URL | 'not-a-url' | { protocol: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not-a-url';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return { protocol: url.protocol };
  if (!url.hostname) return 'not-a-url';
  return url;
}

/** An SMTP address split in two: the address without its password (fine to show and log), and the password. */
export function splitPassword(smtpUrl: URL): { smtpUrl: string; password?: string } {
  const url = new URL(smtpUrl.href);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  return { smtpUrl: url.href.replace(/\/$/, ''), ...(password === undefined ? {} : { password }) };
}

/** The address the relay is reached on, with the password put back in (URL-encoded). */
export function withPassword(smtpUrl: string, password: string | null | undefined): string {
  if (!password) return smtpUrl;
  const url = new URL(smtpUrl);
  url.password = encodeURIComponent(password);
  return url.href.replace(/\/$/, '');
}

/** The relay's address without its password, for logs and the console: `smtp://ouders:•••@mail.example:587`. */
export function describeSmtpUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    const user = url.username ? `${url.username}${url.password ? ':•••' : ''}@` : '';
    return `${url.protocol}//${user}${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return '(unreadable SMTP URL)';
  }
}

/** Takes the password (raw and URL-encoded) out of any text, such as a relay's error message. */
export function withoutSecret(text: string, smtpUrl: string): string {
  let password = '';
  try {
    password = new URL(smtpUrl).password;
  } catch {
    return text;
  }
  if (!password) return text;
  return [password, decodeURIComponent(password)].reduce((result, secret) => result.split(secret).join('•••'), text);
}

/** The domain of the sender's address, for Message-IDs: `<uuid@voorbeeldstad.nl>`. */
export function domainOf(from: string): string | undefined {
  return /@([A-Za-z0-9.-]+\.[A-Za-z]{2,})>?\s*$/.exec(from)?.[1]?.toLowerCase();
}

/** The bare address of a sender: `Gemeente X <ouders@x.nl>` → `ouders@x.nl`. */
export function addressOf(from: string): string | undefined {
  return /([^\s<>"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>?\s*$/.exec(from)?.[1];
}

/** The name of a sender, when it has one: `Gemeente X <ouders@x.nl>` → `Gemeente X`. */
export function nameOf(from: string): string | undefined {
  const name = /^\s*"?([^"<]*?)"?\s*</.exec(from)?.[1]?.trim();
  return name || undefined;
}
