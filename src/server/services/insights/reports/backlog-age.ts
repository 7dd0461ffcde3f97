// Open cases now by how long ago they were created. Read from the cases themselves (the rollups
// know when cases opened and closed, not which are open today): five counts over the
// (tenant, status, created_at) index, one per age band.
import type { TenantDb } from "@/server/db/tenant-db";

const DAY = 86_400_000;
export const BACKLOG_AGE_BANDS = [
  { bucket: "under_1d", days: 1 },
  { bucket: "1_3d", days: 3 },
  { bucket: "3_7d", days: 7 },
  { bucket: "7_30d", days: 30 },
  { bucket: "over_30d", days: Infinity },
] as const;

export async function backlogAge(db: TenantDb, tenantId: string, now: Date) {
  const edge = (days: number) => new Date(now.getTime() - days * DAY);
  const [row] = await db.$queryRaw<{ a: number; b: number; c: number; d: number; e: number }[]>`
    SELECT count(*) FILTER (WHERE created_at > ${edge(1)})::int AS a,
           count(*) FILTER (WHERE created_at <= ${edge(1)} AND created_at > ${edge(3)})::int AS b,
           count(*) FILTER (WHERE created_at <= ${edge(3)} AND created_at > ${edge(7)})::int AS c,
           count(*) FILTER (WHERE created_at <= ${edge(7)} AND created_at > ${edge(30)})::int AS d,
           count(*) FILTER (WHERE created_at <= ${edge(30)})::int AS e
      FROM cases
     WHERE tenant_id = ${tenantId}::uuid AND status IN ('NEW', 'OPEN', 'PENDING', 'SNOOZED')`;
  const counts = [row?.a ?? 0, row?.b ?? 0, row?.c ?? 0, row?.d ?? 0, row?.e ?? 0];
  return BACKLOG_AGE_BANDS.map((band, i) => ({ bucket: band.bucket, count: counts[i]! }));
}
