"use client";
// `/` in the composer: the member's and the team's canned responses and macros. A response is
// filled for this case by the server (cannedResponses.render) and put where the "/partial" was
// typed; a macro's reply goes there the same way (macros.render), its actions wait for Send.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { cannedAt, suggestCanned } from "./canned-suggestions";
import type { Member } from "./case-types";
import { useMacros, type MacroChoice } from "./use-macros";

export type SlashItem = { kind: "canned"; id: string; title: string; body: string; detail: string } | { kind: "macro"; id: string; title: string; body: string; detail: string; macro: MacroChoice };

export function useCannedInsert(caseId: string, members: Member[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [trigger, setTrigger] = useState<{ start: number; query: string } | null>(null);
  // Loaded the first time a slash opens the list, not with every case page.
  const list = useQuery({ ...trpc.cannedResponses.list.queryOptions({}), enabled: trigger !== null, staleTime: 60_000 });
  const macros = useMacros(members, trigger !== null);
  const items: SlashItem[] = [
    ...(list.data ?? []).map((r) => ({ kind: "canned" as const, id: r.id, title: r.title, body: r.body, detail: r.body.replace(/\s+/g, " ") })),
    ...macros.map((m) => ({ kind: "macro" as const, id: m.id, title: m.name, body: m.actions.reply?.body ?? "", detail: `Macro · ${m.summary}`, macro: m })),
  ];
  const suggestions = trigger ? suggestCanned(items, trigger.query) : [];

  /** `insert` replacing the "/partial" in `text`; the caret goes after it. */
  const replaceTrigger = (text: string, caret: number, insert: string) => {
    const start = trigger?.start ?? caret;
    setTrigger(null);
    return { text: text.slice(0, start) + insert + text.slice(caret), caret: start + insert.length };
  };

  return {
    suggestions,
    /** After each edit: whether the caret is in a "/partial". */
    track: (text: string, caret: number) => setTrigger(cannedAt(text, caret)),
    close: () => setTrigger(null),
    async fill(id: string, text: string, caret: number): Promise<{ text: string; caret: number } | null> {
      if (!trigger) return null;
      const { body } = await queryClient.fetchQuery(trpc.cannedResponses.render.queryOptions({ id, caseId }));
      return replaceTrigger(text, caret, body);
    },
    /** The macro's filled reply (if any) in place of the "/partial", and its message type. */
    async fillMacro(id: string, text: string, caret: number) {
      const { reply } = await queryClient.fetchQuery(trpc.macros.render.queryOptions({ id, caseId }));
      return { ...replaceTrigger(text, caret, reply?.body ?? ""), kind: reply?.kind ?? null };
    },
  };
}
