import { describe, expect, it } from "vitest";
import { fieldChangeOf } from "./macro-change";

describe("fieldChangeOf", () => {
  it("keeps null (clear) apart from absent (leave alone)", () => {
    expect(fieldChangeOf({ teamId: null, assigneeId: "me", status: "PENDING", addTags: [] })).toEqual({ teamId: null, assigneeId: "me", status: { to: "PENDING" } });
  });

  it("is null for a macro that only writes a message", () => {
    expect(fieldChangeOf({ reply: { kind: "INTERNAL_NOTE", body: "x" }, removeTags: [] })).toBeNull();
  });
});
