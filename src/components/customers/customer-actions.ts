"use server";
// Customer mutations through the same procedures the API serves (validation, PII encryption,
// permission and audit stay in one place).
import { revalidatePath } from "next/cache";
import type { CustomerView } from "@/components/cases/case-types";
import type { ActionResult } from "@/lib/action-result";
import type { CreateCustomerInput, UpdateCustomerInput } from "@/lib/validations/customer";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function createCustomerAction(slug: string, values: CreateCustomerInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => ({ id: (await api.customers.create(values)).id }));
  if (result.ok) revalidatePath(`/t/${slug}/customers`);
  return result;
}

/** On CONFLICT also returns the customer as it now is, for the form to show instead of overwriting. */
export async function updateCustomerAction(
  slug: string,
  values: UpdateCustomerInput,
): Promise<ActionResult<{ version: number }> & { current?: CustomerView }> {
  const result = await runAction(async () => ({ version: (await api.customers.update(values)).version }));
  if (result.ok) {
    revalidatePath(`/t/${slug}/customers`, "layout");
    return result;
  }
  if (result.error.code !== "CONFLICT") return result;
  const current = await runAction(() => api.customers.get({ id: values.id }));
  return current.ok ? { ...result, current: current.data } : result;
}
