import { createTRPCRouter } from "@/server/api/trpc";
import { listNotifications } from "./list-notifications";
import { markRead } from "./mark-read";

export const notificationsRouter = createTRPCRouter({
  list: listNotifications,
  markRead,
});
