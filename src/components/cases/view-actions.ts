"use server";
// Saved-view mutations from the cases list: the same procedures scripts call, so the sharing
// and ownership rules are checked in one place (services/views/saved-views.ts).
import type { ActionResult } from "@/lib/action-result";
import type { CreateSavedViewInput, UpdateSavedViewInput } from "@/lib/validations/saved-view";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function createViewAction(input: CreateSavedViewInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => ({ id: (await api.views.create(input)).id }));
}

export async function updateViewAction(input: UpdateSavedViewInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => ({ id: (await api.views.update(input)).id }));
}

export async function deleteViewAction(id: string): Promise<ActionResult<{ id: string }>> {
  return runAction(() => api.views.delete({ id }));
}
