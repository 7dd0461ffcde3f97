// Deletes feed items past their expiry, across tenants, one bounded batch per call (oldest expiry
// first, through the partial index on expires_at). Nobody reads an expired item already (list and
// get leave them out), so the rows go without realtime events: no open page shows them.
import type { PrivilegedDb } from "@/server/db/privileged-db";

export const FEED_PURGE_BATCH = 5000;

export async function purgeExpiredFeedItems(db: PrivilegedDb, options: { now?: Date; batch?: number } = {}): Promise<{ deleted: number; more: boolean }> {
  const batch = options.batch ?? FEED_PURGE_BATCH;
  const now = options.now ?? new Date();
  const deleted = await db.$executeRaw`
    DELETE FROM feed_items WHERE (tenant_id, id) IN (
      SELECT tenant_id, id FROM feed_items
       WHERE expires_at <= ${now}::timestamptz
       ORDER BY expires_at
       LIMIT ${batch}::int)`;
  return { deleted, more: deleted === batch };
}
