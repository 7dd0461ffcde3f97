"use server";
// Canned response mutations: each calls the procedure scripts call (validation, permission, audit in one place).
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CreateCannedResponseInput, UpdateCannedResponseInput } from "@/lib/validations/canned-response";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

const done = <T>(slug: string, result: ActionResult<T>) => {
  revalidatePath(`/t/${slug}/settings/canned-responses`);
  return result;
};

export async function createCannedResponseAction(slug: string, values: CreateCannedResponseInput): Promise<ActionResult<{ id: string }>> {
  return done(slug, await runAction(async () => ({ id: (await api.cannedResponses.create(values)).id })));
}

export async function updateCannedResponseAction(slug: string, values: UpdateCannedResponseInput): Promise<ActionResult<{ id: string }>> {
  return done(slug, await runAction(async () => ({ id: (await api.cannedResponses.update(values)).id })));
}

export async function deleteCannedResponseAction(slug: string, id: string): Promise<ActionResult<{ id: string }>> {
  return done(slug, await runAction(() => api.cannedResponses.delete({ id })));
}
