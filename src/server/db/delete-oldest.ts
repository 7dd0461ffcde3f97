// One bounded batch of a retention purge: rows of a tenant-owned table created before a cutoff,
// across tenants, oldest first through the table's created_at index. Callers loop while a batch
// comes back full (jobs/tasks/batch-purge.ts), so no statement holds locks on a large set.
import { Prisma } from "@/server/db/generated/client";
import type { PrivilegedDb } from "@/server/db/privileged-db";

/** Tables purged by age; named here, never from input, as the SQL takes them as identifiers. */
export type RetentionTable = "search_events" | "agent_runs";

export async function deleteOldestBatch(db: PrivilegedDb, table: RetentionTable, cutoff: Date, batch: number): Promise<{ deleted: number; more: boolean }> {
  const name = Prisma.raw(`"${table}"`);
  const deleted = await db.$executeRaw`
    DELETE FROM ${name} WHERE (tenant_id, id) IN (
      SELECT tenant_id, id FROM ${name}
       WHERE created_at < ${cutoff}::timestamptz
       ORDER BY created_at
       LIMIT ${batch}::int)`;
  return { deleted, more: deleted === batch };
}
