import { beforeEach, describe, expect, it } from "vitest";
import { UNDO_WINDOW_MS, useUndoStore } from "./undo-store";

const ok = async () => ({ ok: true as const });

describe("undo store", () => {
  beforeEach(() => useUndoStore.setState({ latest: null }));

  it("hands the latest action out once, within its window", () => {
    const entry = useUndoStore.getState().offer("Case #1 resolved", ok, 1_000);
    expect(useUndoStore.getState().take(undefined, 1_000 + UNDO_WINDOW_MS)).toBe(entry);
    expect(useUndoStore.getState().take(undefined, 1_001)).toBeNull();
  });

  it("refuses an action past its window", () => {
    useUndoStore.getState().offer("Case #1 resolved", ok, 1_000);
    expect(useUndoStore.getState().take(undefined, 1_001 + UNDO_WINDOW_MS)).toBeNull();
  });

  it("a newer action replaces the older one: the older toast's Undo does nothing", () => {
    const first = useUndoStore.getState().offer("Case #1 resolved", ok, 1_000);
    const second = useUndoStore.getState().offer("Case #2 resolved", ok, 1_100);
    expect(useUndoStore.getState().take(first.id, 1_200)).toBeNull();
    expect(useUndoStore.getState().take(second.id, 1_200)).toBe(second);
  });
});
