"use client";
// Runs one edit of the case through a server action and folds the answer into the cached case.
// A CONFLICT keeps what the user sees and hands back the case as it now is, so the screen can
// say someone else changed it instead of silently overwriting their change.
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { useTRPC } from "@/trpc/react";
import type { CaseEditResult } from "./case-actions";
import type { CaseDetail } from "./case-types";

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

  function run(edit: () => Promise<CaseEditResult>, onDone?: () => void) {
    setError(null);
    startTransition(async () => {
      const result = await edit();
      if (result.ok) {
        queryClient.setQueryData(key, result.data);
        onDone?.();
        await refreshAround();
      } else if (result.error.code === "CONFLICT" && result.current) {
        setConflict(result.current);
      } else {
        setError(result.error.message);
      }
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
