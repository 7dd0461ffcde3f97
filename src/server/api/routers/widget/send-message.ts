import { widgetMessageSchema, widgetSendSchema } from "@/lib/validations/chat-widget";
import { consumeOrThrow } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import { sendVisitorMessage } from "@/server/services/chat/conversation";
import { requireVisitor } from "@/server/services/chat/visitors";
import { widgetProcedure } from "./widget-procedure";
import { addressLimitKey } from "@/server/rate-limit/address-key";

/** The visitor writes: their first message opens a CHAT case, later ones continue it. */
export const sendMessage = widgetProcedure
  .meta({ openapi: { method: "POST", path: "/{widgetId}/messages", tags: ["widget"], summary: "Send a message as the visitor (send x-visitor-token)" } })
  .input(widgetSendSchema)
  .output(widgetMessageSchema)
  .mutation(async ({ ctx, input }) => {
    const visitor = await requireVisitor(ctx.db, ctx.widget.visitorToken);
    await consumeOrThrow(limiters().widgetMessages, `visitor:${visitor.id}`, "messages");
    await consumeOrThrow(limiters().widgetMessagesIp, addressLimitKey(ctx.ip), "messages");
    return sendVisitorMessage(ctx.db, visitor, { widgetId: input.widgetId, body: input.body, attachmentIds: input.attachmentIds, email: input.email, name: input.name });
  });
