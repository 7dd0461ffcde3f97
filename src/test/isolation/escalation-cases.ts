// Isolation attacks on shares and escalations: B's cases, views, members, teams and rules named
// from A. Recipients and teams of B are NOT_FOUND even on A's own case.
import { expect } from "vitest";
import type { IsolationCase } from "./fixture";

const note = "Please have a look";

export const ESCALATION_ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "cases.share": [
    { name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, userIds: [fx.a.users.AGENT.id], note }), expect: "NOT_FOUND" },
    { name: "A's case to B's member", input: (fx) => ({ id: fx.aCases[0]!.id, userIds: [fx.b.users.AGENT.id], note }), expect: "NOT_FOUND" },
    { name: "A's case to B's team", input: (fx) => ({ id: fx.aCases[0]!.id, teamIds: [fx.bEscalation.teamId], note }), expect: "NOT_FOUND" },
  ],
  "views.share": [{ name: "B's shared view", input: (fx) => ({ id: fx.bRows.viewId, userIds: [fx.a.users.AGENT.id], note }), expect: "NOT_FOUND" }],
  "views.get": [{ name: "B's shared view", input: (fx) => ({ id: fx.bRows.viewId }), expect: "NOT_FOUND" }],
  "cases.escalate": [
    { name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, level: "Tier 2", reason: "Stuck for days" }), expect: "NOT_FOUND" },
    { name: "A's case to B's team", input: (fx) => ({ id: fx.aCases[0]!.id, level: "Tier 2", teamId: fx.bEscalation.teamId, reason: "Stuck" }), expect: "NOT_FOUND" },
  ],
  "cases.deescalate": [{ name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id }), expect: "NOT_FOUND" }],
  "escalationRules.list": [
    {
      name: "none of B's rules",
      input: () => undefined,
      expect: (result, fx) => expect((result as { id: string }[]).map((r) => r.id)).not.toContain(fx.bEscalation.ruleId),
    },
  ],
  "escalationRules.create": [
    {
      name: "a rule sending cases to B's team",
      input: (fx) => ({ name: "Smuggled", unassignedMinutes: 5, level: "Tier 2", teamId: fx.bEscalation.teamId }),
      expect: "NOT_FOUND",
    },
  ],
  "escalationRules.update": [{ name: "B's rule", input: (fx) => ({ id: fx.bEscalation.ruleId, enabled: false }), expect: "NOT_FOUND" }],
  "escalationRules.delete": [{ name: "B's rule", input: (fx) => ({ id: fx.bEscalation.ruleId }), expect: "NOT_FOUND" }],
};
