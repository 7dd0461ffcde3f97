// Job state and progress as realtime events. The runner writes jobs through the privileged client
// (it serves every tenant), so it appends to each tenant's log itself, in the same transaction as
// the change, and wakes the bus after commit. System jobs (no tenant) are nobody's to watch.
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { appendEvents } from "./event-log";
import { publishLog } from "./publish";

export interface JobChange {
  id: string;
  tenantId: string | null;
  type: string;
  status: string;
  progress: number | null;
  /** What the handler says it is doing ("Reading the file"); null when unchanged or unknown. */
  stage?: string | null;
}

export interface Appended {
  tenantId: string;
  seq: number;
}

/** Appends one job.updated event per changed tenant job; publish what it returns after commit. */
export async function appendJobEvents(db: PrivilegedDb, changes: readonly JobChange[]): Promise<Appended[]> {
  const byTenant = new Map<string, JobChange[]>();
  for (const change of changes) {
    if (!change.tenantId) continue;
    byTenant.set(change.tenantId, [...(byTenant.get(change.tenantId) ?? []), change]);
  }
  const appended: Appended[] = [];
  for (const [tenantId, jobs] of byTenant) {
    const seq = await appendEvents(
      db,
      tenantId,
      jobs.map((j) => ({ kind: "job.updated" as const, entityId: j.id, data: { type: j.type, status: j.status, progress: j.progress, stage: j.stage ?? null } })),
    );
    if (seq !== null) appended.push({ tenantId, seq });
  }
  return appended;
}

export function publishAppended(appended: readonly Appended[]): void {
  for (const { tenantId, seq } of appended) publishLog(tenantId, seq);
}
