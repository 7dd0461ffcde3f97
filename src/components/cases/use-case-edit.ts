"use client";
// Runs one edit of the case through a server action and folds the answer into the cached case.
// The control shows the new value at once (optimistic) and goes back to the old one if the server
// refuses. A CONFLICT keeps what the user sees and hands back the case as it now is, so the screen
// can say someone else changed it instead of silently overwriting their change. A reversible edit
// offers Undo (toast and ⌘Z), which runs the reverse edit at the version this one left.
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { offerUndo } from "@/components/undo/offer-undo";
import type { UndoOutcome } from "@/components/undo/undo-store";
import { useTRPC } from "@/trpc/react";
import type { CaseEditResult } from "./case-actions";
import type { CaseDetail } from "./case-types";

export interface EditOptions {
  /** Shown at once, before the server answers; undone if it refuses. */
  optimistic?: Partial<CaseDetail>;
  /** What the edit did, e.g. "Case #12 resolved", and the edit that takes it back from the case it left. */
  undo?: { label: string; revert: (after: CaseDetail) => Promise<CaseEditResult> };
  onDone?: () => void;
}

/** A refused undo in words: a change since is the usual reason. */
export function undoRefusal(result: Exclude<CaseEditResult, { ok: true }>): string {
  return result.error.code === "CONFLICT"
    ? "Not undone: the case changed since (someone else edited it)."
    : `Not undone: ${result.error.message}`;
}

export function useCaseEdit(number: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<CaseDetail | null>(null);
  const key = trpc.cases.get.queryKey({ number });

  const refreshAround = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.cases.timeline.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.counts.pathKey() }),
    ]);

  function run(edit: () => Promise<CaseEditResult>, options: EditOptions = {}) {
    setError(null);
    const before = queryClient.getQueryData(key);
    if (options.optimistic && before) queryClient.setQueryData(key, { ...before, ...options.optimistic });
    startTransition(async () => {
      let result: CaseEditResult;
      try {
        result = await edit();
      } catch {
        result = { ok: false, error: { code: "SERVICE_UNAVAILABLE", message: "The server could not be reached; nothing was saved." } };
      }
      if (result.ok) {
        queryClient.setQueryData(key, result.data);
        options.onDone?.();
        const undo = options.undo;
        if (undo) {
          const after = result.data;
          offerUndo(undo.label, async (): Promise<UndoOutcome> => {
            const reverted = await undo.revert(after);
            if (!reverted.ok) return { ok: false, message: undoRefusal(reverted) };
            queryClient.setQueryData(key, reverted.data);
            await refreshAround();
            return { ok: true };
          });
        }
        await refreshAround();
        return;
      }
      if (before) queryClient.setQueryData(key, before);
      if (result.error.code === "CONFLICT" && result.current) setConflict(result.current);
      else setError(result.error.message);
    });
  }

  /** Takes the other person's version: the screen shows the case as it now is. */
  function acceptCurrent() {
    if (conflict) queryClient.setQueryData(key, conflict);
    setConflict(null);
    void refreshAround();
  }

  return { run, pending, error, conflict, acceptCurrent, dismissError: () => setError(null) };
}
