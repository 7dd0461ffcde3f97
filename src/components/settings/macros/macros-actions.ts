"use server";
// Macro mutations: each calls the procedure scripts call (validation, permission, audit in one place).
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CreateMacroInput, UpdateMacroInput } from "@/lib/validations/macro";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

const done = <T>(slug: string, result: ActionResult<T>) => {
  revalidatePath(`/t/${slug}/settings/macros`);
  return result;
};

export async function createMacroAction(slug: string, values: CreateMacroInput): Promise<ActionResult<{ id: string }>> {
  return done(slug, await runAction(async () => ({ id: (await api.macros.create(values)).id })));
}

export async function updateMacroAction(slug: string, values: UpdateMacroInput): Promise<ActionResult<{ id: string }>> {
  return done(slug, await runAction(async () => ({ id: (await api.macros.update(values)).id })));
}

export async function deleteMacroAction(slug: string, id: string): Promise<ActionResult<{ id: string }>> {
  return done(slug, await runAction(() => api.macros.delete({ id })));
}
