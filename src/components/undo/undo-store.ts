// The one undoable action a member may take back: the latest, for a few seconds. Its toast has an
// Undo button and ⌘Z / Ctrl+Z does the same (undo-host.tsx). Undoing calls the same procedures
// the action did, naming the version the action left, so a change someone made since is never
// overwritten: that undo is refused and says so.
import { create } from "zustand";

/** How long an action stays undoable, and its toast on screen. */
export const UNDO_WINDOW_MS = 8_000;

/** An undo's outcome: done, or why nothing was undone (in words for the member). */
export type UndoOutcome = { ok: true } | { ok: false; message: string };

export interface Undoable {
  id: number;
  /** What was done, e.g. "Case #12 resolved". */
  label: string;
  undo: () => Promise<UndoOutcome>;
  expiresAt: number;
}

interface UndoState {
  latest: Undoable | null;
  offer: (label: string, undo: () => Promise<UndoOutcome>, now?: number) => Undoable;
  /** Takes the latest undoable if it is still within its window (once: a second ⌘Z does nothing). */
  take: (id?: number, now?: number) => Undoable | null;
}

let nextId = 1;

export const useUndoStore = create<UndoState>()((set, get) => ({
  latest: null,
  offer: (label, undo, now = Date.now()) => {
    const entry = { id: nextId++, label, undo, expiresAt: now + UNDO_WINDOW_MS };
    set({ latest: entry });
    return entry;
  },
  take: (id, now = Date.now()) => {
    const latest = get().latest;
    if (!latest || (id !== undefined && latest.id !== id) || latest.expiresAt < now) return null;
    set({ latest: null });
    return latest;
  },
}));
