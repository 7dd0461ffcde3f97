"use client";
// `/` in the composer: the member's and the team's canned responses, filled for this case by the
// server (cannedResponses.render) and put where the "/partial" was typed.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { cannedAt, suggestCanned } from "./canned-suggestions";

export function useCannedInsert(caseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [trigger, setTrigger] = useState<{ start: number; query: string } | null>(null);
  // Loaded the first time a slash opens the list, not with every case page.
  const list = useQuery({ ...trpc.cannedResponses.list.queryOptions({}), enabled: trigger !== null, staleTime: 60_000 });
  const suggestions = trigger && list.data ? suggestCanned(list.data, trigger.query) : [];

  return {
    suggestions,
    /** After each edit: whether the caret is in a "/partial". */
    track: (text: string, caret: number) => setTrigger(cannedAt(text, caret)),
    close: () => setTrigger(null),
    /** The filled text replacing the "/partial" in `text`; the caret goes after it. */
    async fill(id: string, text: string, caret: number): Promise<{ text: string; caret: number } | null> {
      if (!trigger) return null;
      const { start } = trigger;
      setTrigger(null);
      const { body } = await queryClient.fetchQuery(trpc.cannedResponses.render.queryOptions({ id, caseId }));
      return { text: text.slice(0, start) + body + text.slice(caret), caret: start + body.length };
    },
  };
}
