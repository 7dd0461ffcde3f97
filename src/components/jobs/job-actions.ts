"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function cancelJobAction(slug: string, id: string): Promise<ActionResult<{ status: string }>> {
  const result = await runAction(() => api.jobs.cancel({ id }));
  revalidatePath(`/t/${slug}/jobs`);
  return result;
}

export async function retryJobAction(slug: string, id: string): Promise<ActionResult<{ status: string }>> {
  const result = await runAction(() => api.jobs.retry({ id }));
  revalidatePath(`/t/${slug}/jobs`);
  return result;
}
