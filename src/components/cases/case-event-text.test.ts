import { describe, expect, it } from "vitest";
import { describeEvent } from "./case-event-text";

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
  });
});
