// Cases nobody took: open cases with no assignee created more than `minutes` ago, at least
// `threshold` of them. Live, the partial index of open unassigned cases answers it. Replayed, a
// case counts by its assignee now (there is no assignment history), so a case assigned since
// does not count in the past either.
import { Prisma } from "@/server/db/generated/client";
import { countPerWindow, openAt } from "../case-windows";
import type { RuleKind } from "../rule-kind";
import { plural } from "../rule-kind";

const unassignedOlder = (live: boolean) => Prisma.sql`c.assignee_id IS NULL AND c.created_at <= w.lo AND ${openAt(live)}`;

export const unassignedAge: RuleKind<"UNASSIGNED_AGE"> = {
  async measure(db, params, points, ctx) {
    const counts = await countPerWindow(db, points.map((at) => unassignedAge.window(params, at, ctx)), unassignedOlder(ctx.live));
    return points.map((at, i) => ({ at, value: counts[i]!, fires: counts[i]! >= params.threshold }));
  },
  window: (params, at) => ({ at, lo: new Date(at.getTime() - params.minutes * 60_000) }),
  match: (_params, ctx) => unassignedOlder(ctx.live),
  order: Prisma.sql`c.created_at ASC, c.id ASC`,
  headline: (params, r) => `${plural(r.value, "case")} unassigned for over ${plural(params.minutes, "minute")}`,
  description: (params, r) =>
    `${plural(r.value, "open case")} without an assignee came in more than ${params.minutes} minutes before ${r.at.toISOString()} (the rule fires at ${params.threshold}).`,
};
