// The tenant's overview page: counts by status, the caller's open cases, SLA breaches and cases
// due soon, and cases created per day over the last 30 days in the tenant's time zone.
import { z } from "zod";
import { OPEN_STATUSES } from "@/lib/case-status";
import { CASE_STATUSES, type CaseStatus } from "@/lib/validations/case";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { caseFilterConditions, whereSql } from "@/server/services/cases/case-filter-sql";
import { localDate, zonedTimeToInstant } from "@/server/services/cases/sla";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";

export const OVERVIEW_DAYS = 30;

export const tenantOverviewOutput = z.object({
  byStatus: z.record(z.enum(CASE_STATUSES), z.number().int()),
  /** Open cases (NEW, OPEN, PENDING, SNOOZED) assigned to the caller; 0 for API keys. */
  myOpen: z.number().int(),
  slaBreached: z.number().int(),
  /** Open, not yet breached, and due within 2 hours. */
  slaDueSoon: z.number().int(),
  /** Oldest first, one entry per local day (YYYY-MM-DD), zeros included. */
  createdPerDay: z.array(z.object({ date: z.string(), count: z.number().int() })),
  timeZone: z.string(),
});
export type TenantOverview = z.infer<typeof tenantOverviewOutput>;

const pad = (n: number) => String(n).padStart(2, "0");

export async function tenantOverview(db: TenantDb, userId: string | null, now = new Date()): Promise<TenantOverview> {
  const tenantId = requireTenantId();
  const { timeZone } = await loadTenantSettings(db);
  const scope = { tenantId, userId };

  // The local days, oldest first, and the instant the oldest one began.
  const today = localDate(now.getTime(), timeZone);
  const days: string[] = [];
  for (let i = OVERVIEW_DAYS - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day - i));
    days.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  }
  const [fy, fm, fd] = days[0]!.split("-").map(Number) as [number, number, number];
  const from = new Date(zonedTimeToInstant(fy, fm, fd, 0, 0, timeZone));

  const count = async (conditions: Prisma.Sql[]) => {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM cases c ${whereSql(conditions)}`;
    return row?.n ?? 0;
  };
  const byStatusRows = await db.$queryRaw<{ status: CaseStatus; n: number }[]>`
    SELECT status::text AS status, count(*)::int AS n FROM cases WHERE tenant_id = ${tenantId}::uuid GROUP BY status`;
  const myOpen = userId ? await count(caseFilterConditions({ status: [...OPEN_STATUSES], assigneeId: ["me"] }, scope)) : 0;
  const slaBreached = await count(caseFilterConditions({ sla: "breached" }, scope));
  const slaDueSoon = await count(caseFilterConditions({ sla: "due_soon" }, scope));
  const perDay = await db.$queryRaw<{ day: string; n: number }[]>`
    SELECT to_char(c.created_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM cases c
     WHERE c.tenant_id = ${tenantId}::uuid AND c.created_at >= ${from}::timestamptz AND c.created_at <= ${now}::timestamptz
     GROUP BY 1`;
  const perDayMap = new Map(perDay.map((r) => [r.day, r.n]));
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const r of byStatusRows) byStatus[r.status] = r.n;
  return {
    byStatus,
    myOpen,
    slaBreached,
    slaDueSoon,
    createdPerDay: days.map((date) => ({ date, count: perDayMap.get(date) ?? 0 })),
    timeZone,
  };
}
