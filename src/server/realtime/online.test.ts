// Who is online, as each instance hears it: streams announced over the bus, several streams of one
// member counted once, "offline" when a stream closes, and entries that are not renewed expiring.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryBus } from "./bus";
import { OnlineBoard, OnlineTracker } from "./online";

const at = 1_000_000;
const msg = (userId: string, name: string, connectionId: string, opts: { state?: "online" | "offline"; since?: number; expiresAt?: number; tenantId?: string } = {}) => ({
  type: "online" as const,
  tenantId: opts.tenantId ?? "t",
  userId,
  name,
  connectionId,
  state: opts.state ?? "online",
  since: opts.since ?? at,
  expiresAt: opts.expiresAt ?? at + 10_000,
});

describe("OnlineBoard", () => {
  it("counts a member once across streams, from their oldest, until the last one closes or expires", () => {
    const board = new OnlineBoard();
    board.apply(msg("u1", "Zoe", "c1", { since: at - 5_000 }), at);
    board.apply(msg("u1", "Zoe Renamed", "c2", { expiresAt: at + 20_000 }), at);
    board.apply(msg("u2", "Ava", "c3"), at);
    board.apply(msg("u3", "Elsewhere", "c4", { tenantId: "other", expiresAt: at + 60_000 }), at);
    expect(board.list("t", at)).toEqual([
      { userId: "u2", name: "Ava", since: new Date(at) },
      { userId: "u1", name: "Zoe Renamed", since: new Date(at - 5_000) },
    ]);
    board.apply(msg("u1", "Zoe", "c2", { state: "offline" }), at);
    expect(board.list("t", at).map((m) => m.userId)).toEqual(["u2", "u1"]);
    // Not renewed: gone from the list at once, and from memory at the next sweep.
    expect(board.list("t", at + 10_000)).toEqual([]);
    board.sweep(at + 10_000);
    expect(board.list("t", at)).toEqual([]);
    expect(board.list("other", at).map((m) => m.userId)).toEqual(["u3"]);
    // An announcement that arrives already expired adds nothing.
    board.apply(msg("u5", "Late", "c5", { expiresAt: at - 1 }), at);
    expect(board.list("t", at)).toEqual([]);
  });
});

describe("OnlineTracker across two instances", () => {
  const trackers: OnlineTracker[] = [];
  afterEach(() => {
    for (const t of trackers.splice(0)) t.close();
  });

  it("hears another instance's streams open, renew, close, and expire when their instance dies", async () => {
    const bus = createMemoryBus();
    const timing = { heartbeatMs: 30, ttlMs: 80 };
    const a = new OnlineTracker(() => bus, timing);
    const b = new OnlineTracker(() => bus, timing);
    trackers.push(a, b);
    b.listen();

    const close = a.connect({ tenantId: "t", userId: "u1", name: "Ava" });
    await vi.waitFor(() => expect(b.list("t").map((m) => m.userId)).toEqual(["u1"]));
    // Heartbeats keep it there well past one time-to-live.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(b.list("t").map((m) => m.name)).toEqual(["Ava"]);
    close();
    await vi.waitFor(() => expect(b.list("t")).toEqual([]));

    // An instance that dies says nothing: its announcement simply runs out.
    await bus.publish(msg("u2", "Ben", "dead", { since: Date.now(), expiresAt: Date.now() + 60 }));
    await vi.waitFor(() => expect(a.list("t").map((m) => m.userId)).toEqual(["u2"]));
    await vi.waitFor(() => expect(a.list("t")).toEqual([]), { timeout: 1_000 });
    await bus.close();
  });
});
