"use server";
// The feed page's changes, through the same procedures as the API (feed:manage).
import type { ActionResult } from "@/lib/action-result";
import type { CreateFeedItemInput, UpdateFeedItemInput } from "@/lib/validations/feed";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function postAnnouncementAction(input: CreateFeedItemInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => ({ id: (await api.feed.create(input)).id }));
}

export async function updateFeedItemAction(input: UpdateFeedItemInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => ({ id: (await api.feed.update(input)).id }));
}

export async function deleteFeedItemAction(input: { id: string }): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    await api.feed.delete(input);
    return { id: input.id };
  });
}
