import type { Database } from './db.js';
import type { Content } from './content.js';
import { recountTally } from './store.js';

/**
 * Deletes submissions older than their retention period (a form's own `retentionDays`, otherwise the
 * server's), with everything that hangs off them. Returns how many submissions were deleted.
 */
export async function deleteExpired(db: Database, content: Content): Promise<number> {
  const deleted: { form_id: string }[] = [];
  const ownPeriod = [...content.forms.values()].filter((form) => form.retentionDays !== undefined);
  for (const form of ownPeriod) {
    const result = await db.query<{ form_id: string }>(
      'DELETE FROM submissions WHERE form_id = $1 AND created_at < now() - make_interval(days => $2) RETURNING form_id',
      [form.definition.id, form.retentionDays],
    );
    deleted.push(...result.rows);
  }
  const rest = await db.query<{ form_id: string }>(
    'DELETE FROM submissions WHERE NOT (form_id = ANY($1)) AND created_at < now() - make_interval(days => $2) RETURNING form_id',
    [ownPeriod.map((form) => form.definition.id), content.config.retentionDays],
  );
  deleted.push(...rest.rows);
  // Addresses for an outcome that was never published go when the answers of their form would.
  for (const form of ownPeriod) {
    await db.query('DELETE FROM outcome_subscribers WHERE form_id = $1 AND created_at < now() - make_interval(days => $2)', [
      form.definition.id,
      form.retentionDays,
    ]);
  }
  await db.query('DELETE FROM outcome_subscribers WHERE NOT (form_id = ANY($1)) AND created_at < now() - make_interval(days => $2)', [
    ownPeriod.map((form) => form.definition.id),
    content.config.retentionDays,
  ]);
  // Messages that belong to no submission (outcomes) keep no record longer than their answers would.
  await db.query(
    `DELETE FROM mail_outbox WHERE submission_id IS NULL AND state IN ('sent', 'failed', 'skipped')
     AND created_at < now() - make_interval(days => $1)`,
    [content.config.retentionDays],
  );
  for (const formId of new Set(deleted.map((row) => row.form_id))) {
    if (content.forms.get(formId)?.definition.type === 'peiling') await recountTally(db, formId);
  }
  return deleted.length;
}
