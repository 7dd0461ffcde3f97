"use client";
// Search analytics: a result opened from a search is reported with its position (1 = first of its
// kind). Fire and forget: the navigation does not wait, and a failed report changes nothing the
// member sees.
import { useMutation } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/trpc/react";

export function useRecordOpen(): (searchId: string | undefined, position: number, kind: "case" | "customer", id: string) => void {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.search.recordOpen.mutationOptions());
  return useCallback(
    (searchId, position, kind, id) => {
      if (searchId) mutate({ searchId, position, kind, id });
    },
    [mutate],
  );
}
