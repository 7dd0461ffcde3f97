import { widgetSessionAnswerSchema, widgetSessionSchema } from "@/lib/validations/chat-widget";
import { consumeOrThrow } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import { startVisitorSession, visitorView } from "@/server/services/chat/visitors";
import { widgetProcedure } from "./widget-procedure";
import { addressLimitKey } from "@/server/rate-limit/address-key";

/**
 * Continues the visitor whose token is presented, or starts a new one (the answer's token is kept
 * by the widget and set as a cookie for its page). With the host site's signed identity, the chat
 * belongs to that customer.
 */
export const startSession = widgetProcedure
  .meta({ openapi: { method: "POST", path: "/{widgetId}/session", tags: ["widget"], summary: "Start or continue a visitor's chat session" } })
  .input(widgetSessionSchema)
  .output(widgetSessionAnswerSchema)
  .mutation(async ({ ctx, input }) => {
    const { token, visitor } = await startVisitorSession(ctx.db, ctx.widget.visitorToken, input.identity, () =>
      consumeOrThrow(limiters().widgetSessionIp, addressLimitKey(ctx.ip), "new chat sessions"),
    );
    return { visitorToken: token, visitor: visitorView(visitor) };
  });
