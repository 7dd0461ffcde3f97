import { describe, expect, it } from "vitest";
import { describeEvent, workingTimeText } from "./case-event-text";

const event = (name: string, from: unknown, to: unknown) => ({
  type: "event" as const,
  id: "e1",
  createdAt: new Date(),
  event: name,
  actor: { type: "system", id: "job:cases.wake-snoozed-tenant", name: null },
  from,
  to,
});

describe("case event text", () => {
  it("says a woken case reopened because its snooze ended, and other status changes as before", () => {
    expect(describeEvent(event("status_changed", "SNOOZED", { status: "OPEN", reason: "snooze_ended" }), [])).toBe("reopened the case: its snooze ended");
    expect(describeEvent(event("status_changed", "OPEN", { status: "RESOLVED" }), [])).toBe("changed status from Open to Resolved");
    expect(describeEvent(event("status_changed", "RESOLVED", { status: "NEW", undo: true }), [])).toBe("undid the status change: back from Resolved to New");
  });

  it("says when a status change paused, resumed or stopped the SLA clocks, with the working time paused", () => {
    expect(describeEvent(event("status_changed", "OPEN", { status: "PENDING", slaPaused: true }), [])).toBe("changed status from Open to Pending; SLA clocks paused");
    expect(describeEvent(event("status_changed", "PENDING", { status: "OPEN", slaPausedMs: 9_000_000 }), [])).toBe(
      "changed status from Pending to Open; SLA clocks resumed after 2 h 30 min of working time paused",
    );
    expect(describeEvent(event("status_changed", "SNOOZED", { status: "RESOLVED", slaPausedMs: 0 }), [])).toBe(
      "changed status from Snoozed to Resolved; SLA clocks stopped after less than a minute of working time paused",
    );
    expect(describeEvent(event("status_changed", "SNOOZED", { status: "OPEN", reason: "snooze_ended", slaPausedMs: 3_600_000 }), [])).toBe(
      "reopened the case: its snooze ended; SLA clocks resumed after 1 h of working time paused",
    );
    expect(workingTimeText(45 * 60_000 + 59_000)).toBe("45 min");
  });

  it("says with whom a case was shared, and escalations with their level, team and reason", () => {
    const members = [{ userId: "u1", name: "Ava Agent" }] as Parameters<typeof describeEvent>[1];
    expect(describeEvent(event("shared", null, { userIds: ["u1"], teams: [{ id: "t1", name: "Billing" }], note: "Look" }), members)).toBe(
      "shared the case with team Billing, Ava Agent: “Look”",
    );
    expect(describeEvent(event("escalated", { level: null }, { level: "Tier 2", team: { id: "t1", name: "Billing" }, reason: "Angry" }), [])).toBe(
      "escalated the case to Tier 2 (team Billing): “Angry”",
    );
    expect(describeEvent(event("escalated", { level: "Tier 2" }, { level: "Management", team: null, reason: "Still" }), [])).toBe(
      "escalated the case from Tier 2 to Management: “Still”",
    );
    expect(describeEvent(event("deescalated", { level: "Management" }, { reason: null }), [])).toBe("de-escalated the case from Management");
  });

  it("names the team a case moved to or left, as it was named then", () => {
    expect(describeEvent(event("team_changed", null, { id: "t1", name: "Billing" }), [])).toBe("moved the case to team Billing");
    expect(describeEvent(event("team_changed", { id: "t1", name: "Billing" }, null), [])).toBe("took the case out of team Billing");
  });
});
