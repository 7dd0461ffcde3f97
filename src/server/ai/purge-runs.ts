// AI runs are kept 90 days (the runs page and budgets read at most a day; the rest is history for
// admins): older ones are deleted across tenants, oldest first, one bounded batch per call, and
// with the last batch the daily usage rows of those days.
import { deleteOldestBatch } from "@/server/db/delete-oldest";
import type { PrivilegedDb } from "@/server/db/privileged-db";

export const AGENT_RUN_RETENTION_DAYS = 90;
export const AGENT_RUN_PURGE_BATCH = 5000;

export async function purgeOldAgentRuns(db: PrivilegedDb, options: { now?: Date; batch?: number } = {}): Promise<{ deleted: number; more: boolean }> {
  const batch = options.batch ?? AGENT_RUN_PURGE_BATCH;
  const cutoff = new Date((options.now ?? new Date()).getTime() - AGENT_RUN_RETENTION_DAYS * 86_400_000);
  const result = await deleteOldestBatch(db, "agent_runs", cutoff, batch);
  // The daily usage rows of the same days (one per tenant and day: few, gone in one statement).
  if (!result.more) await db.$executeRaw`DELETE FROM ai_usage WHERE day < ${cutoff}::date`;
  return result;
}
