// The alerts list, newest firing first, and its counts by status and severity. Keyset
// pagination on (lastFiredAt, id), both descending: each page continues after the last row of
// the previous one, answered by the (tenant, [status|severity,] last_fired_at, id) indexes.
import { z } from "zod";
import { ALERT_SEVERITIES, ALERT_STATUSES, type AlertCountFilter, type AlertListFilter, type AlertSeverity, type AlertStatus } from "@/lib/validations/alert";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { decodeCursor, encodeCursor } from "@/server/services/pagination/cursor";
import { cursorKey } from "@/server/services/pagination/cursor-keys";
import { alertSelect, toAlert, type AlertOutput } from "./alert-select";

const cursorShape = z.object({ at: cursorKey.timestamp, id: cursorKey.uuid });

/** The filters as a where clause; `userId` is who "me" is (an API key is nobody, so "me" matches nothing). */
function alertWhere(filter: AlertCountFilter & Partial<Pick<AlertListFilter, "status" | "severity">>, userId: string | null): Prisma.AlertWhereInput {
  const where: Prisma.AlertWhereInput = {};
  if (filter.status?.length) where.status = { in: filter.status };
  if (filter.severity?.length) where.severity = { in: filter.severity };
  if (filter.businessUnit) where.businessUnit = filter.businessUnit;
  if (filter.source) where.source = filter.source;
  if (filter.from || filter.to) where.lastFiredAt = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  if (filter.teamId) where.teamId = filter.teamId === "none" ? null : filter.teamId;
  if (filter.assigneeId === "me") where.assigneeId = userId ?? { in: [] };
  else if (filter.assigneeId) where.assigneeId = filter.assigneeId === "none" ? null : filter.assigneeId;
  return where;
}

export async function listAlerts(
  db: TenantDb,
  userId: string | null,
  input: AlertListFilter & { limit: number; cursor?: string | null },
): Promise<{ items: AlertOutput[]; nextCursor: string | null }> {
  const c = input.cursor ? decodeCursor(input.cursor, cursorShape) : null;
  const after: Prisma.AlertWhereInput = c
    ? { OR: [{ lastFiredAt: { lt: new Date(c.at) } }, { lastFiredAt: new Date(c.at), id: { lt: c.id } }] }
    : {};
  const rows = await db.alert.findMany({
    where: { AND: [alertWhere(input, userId), after] },
    select: alertSelect,
    orderBy: [{ lastFiredAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(toAlert),
    nextCursor: hasMore && last ? encodeCursor({ at: last.lastFiredAt.toISOString(), id: last.id }) : null,
  };
}

export interface AlertCounts {
  total: number;
  byStatus: Record<AlertStatus, number>;
  bySeverity: Record<AlertSeverity, number>;
  /** ACTIVE alerts (not yet acknowledged) by severity: what nobody has picked up. */
  activeBySeverity: Record<AlertSeverity, number>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** One grouped scan for every number, under the list's filters other than status and severity. */
export async function countAlerts(db: TenantDb, userId: string | null, filter: AlertCountFilter): Promise<AlertCounts> {
  const groups = await db.alert.groupBy({ by: ["status", "severity"], where: alertWhere(filter, userId), _count: { _all: true } });
  const counts: AlertCounts = { total: 0, byStatus: zeros(ALERT_STATUSES), bySeverity: zeros(ALERT_SEVERITIES), activeBySeverity: zeros(ALERT_SEVERITIES) };
  for (const g of groups) {
    const n = g._count._all;
    counts.total += n;
    counts.byStatus[g.status] += n;
    counts.bySeverity[g.severity] += n;
    if (g.status === "ACTIVE") counts.activeBySeverity[g.severity] += n;
  }
  return counts;
}
