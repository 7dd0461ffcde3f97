// Presence as one instance holds it: who is on which case, changes reported only when others
// would see a difference, and entries that were not renewed dropped by the sweep.
import { describe, expect, it } from "vitest";
import { PresenceBoard } from "./presence";

const at = 1_000_000;
const msg = (userId: string, name: string, state: "viewing" | "replying" | "left", expiresAt = at + 10_000, caseId = "case-1") => ({
  type: "presence" as const,
  tenantId: "t",
  caseId,
  userId,
  name,
  state,
  instanceId: "i",
  expiresAt,
});

describe("PresenceBoard", () => {
  it("reports a case's members, sorted by name, only when what others see changes", () => {
    const board = new PresenceBoard();
    expect(board.apply(msg("u2", "Zoe", "viewing"), at)).toEqual({
      type: "presence",
      caseId: "case-1",
      members: [{ userId: "u2", name: "Zoe", state: "viewing" }],
    });
    expect(board.apply(msg("u1", "Ava", "viewing"), at)!.members.map((m) => m.name)).toEqual(["Ava", "Zoe"]);
    // A heartbeat with nothing new: no news.
    expect(board.apply(msg("u1", "Ava", "viewing", at + 20_000), at)).toBeNull();
    expect(board.apply(msg("u1", "Ava", "replying"), at)!.members[0]).toEqual({ userId: "u1", name: "Ava", state: "replying" });
    expect(board.all().map((s) => s.caseId)).toEqual(["case-1"]);
  });

  it("forgets who left or whose announcement expired, and sweeps entries that were not renewed", () => {
    const board = new PresenceBoard();
    board.apply(msg("u1", "Ava", "viewing", at + 5_000), at);
    board.apply(msg("u2", "Ben", "viewing", at + 60_000), at);
    board.apply(msg("u3", "Cy", "viewing", at + 60_000, "case-2"), at);
    expect(board.apply(msg("u9", "Nobody", "left"), at)).toBeNull();
    expect(board.apply(msg("u3", "Cy", "viewing", at - 1, "case-2"), at)).toEqual({ type: "presence", caseId: "case-2", members: [] });
    expect(board.sweep(at + 1_000)).toEqual([]);
    expect(board.sweep(at + 6_000)).toEqual([{ type: "presence", caseId: "case-1", members: [{ userId: "u2", name: "Ben", state: "viewing" }] }]);
    expect(board.apply(msg("u2", "Ben", "left"), at + 7_000)).toEqual({ type: "presence", caseId: "case-1", members: [] });
    expect(board.all()).toEqual([]);
  });
});
