import { describe, expect, it } from "vitest";
import { clearDraft, draftKey, loadDraft, newestMessageId, saveDraft } from "./composer-draft";

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe("composer drafts", () => {
  it("keeps a draft per user and case, and forgets an empty one", () => {
    const storage = memoryStorage();
    const key = draftKey("u1", "c1");
    expect(key).not.toBe(draftKey("u2", "c1"));
    saveDraft(storage, key, { kind: "INTERNAL_NOTE", body: "Half a thought", seenUpTo: "m1" });
    expect(loadDraft(storage, key)).toEqual({ kind: "INTERNAL_NOTE", body: "Half a thought", seenUpTo: "m1" });
    saveDraft(storage, key, { kind: "INTERNAL_NOTE", body: "   ", seenUpTo: "m1" });
    expect(storage.map.has(key)).toBe(false);
    saveDraft(storage, key, { kind: "PUBLIC_REPLY", body: "Again", seenUpTo: null });
    clearDraft(storage, key);
    expect(loadDraft(storage, key)).toBeNull();
  });

  it("reads a damaged or foreign entry as no draft, and survives storage that throws", () => {
    const storage = memoryStorage();
    storage.map.set("k", "{not json");
    expect(loadDraft(storage, "k")).toBeNull();
    storage.map.set("k", JSON.stringify({ kind: "SHOUT", body: "Hi", seenUpTo: 7 }));
    expect(loadDraft(storage, "k")).toEqual({ kind: "PUBLIC_REPLY", body: "Hi", seenUpTo: null });
    const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("full"); }, removeItem: () => { throw new Error("denied"); } };
    expect(loadDraft(broken, "k")).toBeNull();
    expect(() => saveDraft(broken, "k", { kind: "PUBLIC_REPLY", body: "x", seenUpTo: null })).not.toThrow();
    expect(() => clearDraft(broken, "k")).not.toThrow();
    expect(loadDraft(undefined, "k")).toBeNull();
  });

  it("finds the newest message of a timeline, ignoring events, ties broken by id", () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    expect(newestMessageId([])).toBeNull();
    expect(newestMessageId([{ type: "event", id: "e9", createdAt: at(9) }])).toBeNull();
    expect(
      newestMessageId([
        { type: "message", id: "m1", createdAt: at(1) },
        { type: "event", id: "e9", createdAt: at(9) },
        { type: "message", id: "m3", createdAt: at(3) },
        { type: "message", id: "m2", createdAt: at(3) },
      ]),
    ).toBe("m3");
  });
});
