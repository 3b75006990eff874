import type { Database, Queryable } from './db.js';
import { toForm, type AuthoredDefinition, type Content } from './content.js';
import { breakingChanges, readVersion, sameDefinition, versionOf } from './forms.js';
import { ensureOrganisation } from './organisations.js';
import { bodyHash, syncSessions } from './store.js';
import { audit } from './beheer/audit.js';

export interface ImportReport {
  organisation: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Files left as they were in the database, with the reasons (in Dutch, as the console says them). */
  refused: { id: string; problems: string[] }[];
  networks?: 'created' | 'updated' | 'unchanged';
}

/** The default organisation of an import that names none: the one a fresh server starts with. */
export const DEFAULT_ORGANISATION = { id: 'standaard', name: 'Mijn organisatie' };

/**
 * Imports a content folder into an organisation: every form file becomes a form (new: version 1,
 * published, as files always were live), a file changed since its last import becomes a new
 * version (published when the form is), and `networks.json` the organisation's networks list.
 * A file that did not change since its last import is left alone, so what the console changed
 * since is kept. A change that would make stored answers unreadable is refused for that file only.
 * One transaction under an advisory lock: processes starting together import once.
 */
export async function importContent(
  db: Database,
  content: Pick<Content, 'forms' | 'networks'>,
  organisation: { id: string; name?: string; privacyUrl?: string },
  system: 'import' | 'cli' = 'import',
): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4242011)');
    const target = await ensureOrganisation(tx, organisation);
    const report: ImportReport = { organisation: target.id, created: [], updated: [], unchanged: [], refused: [] };
    const actor = { organisationId: target.id, system } as const;
    for (const authored of content.forms.values()) {
      const outcome = await importForm(tx, target.id, authored);
      if (outcome.kind === 'refused') report.refused.push({ id: authored.id, problems: outcome.problems });
      else report[outcome.kind].push(authored.id);
      if (outcome.kind === 'created' || outcome.kind === 'updated') {
        await audit(tx, actor, `form.import`, authored.id, { outcome: outcome.kind, version: outcome.version });
      }
    }
    if (content.networks) {
      report.networks = await importNetworks(tx, target.id, content.networks);
      if (report.networks !== 'unchanged') await audit(tx, actor, 'networks.import', null, { outcome: report.networks });
    }
    return report;
  });
}

type FormOutcome = { kind: 'created' | 'updated'; version: number } | { kind: 'unchanged' } | { kind: 'refused'; problems: string[] };

async function importForm(tx: Queryable, organisationId: string, authored: AuthoredDefinition): Promise<FormOutcome> {
  const hash = bodyHash(authored);
  const origins = (authored.allowedOrigins as string[] | undefined) ?? [];
  const retentionDays = (authored.retentionDays as number | undefined) ?? null;
  const definition = versionOf(authored);
  const existing = await tx.query<{ organisation_id: string; type: string; state: string; imported_hash: string | null; allowed_origins: string[] }>(
    'SELECT organisation_id, type, state, imported_hash, allowed_origins FROM forms WHERE id = $1 FOR UPDATE',
    [authored.id],
  );
  const row = existing.rows[0];
  if (!row) {
    await tx.query(
      `INSERT INTO forms (id, organisation_id, type, state, published_version, allowed_origins, retention_days, imported_hash)
       VALUES ($1, $2, $3, 'gepubliceerd', 1, $4, $5, $6)`,
      [authored.id, organisationId, authored.type, origins, retentionDays, hash],
    );
    await tx.query('INSERT INTO form_versions (form_id, version, definition) VALUES ($1, 1, $2)', [authored.id, JSON.stringify(definition)]);
    // Answers stored before forms lived in the database answered this same file.
    await tx.query('UPDATE submissions SET form_version = 1 WHERE form_id = $1 AND form_version IS NULL', [authored.id]);
    await syncSessions(tx, [toForm(definition, 1)]);
    return { kind: 'created', version: 1 };
  }
  if (row.organisation_id !== organisationId) {
    return { kind: 'refused', problems: [`Een formulier met de code "${authored.id}" hoort al bij een andere organisatie (${row.organisation_id}).`] };
  }
  if (row.type !== authored.type) {
    return { kind: 'refused', problems: [`"${authored.id}" is al een ${row.type}; een bestand kan het soort formulier niet veranderen.`] };
  }
  if (row.imported_hash === hash) return { kind: 'unchanged' };
  const { rows } = await tx.query<{ newest: number }>('SELECT max(version) AS newest FROM form_versions WHERE form_id = $1', [authored.id]);
  const newest = rows[0]!.newest;
  // The file's origins are added to the form's, never take away what the console allowed.
  const allowedOrigins = [...new Set([...row.allowed_origins, ...origins])];
  let version = newest;
  if (!sameDefinition(await readVersion(tx, authored.id, newest), definition)) {
    const problems = await breakingChanges(tx, authored.id, definition);
    if (problems.length > 0) return { kind: 'refused', problems: problems.map((problem) => problem.message) };
    version = newest + 1;
    await tx.query('INSERT INTO form_versions (form_id, version, definition) VALUES ($1, $2, $3)', [authored.id, version, JSON.stringify(definition)]);
  }
  // A new version from the file goes live when the form is; otherwise the published one stays.
  const live = version > newest && (row.state === 'gepubliceerd' || row.state === 'gesloten');
  await tx.query(
    `UPDATE forms SET imported_hash = $2, allowed_origins = $3, retention_days = coalesce($4, retention_days), updated_at = now(),
       published_version = CASE WHEN $5 THEN $6::integer ELSE published_version END
     WHERE id = $1`,
    [authored.id, hash, allowedOrigins, retentionDays, live, version],
  );
  if (live) await syncSessions(tx, [toForm(definition, version)]);
  return { kind: 'updated', version };
}

async function importNetworks(tx: Queryable, organisationId: string, networks: Record<string, unknown>): Promise<'created' | 'updated' | 'unchanged'> {
  const hash = bodyHash(networks);
  const { rows } = await tx.query<{ imported_hash: string | null }>('SELECT imported_hash FROM networks_lists WHERE organisation_id = $1', [organisationId]);
  if (rows[0]?.imported_hash === hash) return 'unchanged';
  await tx.query(
    `INSERT INTO networks_lists (organisation_id, networks, imported_hash) VALUES ($1, $2, $3)
     ON CONFLICT (organisation_id) DO UPDATE SET networks = EXCLUDED.networks, imported_hash = EXCLUDED.imported_hash, updated_at = now()`,
    [organisationId, JSON.stringify(networks), hash],
  );
  return rows[0] ? 'updated' : 'created';
}
