"use server";
// Shares and escalations from the case page and the saved-views menu: the same procedures
// scripts call, so recipients, levels, permissions and audit are checked in one place.
import type { ActionResult } from "@/lib/action-result";
import type { DeescalateCaseInput, EscalateCaseInput } from "@/lib/validations/escalation";
import type { ShareCaseInput, ShareViewInput } from "@/lib/validations/share";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";
import type { CaseEditResult } from "./case-actions";

export async function shareCaseAction(input: ShareCaseInput): Promise<ActionResult<{ recipients: number }>> {
  return runAction(async () => ({ recipients: (await api.cases.share(input)).recipients.length }));
}

export async function shareViewAction(input: ShareViewInput): Promise<ActionResult<{ recipients: number }>> {
  return runAction(async () => ({ recipients: (await api.views.share(input)).recipients.length }));
}

export async function escalateCaseAction(input: EscalateCaseInput): Promise<CaseEditResult> {
  return runAction(() => api.cases.escalate(input));
}

export async function deescalateCaseAction(input: DeescalateCaseInput): Promise<CaseEditResult> {
  return runAction(() => api.cases.deescalate(input));
}
