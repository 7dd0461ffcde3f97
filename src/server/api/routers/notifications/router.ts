import { createTRPCRouter } from "@/server/api/trpc";
import { listNotifications } from "./list-notifications";
import { markRead } from "./mark-read";
import { snoozeNotifications } from "./snooze-notifications";
import { updateNotifications } from "./update-notifications";

export const notificationsRouter = createTRPCRouter({
  list: listNotifications,
  markRead,
  update: updateNotifications,
  snooze: snoozeNotifications,
});
