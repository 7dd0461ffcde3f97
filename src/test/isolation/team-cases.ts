// Isolation attacks on teams and who is online: B's team (the escalation fixture's) and B's
// members named from A are NOT_FOUND; lists hold only A's.
import { expect } from "vitest";
import type { IsolationCase } from "./fixture";

export const TEAM_ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "teams.list": [
    {
      name: "none of B's teams",
      input: () => undefined,
      expect: (result, fx) => expect((result as { id: string }[]).map((t) => t.id)).not.toContain(fx.bEscalation.teamId),
    },
  ],
  "teams.create": [{ name: "a team of B's members", input: (fx) => ({ name: "Smuggled team", memberIds: [fx.b.users.AGENT.id] }), expect: "NOT_FOUND" }],
  "teams.update": [{ name: "B's team", input: (fx) => ({ id: fx.bEscalation.teamId, name: "Hijacked" }), expect: "NOT_FOUND" }],
  "teams.delete": [{ name: "B's team", input: (fx) => ({ id: fx.bEscalation.teamId }), expect: "NOT_FOUND" }],
  "teams.setMembers": [{ name: "B's team", input: (fx) => ({ id: fx.bEscalation.teamId, userIds: [fx.a.users.AGENT.id] }), expect: "NOT_FOUND" }],
  "teams.setAvailability": [
    { name: "B's team and member", input: (fx) => ({ id: fx.bEscalation.teamId, userId: fx.b.users.AGENT.id, available: false }), expect: "NOT_FOUND" },
  ],
  "realtime.online": [
    {
      name: "none of B's members",
      input: () => undefined,
      expect: (result, fx) => {
        const bUsers = Object.values(fx.b.users).map((u) => u.id);
        expect((result as { userId: string }[]).filter((m) => bUsers.includes(m.userId))).toEqual([]);
      },
    },
  ],
};
