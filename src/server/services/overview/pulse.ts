// The overview's live pulse: cases arriving in the last hour against the usual for this hour of
// the week, the open backlog and its age, SLA at risk within the hour, members online and the
// alerts not yet resolved. Polled by the overview, so it must stay cheap on a tenant of millions
// of cases: one statement of index ranges (pulse-sql.ts), plus the online members, which this
// instance holds in memory.
import { z } from "zod";
import { ALERT_SEVERITIES, type AlertSeverity } from "@/lib/validations/alert";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { currentOnlineMembers } from "@/server/realtime/online-members";
import { HOUR_MS, PULSE_ALERT_STATUSES, pulseSql, USUAL_WEEKS, type PulseRow } from "./pulse-sql";

const count = z.number().int();
const bySeverity = z.record(z.enum(ALERT_SEVERITIES), count);

export const pulseOutput = z.object({
  arrivals: z.object({
    /** Cases created in (since, asOf]. */
    lastHour: count,
    /** The mean of `weeks`: what this hour of the week usually brings. */
    usual: z.number(),
    /** The same hour 1, 2, 3 and 4 weeks (of 168 hours) earlier, most recent first. */
    weeks: z.array(count).length(USUAL_WEEKS),
    since: z.date(),
  }),
  backlog: z.object({
    /** Open cases (NEW, OPEN, PENDING, SNOOZED). */
    open: count,
    /** When the oldest open case was created; null without open cases. */
    oldestOpenAt: z.date().nullable(),
    /** Open cases created more than 24 hours ago. */
    olderThanDay: count,
    /** Open cases without an assignee. */
    unassigned: count,
  }),
  slaAtRisk: z.object({
    /** Open, not breached, and a due time (resolution, or a first response still owed) within the next hour. */
    nextHour: count,
    /** Open and past a due time: what the cases list's `sla=breached` shows. */
    breached: count,
  }),
  /** Members with the app open now. */
  online: count,
  /** Alerts not yet resolved, by status and severity. */
  alerts: z.record(z.enum(PULSE_ALERT_STATUSES), bySeverity),
  asOf: z.date(),
});
export type TenantPulse = z.infer<typeof pulseOutput>;

const noAlerts = (): Record<AlertSeverity, number> => ({ INFO: 0, WARNING: 0, CRITICAL: 0 });

export async function tenantPulse(db: TenantDb, now: Date): Promise<TenantPulse> {
  const tenantId = requireTenantId();
  // One statement: a tenant transaction runs its queries one at a time on its connection anyway.
  const [row] = await db.$queryRaw<PulseRow[]>(pulseSql(tenantId, now));
  if (!row) throw new Error("the pulse query returned no row");
  const online = await currentOnlineMembers(db, tenantId);

  const alerts = { ACTIVE: noAlerts(), ACKNOWLEDGED: noAlerts() };
  for (const g of row.alerts ?? []) alerts[g.status as keyof typeof alerts][g.severity as AlertSeverity] = g.n;
  const [lastHour = 0, ...weeks] = row.arrivals;
  return {
    arrivals: { lastHour, usual: weeks.reduce((sum, n) => sum + n, 0) / USUAL_WEEKS, weeks, since: new Date(now.getTime() - HOUR_MS) },
    backlog: { open: row.open, oldestOpenAt: row.oldest_open_at, olderThanDay: row.older_than_day, unassigned: row.unassigned },
    slaAtRisk: { nextHour: row.at_risk, breached: row.open - row.not_breached },
    online: online.length,
    alerts,
    asOf: now,
  };
}
