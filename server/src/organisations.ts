import type { Queryable } from './db.js';

/** An organisation: a gemeente, a school board, a regional network. Everything in the console belongs to one. */
export interface Organisation {
  id: string;
  name: string;
  privacyUrl: string | null;
  allowedOrigins: string[];
}

interface OrganisationRow {
  id: string;
  name: string;
  privacy_url: string | null;
  allowed_origins: string[];
}

function fromRow(row: OrganisationRow): Organisation {
  return { id: row.id, name: row.name, privacyUrl: row.privacy_url, allowedOrigins: row.allowed_origins };
}

export async function getOrganisation(db: Queryable, id: string): Promise<Organisation | undefined> {
  const { rows } = await db.query<OrganisationRow>('SELECT id, name, privacy_url, allowed_origins FROM organisations WHERE id = $1', [id]);
  return rows[0] && fromRow(rows[0]);
}

/** `Gemeente 's-Hertogenbosch` → `gemeente-s-hertogenbosch`: the id used in URLs and on the command line. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'organisatie';
}

/** A new organisation with an id made from its name (`-2`, `-3` … when taken). */
export async function createOrganisation(db: Queryable, name: string, privacyUrl: string | null = null): Promise<Organisation> {
  const base = slugOf(name);
  for (let attempt = 1; ; attempt++) {
    const id = attempt === 1 ? base : `${base}-${attempt}`;
    const { rows } = await db.query<OrganisationRow>(
      `INSERT INTO organisations (id, name, privacy_url) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING
       RETURNING id, name, privacy_url, allowed_origins`,
      [id, name, privacyUrl],
    );
    if (rows[0]) return fromRow(rows[0]);
  }
}

/** The organisation with this id; made (with `name` and `privacyUrl`) when there is none yet. */
export async function ensureOrganisation(db: Queryable, wanted: { id: string; name?: string; privacyUrl?: string }): Promise<Organisation> {
  await db.query('INSERT INTO organisations (id, name, privacy_url) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
    wanted.id,
    wanted.name ?? wanted.id,
    wanted.privacyUrl ?? null,
  ]);
  return (await getOrganisation(db, wanted.id))!;
}

/**
 * A web site's origin (`scheme://host[:port]`) from what an editor types: a page address, an origin,
 * or a bare host name (taken as https). Undefined for anything that is not an http(s) site.
 */
export function normaliseOrigin(input: string): string | undefined {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.hostname === '') return undefined;
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/i.test(url.hostname) || url.hostname.startsWith('.') || url.hostname.includes('..')) return undefined;
  return url.origin;
}

export type OriginVia = 'server' | 'organisation' | 'form';

/**
 * Why an origin may use a form (or, without a form, some form on this server): the server's own
 * list (`config.json`), its organisation's, the form's own; undefined when none allows it.
 * Read from the database on every call, so a change in the console counts at once in every process.
 */
export async function originVia(
  db: Queryable,
  origin: string,
  serverOrigins: readonly string[],
  form?: { organisationOrigins: readonly string[]; formOrigins: readonly string[] },
): Promise<OriginVia | undefined> {
  if (serverOrigins.includes(origin)) return 'server';
  if (form) {
    if (form.organisationOrigins.includes(origin)) return 'organisation';
    if (form.formOrigins.includes(origin)) return 'form';
    return undefined;
  }
  const { rows } = await db.query<{ via: OriginVia }>(
    `SELECT 'organisation' AS via FROM organisations WHERE $1 = ANY (allowed_origins)
     UNION ALL SELECT 'form' FROM forms WHERE $1 = ANY (allowed_origins) AND state <> 'gearchiveerd' LIMIT 1`,
    [origin],
  );
  return rows[0]?.via;
}
