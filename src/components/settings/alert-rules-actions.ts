"use server";
// Alert rule mutations and dry runs from settings: the procedures scripts call.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CreateAlertRuleInput, TestAlertRuleInput, UpdateAlertRuleInput } from "@/lib/validations/alert-rule";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function createAlertRuleAction(slug: string, input: CreateAlertRuleInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => ({ id: (await api.alertRules.create(input)).id }));
  revalidatePath(`/t/${slug}/settings/alert-rules`);
  return result;
}

export async function updateAlertRuleAction(slug: string, input: UpdateAlertRuleInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => ({ id: (await api.alertRules.update(input)).id }));
  revalidatePath(`/t/${slug}/settings/alert-rules`);
  return result;
}

export async function deleteAlertRuleAction(slug: string, id: string): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(() => api.alertRules.delete({ id }));
  revalidatePath(`/t/${slug}/settings/alert-rules`);
  return result;
}

export async function testAlertRuleAction(input: TestAlertRuleInput) {
  return runAction(() => api.alertRules.test(input));
}
