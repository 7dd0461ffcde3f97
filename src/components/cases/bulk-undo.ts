"use client";
// Undo of a change of many cases (the list's a / e keys, the bulk bar): what each changed case was
// before comes from the list the member acted on, the version each change left from the server's
// answer, and the revert runs case by case through the same procedures (revertCasesAction).
import type { QueryClient } from "@tanstack/react-query";
import { offerUndo } from "@/components/undo/offer-undo";
import { revertCasesAction, type CaseRevert } from "./case-actions";
import type { BulkUpdateInput, CaseSummary } from "./case-types";

type Change = Omit<BulkUpdateInput, "target">;
/** What an undo needs to know of a case before the change: a list row or the open case. */
type Before = Pick<CaseSummary, "status" | "snoozedUntil" | "assignee" | "team" | "priority" | "tags">;

/** The cases of every cases.list page in the cache, by id (the rows the member saw). */
export function casesInCache(queryClient: QueryClient, listKey: readonly unknown[]): Map<string, CaseSummary> {
  const byId = new Map<string, CaseSummary>();
  for (const [, data] of queryClient.getQueriesData<{ items: CaseSummary[] }>({ queryKey: listKey })) {
    for (const c of data?.items ?? []) byId.set(c.id, c);
  }
  return byId;
}

/** What to put back on each changed case; cases whose earlier state is unknown are left out. */
export function revertsFor(change: Change, changed: { id: string; version: number }[], before: Map<string, Before>): CaseRevert[] {
  return changed.flatMap(({ id, version }) => {
    const was = before.get(id);
    if (!was) return [];
    const revert: CaseRevert = { id, version };
    if (change.status) revert.status = { to: was.status, ...(was.snoozedUntil ? { until: was.snoozedUntil } : {}) };
    if (change.assigneeId !== undefined) revert.assigneeId = was.assignee?.id ?? null;
    if (change.teamId !== undefined) revert.teamId = was.team?.id ?? null;
    if (change.priority) revert.priority = was.priority;
    if (change.addTags?.length || change.removeTags?.length) revert.tags = was.tags;
    return [revert];
  });
}

/** Offers Undo for a change that changed `changed`; `refresh` runs after an undo. */
export function offerBulkUndo(label: string, change: Change, changed: { id: string; version: number }[], before: Map<string, Before>, refresh: () => Promise<unknown>) {
  const reverts = revertsFor(change, changed, before);
  if (reverts.length === 0) return;
  offerUndo(label, async () => {
    const result = await revertCasesAction(reverts);
    await refresh();
    if (!result.ok) return { ok: false, message: `Not undone: ${result.error.message}` };
    const { reverted, changedSince, failed } = result.data;
    if (changedSince + failed === 0) return { ok: true };
    const parts = [changedSince ? `${changedSince} changed since by someone else` : "", failed ? `${failed} could not be changed back` : ""].filter(Boolean);
    return { ok: false, message: `Undone for ${reverted} of ${reverts.length}; ${parts.join(", ")}.` };
  });
}
