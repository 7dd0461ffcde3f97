"use server";
// UI mutations for cases: each calls the same procedure scripts call, so validation,
// permission and audit happen in one place.
import type { ActionResult } from "@/lib/action-result";
import type { AddCaseMessageInput, CreateCaseInput, TransitionCaseInput, UpdateCaseInput } from "@/lib/validations/case";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";
import type { BulkUpdateInput, BulkUpdateOutput, CaseDetail } from "./case-types";

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
