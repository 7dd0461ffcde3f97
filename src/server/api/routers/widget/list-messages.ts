import { widgetConversationSchema, widgetOnlySchema } from "@/lib/validations/chat-widget";
import { loadConversation } from "@/server/services/chat/conversation";
import { requireVisitor } from "@/server/services/chat/visitors";
import { widgetProcedure } from "./widget-procedure";

/** The visitor's own conversation: its public messages, never internal notes. */
export const listMessages = widgetProcedure
  .meta({ openapi: { method: "GET", path: "/{widgetId}/messages", tags: ["widget"], summary: "The visitor's conversation (send x-visitor-token)" } })
  .input(widgetOnlySchema)
  .output(widgetConversationSchema)
  .query(async ({ ctx, input }) => loadConversation(ctx.db, await requireVisitor(ctx.db, ctx.widget.visitorToken), input.widgetId));
