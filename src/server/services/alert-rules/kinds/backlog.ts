// The open backlog (optionally of one business unit or team) at or above a threshold.
import { Prisma } from "@/server/db/generated/client";
import { countPerWindow, openAt } from "../case-windows";
import type { RuleKind } from "../rule-kind";
import { plural } from "../rule-kind";
import type { AlertRuleParams } from "@/lib/validations/alert-rule";

function backlogMatch(params: AlertRuleParams<"BACKLOG">, live: boolean): Prisma.Sql {
  const conditions = [openAt(live)];
  if (params.businessUnit) conditions.push(Prisma.sql`c.business_unit = ${params.businessUnit}`);
  if (params.teamId) conditions.push(Prisma.sql`c.team_id = ${params.teamId}::uuid`);
  return Prisma.join(conditions, " AND ");
}

export const backlog: RuleKind<"BACKLOG"> = {
  async measure(db, params, points, ctx) {
    const counts = await countPerWindow(db, points.map((at) => ({ at, lo: at })), backlogMatch(params, ctx.live));
    return points.map((at, i) => ({ at, value: counts[i]!, fires: counts[i]! >= params.threshold }));
  },
  window: (_params, at) => ({ at, lo: at }),
  match: (params, ctx) => backlogMatch(params, ctx.live),
  // The oldest first: they explain a backlog best.
  order: Prisma.sql`c.created_at ASC, c.id ASC`,
  headline: (_params, r) => `${plural(r.value, "open case")} in the backlog`,
  description: (params, r) => {
    const of = [params.businessUnit && `business unit ${params.businessUnit}`, params.teamId && "the rule's team"].filter(Boolean).join(", ");
    return `${plural(r.value, "case")}${of ? ` of ${of}` : ""} were open at ${r.at.toISOString()} (the rule fires at ${params.threshold}).`;
  },
};
