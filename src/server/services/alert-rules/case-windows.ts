// The one shape every rule kind measures with: a list of windows (a point in time `at` and the
// start of what it looks back over, `lo`) and a condition over `c` (a case) and `w` (the window).
// All windows go to the database in one statement and each is answered by a correlated subquery,
// so the live evaluation (one point) and the 7-day test (168 points, and VOLUME_SPIKE's baselines)
// are each one count query plus one sample query, and every subquery is an index range on the
// tenant's cases rather than a pass over all of them.
import { OPEN_STATUSES } from "@/lib/case-status";
import type { CaseScope } from "@/lib/validations/alert-rule";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";

export interface CaseWindow {
  /** The moment evaluated (exclusive or inclusive bound, as the kind's condition says). */
  at: Date;
  /** The start of the period looked back over. */
  lo: Date;
}

/** Related cases an alert lists (the alerts' own limit). */
export const SAMPLE_CASES = 50;

const windowsJson = (windows: readonly CaseWindow[]) => JSON.stringify(windows.map((w, i) => ({ i, at: w.at.toISOString(), lo: w.lo.toISOString() })));

/** How many cases match in each window, in order. */
export async function countPerWindow(db: TenantDb, windows: readonly CaseWindow[], match: Prisma.Sql): Promise<number[]> {
  if (windows.length === 0) return [];
  const rows = await db.$queryRaw<{ i: number; n: number }[]>`
    SELECT w.i, (SELECT count(*) FROM cases c WHERE c.tenant_id = ${requireTenantId()}::uuid AND ${match})::int AS n
      FROM jsonb_to_recordset(${windowsJson(windows)}::jsonb) AS w(i int, at timestamptz, lo timestamptz)`;
  const counts = new Array<number>(windows.length).fill(0);
  for (const row of rows) counts[row.i] = row.n;
  return counts;
}

/** Up to SAMPLE_CASES matching case ids in each window, in the given order. */
export async function samplePerWindow(db: TenantDb, windows: readonly CaseWindow[], match: Prisma.Sql, order: Prisma.Sql): Promise<string[][]> {
  if (windows.length === 0) return [];
  const rows = await db.$queryRaw<{ i: number; ids: string[] }[]>`
    SELECT w.i, ARRAY(SELECT c.id::text FROM cases c WHERE c.tenant_id = ${requireTenantId()}::uuid AND ${match} ORDER BY ${order} LIMIT ${SAMPLE_CASES}) AS ids
      FROM jsonb_to_recordset(${windowsJson(windows)}::jsonb) AS w(i int, at timestamptz, lo timestamptz)`;
  const samples = windows.map((): string[] => []);
  for (const row of rows) samples[row.i] = row.ids;
  return samples;
}

/** Cases created in [w.lo, w.at): the created_at index answers it. */
export const createdInWindow = Prisma.sql`c.created_at >= w.lo AND c.created_at < w.at`;

/** A rule's case filter (channel, business unit, category, tag); empty matches all. */
export function scopeSql(scope: CaseScope): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (scope.channel) conditions.push(Prisma.sql`c.channel = ${scope.channel}::"CaseChannel"`);
  if (scope.businessUnit) conditions.push(Prisma.sql`c.business_unit = ${scope.businessUnit}`);
  if (scope.category) conditions.push(Prisma.sql`c.category = ${scope.category}`);
  if (scope.tag) conditions.push(Prisma.sql`c.tags @> ARRAY[${scope.tag}]::text[]`);
  return conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

// The open statuses named (not "not resolved or closed"): on a tenant whose cases are mostly
// closed, the (tenant, status, …) index then reads only the open ones, one range per status.
const OPEN_NOW = Prisma.sql`c.status IN (${Prisma.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "))})`;

/**
 * Open at `w.at` (not RESOLVED or CLOSED; merged cases are CLOSED). Live, that is the status
 * now, which the status and unassigned indexes answer. Replayed over past points there is no
 * status history: a case counts as open from its creation until it ended (resolved or closed,
 * else its last update for an ended case without either time), and is open throughout if it is
 * open now. An ended case ended after w.at was updated after it too, so the updated_at index
 * bounds the ended ones to those touched since.
 */
export function openAt(live: boolean): Prisma.Sql {
  if (live) return OPEN_NOW;
  return Prisma.sql`c.created_at <= w.at AND (${OPEN_NOW}
    OR (c.updated_at > w.at AND COALESCE(LEAST(c.resolved_at, c.closed_at), c.updated_at) > w.at))`;
}

