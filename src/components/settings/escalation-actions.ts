"use server";
// Escalation rule mutations from settings: the procedures scripts call (validation, permission,
// audit in one place).
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CreateEscalationRuleInput, UpdateEscalationRuleInput } from "@/lib/validations/escalation";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function createEscalationRuleAction(slug: string, input: CreateEscalationRuleInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => ({ id: (await api.escalationRules.create(input)).id }));
  revalidatePath(`/t/${slug}/settings/escalation`);
  return result;
}

export async function updateEscalationRuleAction(slug: string, input: UpdateEscalationRuleInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => ({ id: (await api.escalationRules.update(input)).id }));
  revalidatePath(`/t/${slug}/settings/escalation`);
  return result;
}

export async function deleteEscalationRuleAction(slug: string, id: string): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(() => api.escalationRules.delete({ id }));
  revalidatePath(`/t/${slug}/settings/escalation`);
  return result;
}
