"use server";
// Ending sessions from the account menu: the same procedure as the API.
import type { ActionResult } from "@/lib/action-result";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function signOutEverywhereAction(): Promise<ActionResult<{ sessionsEnded: number }>> {
  return runAction(() => api.account.signOutEverywhere());
}
