"use server";
// The notification preferences form's save: the same procedure scripts call (PUT /notifications/preferences).
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { NotificationPreferenceValue } from "@/lib/notification-kinds";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function updateNotificationPreferencesAction(
  slug: string,
  preferences: NotificationPreferenceValue[],
): Promise<ActionResult<{ preferences: NotificationPreferenceValue[] }>> {
  const result = await runAction(() => api.notifications.updatePreferences({ preferences }));
  revalidatePath(`/t/${slug}/settings/notifications`);
  return result;
}
