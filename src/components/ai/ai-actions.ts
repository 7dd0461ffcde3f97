"use server";
// UI mutations for AI assist: the same procedures scripts call.
import type { ActionResult } from "@/lib/action-result";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function decideSuggestionAction(input: { caseId: string; suggestionId: string; decision: "accept" | "dismiss"; version: number }): Promise<ActionResult<{ status: string }>> {
  return runAction(async () => ({ status: (await api.ai.decide(input)).suggestion.status }));
}

export async function triageCaseAction(caseId: string): Promise<ActionResult<{ jobId: string }>> {
  return runAction(() => api.ai.triage({ caseId }));
}

export async function trainTriageModelsAction(): Promise<ActionResult<{ jobId: string }>> {
  return runAction(() => api.ai.trainTriageModels());
}
