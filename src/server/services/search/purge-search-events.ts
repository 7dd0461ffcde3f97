// Search analytics keeps 90 days: older searches (and the opens recorded from them, by cascade)
// are deleted across tenants, oldest first through the created_at index, one bounded batch per call.
import { deleteOldestBatch } from "@/server/db/delete-oldest";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { SEARCH_RETENTION_DAYS } from "./analytics";

export const SEARCH_PURGE_BATCH = 5000;

export async function purgeOldSearchEvents(db: PrivilegedDb, options: { now?: Date; batch?: number } = {}): Promise<{ deleted: number; more: boolean }> {
  const batch = options.batch ?? SEARCH_PURGE_BATCH;
  const cutoff = new Date((options.now ?? new Date()).getTime() - SEARCH_RETENTION_DAYS * 86_400_000);
  return deleteOldestBatch(db, "search_events", cutoff, batch);
}
