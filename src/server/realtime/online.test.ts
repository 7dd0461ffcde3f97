// Who is online, as each instance hears it: streams announced over the bus, several streams of one
// member counted once, "offline" when a stream closes, and entries that are not renewed expiring;
// and which of those are changes worth telling the streams (a heartbeat is not).
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

describe("OnlineBoard: what is a change", () => {
  it("a member coming, going, expiring or renamed; never a renewal or a second stream of someone online", () => {
    const board = new OnlineBoard();
    expect(board.apply(msg("u1", "Ava", "c1"), at)).toBe(true);
    expect(board.apply(msg("u1", "Ava", "c1", { expiresAt: at + 20_000 }), at + 5_000)).toBe(false);
    expect(board.apply(msg("u1", "Ava", "c2"), at)).toBe(false);
    expect(board.apply(msg("u1", "Ava", "c2", { state: "offline" }), at)).toBe(false);
    // Offline for a connection never heard of (or heard twice): nothing moved.
    expect(board.apply(msg("u1", "Ava", "c9", { state: "offline" }), at)).toBe(false);
    expect(board.apply(msg("u1", "Ava Stone", "c1", { expiresAt: at + 20_000 }), at)).toBe(true);
    expect(board.apply(msg("u2", "Ben", "c3", { tenantId: "other" }), at)).toBe(true);
    expect(board.apply(msg("u1", "Ava Stone", "c1", { state: "offline" }), at)).toBe(true);
    expect(board.empty).toBe(false);
    // Ben was not renewed: the sweep drops him and names his tenant, once.
    expect(board.sweep(at + 10_000)).toEqual(["other"]);
    expect(board.sweep(at + 10_000)).toEqual([]);
    expect(board.empty).toBe(true);
  });

  it("a renewal that arrives after its entry lapsed but before the sweep is no change", () => {
    const board = new OnlineBoard();
    board.apply(msg("u1", "Ava", "c1", { expiresAt: at + 10_000 }), at);
    expect(board.apply(msg("u1", "Ava", "c1", { expiresAt: at + 60_000 }), at + 11_000)).toBe(false);
    expect(board.sweep(at + 11_000)).toEqual([]);
  });
});

describe("OnlineTracker: the changes it tells", () => {
  const trackers: OnlineTracker[] = [];
  afterEach(() => {
    for (const t of trackers.splice(0)) t.close();
    vi.useRealTimers();
  });

  it("one per transition (online, offline, expiry), none for heartbeats, by tenant; it sweeps only while it holds someone", async () => {
    vi.useFakeTimers();
    const bus = createMemoryBus();
    const timing = { heartbeatMs: 20_000, ttlMs: 50_000, sweepMs: 5_000 };
    const here = new OnlineTracker(() => bus, timing);
    const elsewhere = new OnlineTracker(() => bus, timing);
    trackers.push(here, elsewhere);
    const changes: string[] = [];
    here.onChange((tenantId) => changes.push(tenantId));
    here.listen();
    // (Sweepers are checked, not the timer count: with modules shared between test files, other
    // files' background work may schedule timers of its own meanwhile.)
    expect([here.sweeping, elsewhere.sweeping]).toEqual([false, false]);

    const ava = { tenantId: "t", userId: "u1", name: "Ava" };
    const close = elsewhere.connect(ava);
    await vi.advanceTimersByTimeAsync(0);
    expect(changes).toEqual(["t"]);
    expect(here.sweeping).toBe(true);
    // Two minutes of heartbeats, and a second tab's stream opening and closing: nothing to tell.
    await vi.advanceTimersByTimeAsync(120_000);
    const second = elsewhere.connect(ava);
    await vi.advanceTimersByTimeAsync(0);
    second();
    await vi.advanceTimersByTimeAsync(0);
    expect(changes).toEqual(["t"]);

    // Another tenant's member: told for that tenant only.
    const closeOther = elsewhere.connect({ tenantId: "other", userId: "u9", name: "Zed" });
    await vi.advanceTimersByTimeAsync(0);
    expect(changes).toEqual(["t", "other"]);
    closeOther();
    close();
    await vi.advanceTimersByTimeAsync(0);
    expect(changes).toEqual(["t", "other", "other", "t"]);
    // Nobody held: no sweep left running.
    expect([here.sweeping, elsewhere.sweeping]).toEqual([false, false]);

    // An instance that dies says nothing: its announcement runs out, told once by the next sweep.
    await bus.publish(msg("u2", "Ben", "dead", { since: Date.now(), expiresAt: Date.now() + 50_000 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(changes.slice(4)).toEqual(["t"]);
    await vi.advanceTimersByTimeAsync(49_000);
    expect(changes.slice(4)).toEqual(["t"]);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(changes.slice(4)).toEqual(["t", "t"]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(changes).toHaveLength(6);
    expect([here.sweeping, elsewhere.sweeping]).toEqual([false, false]);
    await bus.close();
  });
});
