// The pulse's case and alert figures as one statement: one round trip, one snapshot (so "open" and
// "breached" are counted from the same rows), every figure read from an index range or the open
// cases, never from all of the tenant's cases.
//
// Why it is written the way it is: under row-level security the planner may only turn a condition
// into an index range when its operator is leakproof (otherwise it could leak rows of other
// tenants before the policy filtered them). uuid and timestamptz comparisons are; enum ones (the
// status) are not. So `status IN (…)` is never an index range here, whatever the index: it is a
// filter on rows already read. What each figure rests on instead (EXPLAIN on PostgreSQL 15 at 1M
// cases: bench/README.md, "pulse"):
//   arrivals     five one-hour ranges of (tenant_id, created_at DESC, id DESC), index-only
//   backlog      (tenant_id, status, created_at DESC, id DESC) read in its order, index-only: the open
//                statuses come first in the enum, so the open cases are the head of the tenant's part
//                of the index; the read stops at the last open one (running aggregates, LIMIT 1). A new
//                open status must go before RESOLVED in the enum (pulse.test.ts checks the order)
//   unassigned   the partial index cases_unassigned_idx: a partial index's predicate may be proven
//                from any condition (nothing is evaluated), so NOT IN (done) selects it
//   breached     open minus open-and-not-breached: a breach can be any age, so "breached" is most of
//                an old backlog, while a due time still ahead lies within the SLA's horizon of now,
//                a short range of (tenant_id, resolution_due_at, id)
//                A case whose SLA clocks are paused (PENDING/SNOOZED, sla_paused_at set) is breached
//                only by a due time already past when the pause began: those past due now but not
//                then are added to not_breached by a second count over the paused open cases
//   at risk      due times within the hour: short ranges of both due-time indexes; never a paused case
//   alerts       a filter over the tenant's alerts (few next to cases; the status index cannot help)
// The SLA conditions are the cases list's (case-filter-sql.ts) at a given instant instead of now(),
// written so that each due time is bounded on both sides where it must be a range.
import { DONE_STATUSES, OPEN_STATUSES } from "@/lib/case-status";
import { Prisma } from "@/server/db/generated/client";

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** The weeks the usual arrivals are the mean of. */
export const USUAL_WEEKS = 4;
/** The SLA at risk: due within this long (the list's "due soon" is 2 hours: SLA_DUE_SOON_MS). */
export const AT_RISK_MS = HOUR_MS;

export const PULSE_ALERT_STATUSES = ["ACTIVE", "ACKNOWLEDGED"] as const;

export interface PulseRow {
  arrivals: number[];
  open: number;
  older_than_day: number;
  oldest_open_at: Date | null;
  unassigned: number;
  not_breached: number;
  at_risk: number;
  alerts: { status: string; severity: string; n: number }[] | null;
}

const enumList = (values: readonly string[], type: string) => Prisma.join(values.map((v) => Prisma.sql`${v}::${Prisma.raw(type)}`));

export function pulseSql(tenantId: string, now: Date): Prisma.Sql {
  const tenant = Prisma.sql`c.tenant_id = ${tenantId}::uuid`;
  const at = (offsetMs: number) => Prisma.sql`${new Date(now.getTime() + offsetMs)}::timestamptz`;
  const open = Prisma.sql`c.status IN (${enumList(OPEN_STATUSES, '"CaseStatus"')})`;
  // Spelled out as in the list: a missing due time is never a breach.
  const notBreached = Prisma.sql`(c.resolution_due_at IS NULL OR c.resolution_due_at >= ${at(0)})
    AND (c.first_responded_at IS NOT NULL OR c.first_response_due_at IS NULL OR c.first_response_due_at >= ${at(0)})`;
  // Paused clocks: not breached by a due time that came during the pause (services/cases/sla-pause.ts).
  const breachedNowNotAtPause = Prisma.sql`c.sla_paused_at IS NOT NULL AND NOT (${notBreached})
    AND (c.resolution_due_at IS NULL OR c.resolution_due_at >= c.sla_paused_at)
    AND (c.first_responded_at IS NOT NULL OR c.first_response_due_at IS NULL OR c.first_response_due_at >= c.sla_paused_at)`;
  const dueWithin = Prisma.sql`((c.resolution_due_at >= ${at(0)} AND c.resolution_due_at < ${at(AT_RISK_MS)})
    OR (c.first_responded_at IS NULL AND c.first_response_due_at >= ${at(0)} AND c.first_response_due_at < ${at(AT_RISK_MS)}))`;
  // Week 0 is the last hour; week k the same hour k weeks before.
  const arrivals = Array.from({ length: USUAL_WEEKS + 1 }, (_, week) => {
    const end = -week * WEEK_MS;
    return Prisma.sql`(SELECT count(*)::int FROM cases c WHERE ${tenant} AND c.created_at > ${at(end - HOUR_MS)} AND c.created_at <= ${at(end)})`;
  });
  const done = Prisma.sql`(${enumList(DONE_STATUSES, '"CaseStatus"')})`;
  return Prisma.sql`
    SELECT ARRAY[${Prisma.join(arrivals)}] AS arrivals,
           COALESCE(b.open, 0)::int AS open, COALESCE(b.older_than_day, 0)::int AS older_than_day, b.oldest_open_at,
           (SELECT count(*)::int FROM cases c WHERE ${tenant} AND c.status NOT IN ${done} AND c.assignee_id IS NULL) AS unassigned,
           ((SELECT count(*)::int FROM cases c WHERE ${tenant} AND ${open} AND ${notBreached})
             + (SELECT count(*)::int FROM cases c WHERE ${tenant} AND ${open} AND ${breachedNowNotAtPause})) AS not_breached,
           (SELECT count(*)::int FROM cases c WHERE ${tenant} AND ${open} AND c.sla_paused_at IS NULL AND ${notBreached} AND ${dueWithin}) AS at_risk,
           (SELECT json_agg(g) FROM (
              SELECT a.status::text AS status, a.severity::text AS severity, count(*)::int AS n
                FROM alerts a
               WHERE a.tenant_id = ${tenantId}::uuid AND a.status IN (${enumList(PULSE_ALERT_STATUSES, '"AlertStatus"')})
               GROUP BY a.status, a.severity) g) AS alerts
      FROM (SELECT 1) one
      -- The row of the last open case in index order carries the totals of all of them; none
      -- without open cases.
      LEFT JOIN LATERAL (
        SELECT w.open, w.older_than_day, w.oldest_open_at
          FROM (SELECT c.status, lead(c.status) OVER o AS next,
                       count(*) OVER o AS open,
                       count(*) FILTER (WHERE c.created_at < ${at(-DAY_MS)}) OVER o AS older_than_day,
                       min(c.created_at) OVER o AS oldest_open_at
                  FROM cases c
                 WHERE ${tenant}
                WINDOW o AS (ORDER BY c.status, c.created_at DESC, c.id DESC ROWS UNBOUNDED PRECEDING)
                 ORDER BY c.status, c.created_at DESC, c.id DESC) w
         WHERE w.status IN (${enumList(OPEN_STATUSES, '"CaseStatus"')}) AND (w.next IS NULL OR w.next IN ${done})
         LIMIT 1) b ON true`;
}
