// SLA breaches piling up: cases whose first-response or resolution due time passed, unmet, within
// the last windowMinutes. A due time met late was still breached at its due time, so a case
// counts by its due time whatever happened since; a case counts once even if both targets lapsed.
// Both due-time columns are indexed (tenant_id, due, id), so the window is two index ranges.
// A first response is met by a public reply before its due time, or, with none, by resolving or
// closing the case before it (case-select.ts). A due time that passes while the case's SLA clocks
// are paused (PENDING/SNOOZED since before it, sla_paused_at) is no breach: the pause moves it
// forward when it ends (services/cases/sla-pause.ts).
import { Prisma } from "@/server/db/generated/client";
import { countPerWindow } from "../case-windows";
import type { RuleKind } from "../rule-kind";
import { plural } from "../rule-kind";

const notPausedAt = (due: string) => Prisma.sql`(c.sla_paused_at IS NULL OR ${Prisma.raw(due)} < c.sla_paused_at)`;

const breachedIn = Prisma.sql`(
  (c.resolution_due_at > w.lo AND c.resolution_due_at <= w.at
    AND (c.resolved_at IS NULL OR c.resolved_at > c.resolution_due_at) AND (c.closed_at IS NULL OR c.closed_at > c.resolution_due_at)
    AND ${notPausedAt("c.resolution_due_at")})
  OR (c.first_response_due_at > w.lo AND c.first_response_due_at <= w.at
    AND (c.first_responded_at IS NULL OR c.first_responded_at > c.first_response_due_at)
    AND (c.resolved_at IS NULL OR c.resolved_at > c.first_response_due_at) AND (c.closed_at IS NULL OR c.closed_at > c.first_response_due_at)
    AND ${notPausedAt("c.first_response_due_at")}))`;

export const slaBreaches: RuleKind<"SLA_BREACHES"> = {
  async measure(db, params, points) {
    const counts = await countPerWindow(db, points.map((at) => slaBreaches.window(params, at, { live: true, since: null })), breachedIn);
    return points.map((at, i) => ({ at, value: counts[i]!, fires: counts[i]! >= params.threshold }));
  },
  window: (params, at) => ({ at, lo: new Date(at.getTime() - params.windowMinutes * 60_000) }),
  match: () => breachedIn,
  order: Prisma.sql`LEAST(c.resolution_due_at, c.first_response_due_at) DESC, c.id DESC`,
  headline: (params, r) => `${plural(r.value, "SLA breach", "SLA breaches")} in the last ${plural(params.windowMinutes, "minute")}`,
  description: (params, r) =>
    `${plural(r.value, "case")} passed a first-response or resolution due time without meeting it in the ${params.windowMinutes} minutes before ${r.at.toISOString()} (the rule fires at ${params.threshold}).`,
};
