import type { Database } from './db.js';
import type { ServerConfig } from './content.js';
import { currentForm } from './forms.js';
import { recountTally } from './store.js';

/**
 * Deletes submissions older than their retention period (a form's own `retentionDays`, otherwise the
 * server's), with everything that hangs off them. Returns how many submissions were deleted.
 */
export async function deleteExpired(db: Database, config: Pick<ServerConfig, 'retentionDays'>): Promise<number> {
  const ownPeriod = await db.query<{ id: string; retention_days: number }>('SELECT id, retention_days FROM forms WHERE retention_days IS NOT NULL');
  const deleted: { form_id: string }[] = [];
  for (const form of ownPeriod.rows) {
    const result = await db.query<{ form_id: string }>(
      'DELETE FROM submissions WHERE form_id = $1 AND created_at < now() - make_interval(days => $2) RETURNING form_id',
      [form.id, form.retention_days],
    );
    deleted.push(...result.rows);
  }
  const rest = await db.query<{ form_id: string }>(
    'DELETE FROM submissions WHERE NOT (form_id = ANY($1)) AND created_at < now() - make_interval(days => $2) RETURNING form_id',
    [ownPeriod.rows.map((form) => form.id), config.retentionDays],
  );
  deleted.push(...rest.rows);
  // Addresses for an outcome that was never published go when the answers of their form would.
  for (const form of ownPeriod.rows) {
    await db.query('DELETE FROM outcome_subscribers WHERE form_id = $1 AND created_at < now() - make_interval(days => $2)', [
      form.id,
      form.retention_days,
    ]);
  }
  await db.query('DELETE FROM outcome_subscribers WHERE NOT (form_id = ANY($1)) AND created_at < now() - make_interval(days => $2)', [
    ownPeriod.rows.map((form) => form.id),
    config.retentionDays,
  ]);
  // Messages that belong to no submission (outcomes) keep no record longer than their answers would.
  await db.query(
    `DELETE FROM mail_outbox WHERE submission_id IS NULL AND state IN ('sent', 'failed', 'skipped')
     AND created_at < now() - make_interval(days => $1)`,
    [config.retentionDays],
  );
  // Rate-limit windows that ended long ago (PostgreSQL keeps the counters in this table).
  await db.query("DELETE FROM rate_limits WHERE window_end < now() - interval '1 hour'");
  const touched = [...new Set(deleted.map((row) => row.form_id))];
  if (touched.length > 0) {
    const polls = await db.query<{ id: string }>("SELECT id FROM forms WHERE id = ANY($1) AND type = 'peiling'", [touched]);
    for (const poll of polls.rows) {
      const form = await currentForm(db, poll.id);
      if (form?.definition.type === 'peiling') await recountTally(db, form.definition);
    }
  }
  return deleted.length;
}
