import { z } from "zod";
import { widgetReadSchema } from "@/lib/validations/chat-widget";
import { markReadByVisitor } from "@/server/services/chat/visitor-activity";
import { requireVisitor } from "@/server/services/chat/visitors";
import { widgetProcedure } from "./widget-procedure";

/** The visitor has read the conversation up to this message (one of their own conversation's). */
export const markRead = widgetProcedure
  .meta({ openapi: { method: "POST", path: "/{widgetId}/read", tags: ["widget"], summary: "Mark the conversation read up to a message" } })
  .input(widgetReadSchema)
  .output(z.object({ ok: z.boolean() }))
  .mutation(async ({ ctx, input }) => ({ ok: await markReadByVisitor(ctx.db, await requireVisitor(ctx.db, ctx.widget.visitorToken), input.upTo) }));
