import { afterEach, describe, expect, it, vi } from "vitest";
import type { PresenceSnapshot } from "@/lib/realtime/events";
import { REPLYING_IDLE_MS } from "@/lib/realtime/presence";
import { applySnapshot, dropCases, markTyping, othersOn, usePresenceStore, useReplyingStore } from "./presence-store";

const snap = (caseId: string, ...members: [string, "viewing" | "replying"][]): PresenceSnapshot => ({
  type: "presence",
  caseId,
  members: members.map(([name, state]) => ({ userId: `u-${name}`, name, state })),
});

describe("presence", () => {
  afterEach(() => {
    usePresenceStore.getState().clear();
    vi.useRealTimers();
  });

  it("each snapshot replaces the case's list; an unchanged one keeps the same object (no re-render)", () => {
    const one = applySnapshot({}, snap("c1", ["Ava", "viewing"]));
    expect(one).toEqual({ c1: [{ userId: "u-Ava", name: "Ava", state: "viewing" }] });
    expect(applySnapshot(one, snap("c1", ["Ava", "viewing"]))).toBe(one);
    const replying = applySnapshot(one, snap("c1", ["Ava", "replying"]));
    expect(replying.c1![0]!.state).toBe("replying");
    expect(applySnapshot(replying, snap("c1"))).toEqual({});
    expect(applySnapshot({}, snap("c1"))).toEqual({});
  });

  it("leaves the signed-in user out", () => {
    const entries = snap("c1", ["Ava", "viewing"], ["Me", "replying"]).members;
    expect(othersOn(entries, "u-Me").map((e) => e.name)).toEqual(["Ava"]);
    expect(othersOn(undefined, "u-Me")).toEqual([]);
  });

  it("after a reconnect, drops the cases the server did not confirm", () => {
    const store = usePresenceStore.getState();
    store.apply(snap("c1", ["Ava", "viewing"]));
    store.apply(snap("c2", ["Ben", "viewing"]));
    store.beginResync();
    usePresenceStore.getState().apply(snap("c2", ["Ben", "replying"]));
    usePresenceStore.getState().endResync();
    expect(usePresenceStore.getState().byCase).toEqual({ c2: [{ userId: "u-Ben", name: "Ben", state: "replying" }] });
    expect(dropCases({ a: [] }, ["b"])).toEqual({ a: [] });
  });

  it("typing marks replying, which idles back after REPLYING_IDLE_MS without keystrokes", () => {
    vi.useFakeTimers();
    markTyping("c1", true);
    expect(useReplyingStore.getState().typing.c1).toBe(true);
    vi.advanceTimersByTime(REPLYING_IDLE_MS - 1);
    markTyping("c1", true);
    vi.advanceTimersByTime(REPLYING_IDLE_MS - 1);
    expect(useReplyingStore.getState().typing.c1).toBe(true);
    vi.advanceTimersByTime(1);
    expect(useReplyingStore.getState().typing.c1).toBe(false);
    markTyping("c1", true);
    markTyping("c1", false);
    expect(useReplyingStore.getState().typing.c1).toBe(false);
  });
});
