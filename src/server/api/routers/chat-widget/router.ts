import { createTRPCRouter } from "@/server/api/trpc";
import { getChatWidget } from "./get-chat-widget";
import { rotateChatWidgetSecret } from "./rotate-chat-widget-secret";
import { updateChatWidget } from "./update-chat-widget";

export const chatWidgetRouter = createTRPCRouter({
  get: getChatWidget,
  update: updateChatWidget,
  rotateSecret: rotateChatWidgetSecret,
});
