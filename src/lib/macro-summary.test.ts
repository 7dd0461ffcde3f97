import { describe, expect, it } from "vitest";
import { describeMacro } from "./macro-summary";

const names = { teams: new Map([["t1", "Billing"]]), members: new Map([["u1", "Ann Lee"]]) };

describe("describeMacro", () => {
  it("names every action in the order the macro applies them", () => {
    expect(
      describeMacro(
        { reply: { kind: "PUBLIC_REPLY", body: "Hi" }, status: "PENDING", priority: "HIGH", addTags: ["refund"], removeTags: ["vip"], teamId: "t1", assigneeId: "me" },
        names,
      ),
    ).toEqual(["Reply", "Pending", "High priority", "+refund", "−vip", "Team Billing", "Assign to you"]);
  });

  it("tells a note from a reply, clearing from leaving alone, and a gone team or member", () => {
    expect(describeMacro({ reply: { kind: "INTERNAL_NOTE", body: "x" }, teamId: null, assigneeId: null }, names)).toEqual(["Internal note", "No team", "Unassign"]);
    expect(describeMacro({ teamId: "gone", assigneeId: "u1" }, names)).toEqual(["Team (deleted)", "Assign to Ann Lee"]);
    expect(describeMacro({ assigneeId: "gone" }, names)).toEqual(["Assign to (removed member)"]);
    expect(describeMacro({ priority: "URGENT" }, names)).toEqual(["Urgent priority"]);
    expect(describeMacro({ assigneeId: "me" }, { ...names, me: "whoever applies it" })).toEqual(["Assign to whoever applies it"]);
  });
});
