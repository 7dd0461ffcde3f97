import { describe, expect, it } from "vitest";
import { revertsFor } from "./bulk-undo";
import type { CaseSummary } from "./case-types";

const row = (id: string, over: Partial<CaseSummary>): CaseSummary =>
  ({ id, status: "OPEN", priority: "NORMAL", assignee: null, team: null, tags: [], snoozedUntil: null, version: 1, ...over }) as CaseSummary;

describe("revertsFor", () => {
  const until = new Date("2026-12-01T09:00:00Z");
  const before = new Map([
    ["a", row("a", { status: "NEW" })],
    ["b", row("b", { status: "SNOOZED", snoozedUntil: until, assignee: { id: "u1", name: "Ann" } })],
  ]);

  it("puts back each changed case's own earlier value, at the version the change left", () => {
    expect(revertsFor({ status: { to: "RESOLVED" } }, [{ id: "a", version: 2 }, { id: "b", version: 5 }], before)).toEqual([
      { id: "a", version: 2, status: { to: "NEW" } },
      { id: "b", version: 5, status: { to: "SNOOZED", until } },
    ]);
    expect(revertsFor({ assigneeId: "me" }, [{ id: "b", version: 6 }], before)).toEqual([{ id: "b", version: 6, assigneeId: "u1" }]);
    expect(revertsFor({ assigneeId: null }, [{ id: "a", version: 3 }], before)).toEqual([{ id: "a", version: 3, assigneeId: null }]);
    expect(revertsFor({ priority: "URGENT" }, [{ id: "a", version: 3 }], before)).toEqual([{ id: "a", version: 3, priority: "NORMAL" }]);
  });

  it("puts back the team and the whole tag list when a change moved or tagged cases (a macro)", () => {
    const tagged = new Map([["c", row("c", { team: { id: "t1", name: "Billing" }, tags: ["vip", "refund"] })]]);
    expect(revertsFor({ teamId: null, addTags: ["escalated"], removeTags: ["vip"] }, [{ id: "c", version: 4 }], tagged)).toEqual([
      { id: "c", version: 4, teamId: "t1", tags: ["vip", "refund"] },
    ]);
    expect(revertsFor({ teamId: "t2" }, [{ id: "a", version: 2 }], before)).toEqual([{ id: "a", version: 2, teamId: null }]);
  });

  it("leaves out cases whose earlier state it never saw, and unchanged ones", () => {
    expect(revertsFor({ status: { to: "RESOLVED" } }, [{ id: "zzz", version: 2 }], before)).toEqual([]);
  });
});
