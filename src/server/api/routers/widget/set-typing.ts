import { z } from "zod";
import { widgetTypingSchema } from "@/lib/validations/chat-widget";
import { announceVisitorTyping } from "@/server/services/chat/visitor-activity";
import { requireVisitor } from "@/server/services/chat/visitors";
import { widgetProcedure } from "./widget-procedure";

/** The visitor is typing (or stopped): agents on the case see it as they see each other. Nothing is stored. */
export const setTyping = widgetProcedure
  .meta({ openapi: { method: "POST", path: "/{widgetId}/typing", tags: ["widget"], summary: "Say that the visitor is typing" } })
  .input(widgetTypingSchema)
  .output(z.object({ ok: z.boolean() }))
  .mutation(async ({ ctx, input }) => ({ ok: await announceVisitorTyping(ctx.db, await requireVisitor(ctx.db, ctx.widget.visitorToken), input.typing) }));
