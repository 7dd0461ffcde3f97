import { describe, expect, it } from "vitest";
import { mergeRefusal, messageCountLabel } from "./merge-plan";

const c = (id: string, number: number, status: "OPEN" | "CLOSED" | "PENDING" = "OPEN", mergedInto: { number: number } | null = null) => ({ id, number, status, mergedInto });

describe("merge plan", () => {
  it("allows an open duplicate into an open case", () => {
    expect(mergeRefusal(c("a", 2), c("b", 1))).toBeNull();
    expect(mergeRefusal(c("a", 2, "PENDING"), c("b", 1))).toBeNull();
  });

  it("refuses the case itself, closed or already merged duplicates, and closed targets", () => {
    expect(mergeRefusal(c("a", 1), c("a", 1))).toMatch(/itself/);
    expect(mergeRefusal(c("a", 2, "CLOSED"), c("b", 1))).toMatch(/#2 is closed/);
    expect(mergeRefusal(c("a", 2, "CLOSED", { number: 9 }), c("b", 1))).toMatch(/already merged into #9/);
    expect(mergeRefusal(c("a", 2), c("b", 1, "CLOSED"))).toMatch(/#1 is closed/);
  });

  it("labels message counts", () => {
    expect(messageCountLabel(0, false)).toBe("0 messages");
    expect(messageCountLabel(1, false)).toBe("1 message");
    expect(messageCountLabel(200, true)).toBe("200+ messages");
  });
});
