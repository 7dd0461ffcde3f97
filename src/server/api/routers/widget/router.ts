// The chat widget's public API (/api/widget/v1, /api/widget/openapi.json): visitors, not members.
import { createTRPCRouter } from "@/server/api/trpc";
import { getConfig } from "./get-config";
import { listMessages } from "./list-messages";
import { markRead } from "./mark-read";
import { sendMessage } from "./send-message";
import { setTyping } from "./set-typing";
import { startSession } from "./start-session";

export const widgetRouter = createTRPCRouter({
  config: getConfig,
  session: startSession,
  messages: listMessages,
  send: sendMessage,
  typing: setTyping,
  read: markRead,
});

export type WidgetRouter = typeof widgetRouter;
