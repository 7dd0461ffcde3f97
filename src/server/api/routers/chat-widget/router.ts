import { createTRPCRouter } from "@/server/api/trpc";
import { getChatWidget } from "./get-chat-widget";
import { removeChatWidgetLogo } from "./remove-chat-widget-logo";
import { rotateChatWidgetSecret } from "./rotate-chat-widget-secret";
import { setChatWidgetLogo } from "./set-chat-widget-logo";
import { updateChatWidget } from "./update-chat-widget";

export const chatWidgetRouter = createTRPCRouter({
  get: getChatWidget,
  update: updateChatWidget,
  rotateSecret: rotateChatWidgetSecret,
  setLogo: setChatWidgetLogo,
  removeLogo: removeChatWidgetLogo,
});
