import { createTRPCRouter } from "@/server/api/trpc";
import { subscribeEvents } from "./subscribe-events";
import { updatePresence } from "./update-presence";

export const realtimeRouter = createTRPCRouter({
  events: subscribeEvents,
  presence: updatePresence,
});
