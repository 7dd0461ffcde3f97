// Who is on which case, as the stream last said. Each presence message replaces a case's whole
// list. After a (re)connect the server sends the list of every case someone is on; a case it does
// not mention any more emptied while we were away, so lists not confirmed within RESYNC_GRACE_MS
// of a `ready` are dropped. The composer's own "I am typing" flag lives here too.
import { create } from "zustand";
import type { PresenceEntry, PresenceSnapshot } from "@/lib/realtime/events";
import { REPLYING_IDLE_MS } from "@/lib/realtime/presence";

export const RESYNC_GRACE_MS = 3_000;

export type PresenceByCase = Readonly<Record<string, readonly PresenceEntry[]>>;

const sameEntries = (a: readonly PresenceEntry[], b: readonly PresenceEntry[]) =>
  a.length === b.length && a.every((e, i) => e.userId === b[i]!.userId && e.state === b[i]!.state && e.name === b[i]!.name);

/** The map with one case's list replaced; the same object when nothing changed (no re-render). */
export function applySnapshot(byCase: PresenceByCase, snapshot: PresenceSnapshot): PresenceByCase {
  const before = byCase[snapshot.caseId];
  if (snapshot.members.length === 0) {
    if (!before) return byCase;
    const next = { ...byCase };
    delete next[snapshot.caseId];
    return next;
  }
  if (before && sameEntries(before, snapshot.members)) return byCase;
  return { ...byCase, [snapshot.caseId]: snapshot.members };
}

/** The map without the given cases; the same object when none of them is there. */
export function dropCases(byCase: PresenceByCase, caseIds: Iterable<string>): PresenceByCase {
  let next: Record<string, readonly PresenceEntry[]> | null = null;
  for (const id of caseIds) {
    if (!(id in byCase)) continue;
    next ??= { ...byCase };
    delete next[id];
  }
  return next ?? byCase;
}

/** Everyone on the case but this user (they know they are there). */
export function othersOn(entries: readonly PresenceEntry[] | undefined, selfId: string | null): PresenceEntry[] {
  return (entries ?? []).filter((e) => e.userId !== selfId);
}

interface PresenceStore {
  byCase: PresenceByCase;
  /** Cases not yet confirmed since the last `ready`. */
  unconfirmed: ReadonlySet<string>;
  apply(snapshot: PresenceSnapshot): void;
  /** A stream (re)opened: what it does not confirm soon is gone. */
  beginResync(): void;
  endResync(): void;
  clear(): void;
}

export const usePresenceStore = create<PresenceStore>((set) => ({
  byCase: {},
  unconfirmed: new Set(),
  apply: (snapshot) =>
    set((s) => {
      const byCase = applySnapshot(s.byCase, snapshot);
      if (!s.unconfirmed.has(snapshot.caseId)) return byCase === s.byCase ? s : { byCase };
      const unconfirmed = new Set(s.unconfirmed);
      unconfirmed.delete(snapshot.caseId);
      return { byCase, unconfirmed };
    }),
  beginResync: () => set((s) => ({ unconfirmed: new Set(Object.keys(s.byCase)) })),
  endResync: () => set((s) => ({ byCase: dropCases(s.byCase, s.unconfirmed), unconfirmed: new Set() })),
  clear: () => set({ byCase: {}, unconfirmed: new Set() }),
}));

interface ReplyingStore {
  /** Cases this tab's user is typing a message on right now. */
  typing: Readonly<Record<string, boolean>>;
  set(caseId: string, typing: boolean): void;
}

export const useReplyingStore = create<ReplyingStore>((set) => ({
  typing: {},
  set: (caseId, typing) => set((s) => (Boolean(s.typing[caseId]) === typing ? s : { typing: { ...s.typing, [caseId]: typing } })),
}));

const idleTimers = new Map<string, ReturnType<typeof setTimeout>>();

/** The composer calls this on every keystroke: "replying" now, back to "viewing" REPLYING_IDLE_MS after the last one. */
export function markTyping(caseId: string, typing: boolean): void {
  const store = useReplyingStore.getState();
  const timer = idleTimers.get(caseId);
  if (timer) clearTimeout(timer);
  idleTimers.delete(caseId);
  store.set(caseId, typing);
  if (typing) {
    idleTimers.set(
      caseId,
      setTimeout(() => {
        idleTimers.delete(caseId);
        useReplyingStore.getState().set(caseId, false);
      }, REPLYING_IDLE_MS),
    );
  }
}
