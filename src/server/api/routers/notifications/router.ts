import { createTRPCRouter } from "@/server/api/trpc";
import { getPreferences } from "./get-preferences";
import { listNotifications } from "./list-notifications";
import { markRead } from "./mark-read";
import { snoozeNotifications } from "./snooze-notifications";
import { updateNotifications } from "./update-notifications";
import { updatePreferences } from "./update-preferences";

export const notificationsRouter = createTRPCRouter({
  list: listNotifications,
  markRead,
  update: updateNotifications,
  snooze: snoozeNotifications,
  preferences: getPreferences,
  updatePreferences,
});
