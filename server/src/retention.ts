import type { Database } from './db.js';
import type { Content } from './content.js';

/**
 * Deletes submissions older than their retention period (a form's own `retentionDays`, otherwise the
 * server's), with everything that hangs off them. Returns how many submissions were deleted.
 */
export async function deleteExpired(db: Database, content: Content): Promise<number> {
  let deleted = 0;
  const ownPeriod = [...content.forms.values()].filter((form) => form.retentionDays !== undefined);
  for (const form of ownPeriod) {
    const result = await db.query(
      'DELETE FROM submissions WHERE form_id = $1 AND created_at < now() - make_interval(days => $2) RETURNING id',
      [form.definition.id, form.retentionDays],
    );
    deleted += result.rows.length;
  }
  const result = await db.query(
    'DELETE FROM submissions WHERE NOT (form_id = ANY($1)) AND created_at < now() - make_interval(days => $2) RETURNING id',
    [ownPeriod.map((form) => form.definition.id), content.config.retentionDays],
  );
  return deleted + result.rows.length;
}
