"use server";
import type { ActionResult } from "@/lib/action-result";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function markNotificationsReadAction(input: { ids: string[] } | { all: true }): Promise<ActionResult<{ updated: number }>> {
  return runAction(() => api.notifications.markRead(input));
}

export async function updateNotificationsAction(input: {
  ids: string[];
  action: "read" | "unread" | "done" | "undone";
}): Promise<ActionResult<{ updated: number }>> {
  return runAction(() => api.notifications.update(input));
}

export async function snoozeNotificationsAction(input: { ids: string[]; until: Date | null }): Promise<ActionResult<{ updated: number }>> {
  return runAction(() => api.notifications.snooze(input));
}
