// Search analytics keeps 90 days: older searches (and the opens recorded from them, by cascade)
// are deleted across tenants, oldest first through the created_at index, one bounded batch per call.
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { SEARCH_RETENTION_DAYS } from "./analytics";

export const SEARCH_PURGE_BATCH = 5000;

export async function purgeOldSearchEvents(db: PrivilegedDb, options: { now?: Date; batch?: number } = {}): Promise<{ deleted: number; more: boolean }> {
  const batch = options.batch ?? SEARCH_PURGE_BATCH;
  const cutoff = new Date((options.now ?? new Date()).getTime() - SEARCH_RETENTION_DAYS * 86_400_000);
  const deleted = await db.$executeRaw`
    DELETE FROM search_events WHERE (tenant_id, id) IN (
      SELECT tenant_id, id FROM search_events
       WHERE created_at < ${cutoff}::timestamptz
       ORDER BY created_at
       LIMIT ${batch}::int)`;
  return { deleted, more: deleted === batch };
}
