"use server";
// UI mutations for cases: each calls the same procedure scripts call, so validation,
// permission and audit happen in one place.
import type { ActionResult } from "@/lib/action-result";
import type { CreateCaseInput } from "@/lib/validations/case";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function createCaseAction(values: CreateCaseInput): Promise<ActionResult<{ number: number }>> {
  return runAction(async () => {
    const created = await api.cases.create(values);
    return { number: created.number };
  });
}
