import { z } from "zod";
import { chatWidgetSettingsSchema } from "@/lib/validations/chat-widget";
import { tenantProcedure } from "@/server/api/trpc";
import { getChatWidget as getChatWidgetService } from "@/server/services/chat/widget-settings";

/** The tenant's chat widget settings (made with defaults on first read). The secret is never read back. */
export const getChatWidget = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "GET", path: "/chat-widget" } })
  .input(z.object({}))
  .output(chatWidgetSettingsSchema)
  .query(({ ctx }) => getChatWidgetService(ctx.db));
