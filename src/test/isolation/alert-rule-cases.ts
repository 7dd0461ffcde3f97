// Isolation attacks on alert rules: B's rules are NOT_FOUND by id (update, delete, test); B's
// teams and members named as a rule's routing or a BACKLOG rule's team, on a new rule, on A's own
// rule or in an unsaved rule being tested, are NOT_FOUND; the list holds only A's rules; testing
// a rule reads only A's cases.
import { expect } from "vitest";
import type { Fixture, IsolationCase } from "./fixture";

const backlog = (params: Record<string, unknown> = { threshold: 1 }) => ({ name: "Smuggled", kind: "BACKLOG", params });
const bRule = (input: (fx: Fixture) => unknown): IsolationCase => ({ name: "B's rule", input, expect: "NOT_FOUND" });

export const ALERT_RULE_ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "alertRules.list": [
    {
      name: "none of B's rules",
      input: () => undefined,
      expect: (result, fx) => expect((result as { id: string }[]).map((r) => r.id)).not.toContain(fx.bAlerts.ruleId),
    },
  ],
  "alertRules.create": [
    { name: "routed to B's team", input: (fx) => ({ ...backlog(), teamId: fx.bEscalation.teamId }), expect: "NOT_FOUND" },
    { name: "routed to B's member", input: (fx) => ({ ...backlog(), assigneeId: fx.b.users.AGENT.id }), expect: "NOT_FOUND" },
    { name: "a backlog of B's team", input: (fx) => backlog({ threshold: 1, teamId: fx.bEscalation.teamId }), expect: "NOT_FOUND" },
  ],
  "alertRules.update": [
    bRule((fx) => ({ id: fx.bAlerts.ruleId, enabled: false })),
    { name: "A's rule routed to B's team", input: (fx) => ({ id: fx.aAlertRuleId, teamId: fx.bEscalation.teamId }), expect: "NOT_FOUND" },
    { name: "A's rule routed to B's member", input: (fx) => ({ id: fx.aAlertRuleId, assigneeId: fx.b.users.AGENT.id }), expect: "NOT_FOUND" },
    { name: "A's rule over B's team's backlog", input: (fx) => ({ id: fx.aAlertRuleId, params: { threshold: 1, teamId: fx.bEscalation.teamId } }), expect: "NOT_FOUND" },
  ],
  "alertRules.delete": [bRule((fx) => ({ id: fx.bAlerts.ruleId }))],
  "alertRules.test": [
    bRule((fx) => ({ id: fx.bAlerts.ruleId })),
    { name: "an unsaved backlog of B's team", input: (fx) => ({ rule: { kind: "BACKLOG", params: { threshold: 1, teamId: fx.bEscalation.teamId } } }), expect: "NOT_FOUND" },
    {
      // B has ten cases containing "Bravo secret"; A has none.
      name: "a keyword only B's cases contain: nothing fires",
      input: () => ({ rule: { kind: "KEYWORD", params: { phrases: ["Bravo secret"] } } }),
      expect: (result) => expect((result as { firings: unknown[] }).firings).toEqual([]),
    },
  ],
};
