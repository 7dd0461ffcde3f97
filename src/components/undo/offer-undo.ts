"use client";
// Shows what was just done with an Undo button, and makes it the action ⌘Z takes back.
import { toast } from "sonner";
import { UNDO_WINDOW_MS, useUndoStore, type UndoOutcome } from "./undo-store";

/** Offers to take back `label` (e.g. "Case #12 resolved") by running `undo`. */
export function offerUndo(label: string, undo: () => Promise<UndoOutcome>): void {
  const entry = useUndoStore.getState().offer(label, undo);
  toast(label, {
    id: "undo",
    duration: UNDO_WINDOW_MS,
    action: {
      label: "Undo",
      onClick: (event) => {
        // Keep this toast: it becomes "Undoing…" and then the outcome (same id). Left to close on
        // the click, it was removed right after that update, and "Undone" could land on a toast
        // already gone (seen as a flaky browser test under load).
        event.preventDefault();
        void runUndo(entry.id);
      },
    },
  });
}

/** Takes back the latest action (or the one with `id`, from its toast), if still undoable. */
export async function runUndo(id?: number): Promise<void> {
  const entry = useUndoStore.getState().take(id);
  if (!entry) return;
  toast.loading(`Undoing: ${entry.label}…`, { id: "undo", duration: Infinity });
  let outcome: UndoOutcome;
  try {
    outcome = await entry.undo();
  } catch {
    outcome = { ok: false, message: "The server could not be reached; nothing was undone." };
  }
  if (outcome.ok) toast.success(`Undone: ${entry.label}`, { id: "undo", duration: 4_000 });
  else toast.error(outcome.message, { id: "undo", duration: 8_000 });
}
