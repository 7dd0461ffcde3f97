"use server";
// UI mutations for cases: each calls the same procedure scripts call, so validation,
// permission and audit happen in one place.
import type { ActionResult } from "@/lib/action-result";
import type { AddCaseMessageInput, CasePriority, CaseStatus, CreateCaseInput, TransitionCaseInput, UpdateCaseInput } from "@/lib/validations/case";
import type { ListDisplay } from "@/lib/validations/list-display";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";
import type { BulkUpdateInput, BulkUpdateOutput, CaseDetail, RunMacroInput, RunMacroOutput } from "./case-types";

/** An edit's result; on CONFLICT it carries the case as it now is, so the UI can show it instead of overwriting. */
export type CaseEditResult = ActionResult<CaseDetail> & { current?: CaseDetail };

async function withCurrentOnConflict(id: string, result: ActionResult<CaseDetail>): Promise<CaseEditResult> {
  if (result.ok || result.error.code !== "CONFLICT") return result;
  // The error formatter keeps details.current off ActionResult, so read the case again.
  const current = await runAction(() => api.cases.get({ id }));
  return current.ok ? { ...result, current: current.data } : result;
}

export async function createCaseAction(values: CreateCaseInput): Promise<ActionResult<{ number: number }>> {
  return runAction(async () => {
    const created = await api.cases.create(values);
    return { number: created.number };
  });
}

export async function bulkUpdateCasesAction(input: BulkUpdateInput): Promise<ActionResult<BulkUpdateOutput>> {
  return runAction(() => api.cases.bulkUpdate(input));
}

export async function transitionCaseAction(input: TransitionCaseInput): Promise<CaseEditResult> {
  return withCurrentOnConflict(input.id, await runAction(() => api.cases.transition(input)));
}

export async function assignCaseAction(input: { id: string; assigneeId?: string | null; teamId?: string | null; version: number }): Promise<CaseEditResult> {
  return withCurrentOnConflict(input.id, await runAction(() => api.cases.assign(input)));
}

export async function updateCaseAction(input: UpdateCaseInput): Promise<CaseEditResult> {
  return withCurrentOnConflict(input.id, await runAction(() => api.cases.update(input)));
}

export async function addCaseMessageAction(
  input: AddCaseMessageInput,
): Promise<ActionResult<{ mentioned: { id: string; name: string }[] }>> {
  return runAction(async () => {
    const { mentioned } = await api.cases.addMessage(input);
    return { mentioned };
  });
}

/** Merges the duplicate (source) into the case being viewed (target); returns the target's number. */
export async function mergeCasesAction(input: {
  sourceId: string;
  targetId: string;
  sourceVersion: number;
  targetVersion: number;
}): Promise<ActionResult<{ target: number; source: number }>> {
  return runAction(async () => {
    const { target, source } = await api.cases.merge(input);
    return { target: target.number, source: source.number };
  });
}

/** What one case had before a change, to put back at the version the change left. */
export interface CaseRevert {
  id: string;
  /** The version the change left: anything since makes this case's undo a CONFLICT. */
  version: number;
  status?: { to: CaseStatus; until?: Date };
  assigneeId?: string | null;
  teamId?: string | null;
  priority?: CasePriority;
  tags?: string[];
}

/**
 * Undoes a change of many cases (a bulk action), case by case through the same procedures a
 * single edit uses, each at the version the change left. A case changed since is left as it is
 * and counted, never overwritten; one that can no longer change (deleted, or no longer allowed) is
 * counted as failed.
 */
export async function revertCasesAction(items: CaseRevert[]): Promise<ActionResult<{ reverted: number; changedSince: number; failed: number }>> {
  return runAction(async () => {
    let reverted = 0;
    let changedSince = 0;
    let failed = 0;
    for (const item of items) {
      let version = item.version;
      const steps: (() => Promise<{ version: number }>)[] = [];
      if (item.status) steps.push(() => api.cases.transition({ id: item.id, ...item.status!, version, revert: true }));
      if (item.assigneeId !== undefined || item.teamId !== undefined) {
        steps.push(() => api.cases.assign({ id: item.id, assigneeId: item.assigneeId, teamId: item.teamId, version }));
      }
      if (item.priority || item.tags) steps.push(() => api.cases.update({ id: item.id, priority: item.priority, tags: item.tags, version }));
      const result = await runAction(async () => {
        for (const step of steps) version = (await step()).version;
      });
      if (result.ok) reverted++;
      else if (result.error.code === "CONFLICT") changedSince++;
      else failed++;
    }
    return { reverted, changedSince, failed };
  });
}

export async function runMacroAction(input: RunMacroInput): Promise<ActionResult<RunMacroOutput>> {
  return runAction(() => api.macros.run(input));
}

export async function setListDisplayAction(display: ListDisplay): Promise<ActionResult<ListDisplay>> {
  return runAction(() => api.cases.setDisplay(display));
}
