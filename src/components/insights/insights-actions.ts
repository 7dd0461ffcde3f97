"use server";
// UI mutations for insights: the same procedures scripts call.
import type { ActionResult } from "@/lib/action-result";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function recomputeTrendingAction(): Promise<ActionResult<{ jobId: string }>> {
  return runAction(() => api.insights.recomputeTrending());
}
