"use client";
// Appears when rows are ticked: assign, move to a team, change status or priority of all of them
// in one call, or apply a macro to them.
// Cases whose status cannot make the asked transition are skipped by the server and reported.
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { STATUS_LABELS } from "@/lib/case-status";
import { CASE_PRIORITIES, CASE_STATUSES } from "@/lib/case-fields";
import { useTRPC } from "@/trpc/react";
import { casesInCache, offerBulkUndo } from "./bulk-undo";
import { bulkUpdateCasesAction } from "./case-actions";
import type { BulkUpdateInput, Member } from "./case-types";
import { PriorityOptions } from "./case-badges";
import { BulkMacroSelect } from "./bulk-macro-select";
import { useCaseSelection } from "./selection-store";

type Change = Omit<BulkUpdateInput, "target">;

export function BulkActionBar({ members, teams }: { members: Member[]; teams: { id: string; name: string }[] }) {
  const ids = useCaseSelection((s) => s.ids);
  const clear = useCaseSelection((s) => s.clear);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  if (ids.size === 0 && !message) return null;

  function apply(change: Change) {
    setMessage(null);
    // What the ticked rows were, for Undo.
    const before = casesInCache(queryClient, trpc.cases.list.pathKey());
    const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    startTransition(async () => {
      const result = await bulkUpdateCasesAction({ target: { ids: [...ids] }, ...change });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error.message });
        return;
      }
      const r = result.data;
      const text =
        r.status === "queued"
          ? `Updating ${r.matched} cases in the background.`
          : `Updated ${r.updated} of ${r.matched}.` +
            (r.skippedReasons.refusedTransition ? ` ${r.skippedReasons.refusedTransition} skipped: that status change is not allowed for them.` : "");
      clear();
      await refresh();
      // A change made here can be taken back from its toast; the bar then has nothing to say.
      if (r.status === "done" && r.updated > 0 && !r.skippedReasons.refusedTransition) offerBulkUndo(text, change, r.changed, before, refresh);
      else {
        setMessage({ tone: "ok", text });
        if (r.status === "done" && r.updated > 0) offerBulkUndo(`Updated ${r.updated} of ${r.matched}`, change, r.changed, before, refresh);
      }
    });
  }

  const assignable = members.filter((m) => m.role !== "VIEWER");
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="sticky bottom-4 z-10 mt-4 flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-lg"
    >
      {ids.size > 0 ? (
        <>
          <span className="text-sm font-medium">{ids.size} selected</span>
          <Select
            aria-label="Assign selected"
            value=""
            disabled={pending}
            onChange={(e) => apply({ assigneeId: e.target.value === "none" ? null : e.target.value })}
            className="h-8 w-auto text-sm"
          >
            <option value="">Assign…</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
            {assignable.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
          {teams.length ? (
            <Select
              aria-label="Move selected to a team"
              value=""
              disabled={pending}
              onChange={(e) => apply({ teamId: e.target.value === "none" ? null : e.target.value })}
              className="h-8 w-auto text-sm"
            >
              <option value="">Team…</option>
              <option value="none">No team</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          ) : null}
          <Select
            aria-label="Set status of selected"
            value=""
            disabled={pending}
            onChange={(e) => apply({ status: { to: e.target.value as (typeof CASE_STATUSES)[number] } })}
            className="h-8 w-auto text-sm"
          >
            <option value="">Status…</option>
            {CASE_STATUSES.filter((s) => s !== "SNOOZED").map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
          <Select
            aria-label="Set priority of selected"
            value=""
            disabled={pending}
            onChange={(e) => apply({ priority: e.target.value as (typeof CASE_PRIORITIES)[number] })}
            className="h-8 w-auto text-sm"
          >
            <option value="">Priority…</option>
            <PriorityOptions />
          </Select>
          <BulkMacroSelect
            ids={[...ids]}
            members={members}
            disabled={pending}
            onDone={(error) => {
              if (error) setMessage({ tone: "error", text: error });
              else {
                clear();
                setMessage(null);
              }
            }}
          />
          <Button variant="ghost" size="sm" onClick={clear} disabled={pending}>
            Clear
          </Button>
        </>
      ) : null}
      {pending ? <span className="text-sm text-slate-500">Saving…</span> : null}
      {message ? (
        <p role="status" className={message.tone === "ok" ? "text-sm text-green-700" : "text-sm text-red-700"}>
          {message.text}
          <button type="button" className="ml-2 text-slate-500 hover:text-slate-700" aria-label="Dismiss" onClick={() => setMessage(null)}>
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
