import { z } from "zod";
import { chatWidgetSettingsSchema } from "@/lib/validations/chat-widget";
import { tenantProcedure } from "@/server/api/trpc";
import { rotateChatWidgetSecret as rotateService } from "@/server/services/chat/widget-settings";

/** A new identity-verification secret, answered once; signatures made with the old one stop verifying. */
export const rotateChatWidgetSecret = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/chat-widget/secret" } })
  .input(z.object({}))
  .output(z.object({ secret: z.string(), settings: chatWidgetSettingsSchema }))
  .mutation(({ ctx }) => rotateService(ctx.db));
