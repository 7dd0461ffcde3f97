"use server";
import type { ActionResult } from "@/lib/action-result";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function dismissOnboardingAction(): Promise<ActionResult<{ dismissedAt: Date }>> {
  return runAction(() => api.tenant.dismissOnboarding());
}
