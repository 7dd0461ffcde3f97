import { createTRPCRouter } from "@/server/api/trpc";
import { getPosition } from "./get-position";
import { listOnlineMembers } from "./list-online";
import { subscribeEvents } from "./subscribe-events";
import { updatePresence } from "./update-presence";

export const realtimeRouter = createTRPCRouter({
  events: subscribeEvents,
  position: getPosition,
  presence: updatePresence,
  online: listOnlineMembers,
});
