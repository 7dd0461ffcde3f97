"use client";
// The macros the member can apply (theirs and the team's), each with its actions in words, and
// applying one with an Undo of its field changes (a reply, once sent, stays sent).
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { toast } from "sonner";
import { fieldChangeOf } from "@/lib/macro-change";
import { describeMacro } from "@/lib/macro-summary";
import { confirmAction } from "@/components/ui/confirm";
import { useTRPC } from "@/trpc/react";
import { offerBulkUndo } from "./bulk-undo";
import { runMacroAction } from "./case-actions";
import type { CaseSummary, Macro, Member, RunMacroInput, RunMacroOutput } from "./case-types";

export interface MacroChoice extends Macro {
  /** "Reply · Pending · High priority". */
  summary: string;
}

/**
 * Loaded when first needed (`enabled`), not with every page; the team and member names they use
 * only when one does (and members only where the page has none at hand).
 */
export function useMacros(members: Member[] | null, enabled: boolean): MacroChoice[] {
  const trpc = useTRPC();
  const macros = useQuery({ ...trpc.macros.list.queryOptions({}), enabled, staleTime: 60_000 });
  const names = (key: "teamId" | "assigneeId") => enabled && Boolean(macros.data?.some((m) => m.actions[key] && m.actions[key] !== "me"));
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), enabled: names("teamId"), staleTime: 60_000 });
  const listed = useQuery({ ...trpc.members.list.queryOptions(), enabled: members === null && names("assigneeId"), staleTime: 60_000 });
  const people = members ?? listed.data;
  return useMemo(() => {
    const byId = { teams: new Map((teams.data ?? []).map((t) => [t.id, t.name])), members: new Map((people ?? []).map((m) => [m.userId, m.name])) };
    return (macros.data ?? []).map((m) => ({ ...m, summary: describeMacro(m.actions, byId).join(" · ") }));
  }, [macros.data, teams.data, people]);
}

/** Asks before a macro writes to customers: a sent reply cannot be taken back. */
export async function confirmMacroReplies(macro: MacroChoice, cases: number): Promise<boolean> {
  if (macro.actions.reply?.kind !== "PUBLIC_REPLY") return true;
  return confirmAction({
    title: `Reply to ${cases} ${cases === 1 ? "customer" : "customers"} with “${macro.name}”?`,
    description: `Each case gets the macro's reply, filled in for its customer, and then: ${macro.summary}. Replies cannot be taken back.`,
    confirmLabel: "Send and apply",
    destructive: false,
  });
}

type Before = Pick<CaseSummary, "status" | "snoozedUntil" | "assignee" | "team" | "priority" | "tags">;

/** The cases as the member saw them before (list rows and open cases in the cache), for Undo. */
export function casesSeen(queryClient: QueryClient, keys: readonly (readonly unknown[])[]): Map<string, Before> {
  const byId = new Map<string, Before>();
  for (const key of keys) {
    for (const [, data] of queryClient.getQueriesData<{ items?: (Before & { id: string })[]; id?: string } & Partial<Before>>({ queryKey: key })) {
      if (data?.items) for (const c of data.items) byId.set(c.id, c);
      else if (data?.id && data.status) byId.set(data.id, data as Before);
    }
  }
  return byId;
}

/** The toast's words for a macro's outcome. */
export function macroOutcome(r: RunMacroOutput): string {
  const parts = [`Applied “${r.macro.name}”`];
  if (r.matched > 1) parts.push(` to ${r.matched - r.skipped} of ${r.matched} cases`);
  const notes = [r.skippedReasons.closed ? `${r.skippedReasons.closed} closed (no reply)` : "", r.skippedReasons.refusedTransition ? `${r.skippedReasons.refusedTransition} kept their status` : ""].filter(Boolean);
  return parts.join("") + (notes.length ? `; ${notes.join(", ")}.` : ".");
}

/** Runs a macro and offers Undo of what it changed on the cases (not of its reply). */
export function useRunMacro() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (macro: Macro, input: Omit<RunMacroInput, "id">) => {
    const before = casesSeen(queryClient, [trpc.cases.list.pathKey(), trpc.cases.get.pathKey()]);
    const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    const result = await runMacroAction({ id: macro.id, ...input });
    if (!result.ok) return result;
    await refresh();
    const change = fieldChangeOf(macro.actions);
    const text = macroOutcome(result.data);
    if (change && result.data.changed.length) offerBulkUndo(text, change, result.data.changed, before, refresh);
    // Only a message: nothing on the case to put back, and a sent reply stays sent.
    else toast(text);
    return result;
  };
}
