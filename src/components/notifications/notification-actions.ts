"use server";
import type { ActionResult } from "@/lib/action-result";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function markNotificationsReadAction(input: { ids: string[] } | { all: true }): Promise<ActionResult<{ updated: number }>> {
  return runAction(() => api.notifications.markRead(input));
}
