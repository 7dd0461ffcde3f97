import { describe, expect, it } from "vitest";
import { allowedTransitions, canTransition, isPausedStatus, transitionRefusal } from "./case-status";

describe("case status machine", () => {
  it("lets a NEW case go straight to pending, snoozed or resolved, and a pending one to snoozed", () => {
    expect(allowedTransitions("NEW")).toEqual(["OPEN", "PENDING", "SNOOZED", "RESOLVED"]);
    expect(allowedTransitions("PENDING")).toEqual(["OPEN", "SNOOZED", "RESOLVED"]);
    expect(canTransition("SNOOZED", "PENDING")).toBe(false);
  });

  it("closes only a resolved case; a closed one is final", () => {
    for (const from of ["NEW", "OPEN", "PENDING", "SNOOZED"] as const) {
      expect(canTransition(from, "CLOSED")).toBe(false);
      expect(transitionRefusal(from, "CLOSED")).toMatch(/cannot be closed before it is resolved/);
    }
    expect(canTransition("RESOLVED", "CLOSED")).toBe(true);
    expect(allowedTransitions("CLOSED")).toEqual([]);
    expect(transitionRefusal("CLOSED", "OPEN")).toBe("A closed case cannot change status; open a new case instead");
  });

  it("explains a refusal with the allowed next states", () => {
    expect(transitionRefusal("NEW", "CLOSED")).toBe(
      "A new case cannot be closed before it is resolved; it can become open, pending, snoozed or resolved",
    );
    expect(transitionRefusal("SNOOZED", "PENDING")).toBe("A snoozed case cannot become pending; it can become open or resolved");
    expect(transitionRefusal("OPEN", "OPEN")).toBe("The case is already open");
    expect(transitionRefusal("NEW", "PENDING")).toBeNull();
  });

  it("pauses the SLA clocks in pending and snoozed only", () => {
    expect(["NEW", "OPEN", "PENDING", "SNOOZED", "RESOLVED", "CLOSED"].filter((s) => isPausedStatus(s as never))).toEqual(["PENDING", "SNOOZED"]);
  });
});
