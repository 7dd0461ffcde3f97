import { chatWidgetSettingsSchema, updateChatWidgetSchema } from "@/lib/validations/chat-widget";
import { tenantProcedure } from "@/server/api/trpc";
import { updateChatWidget as updateChatWidgetService } from "@/server/services/chat/widget-settings";

/** Appearance, allowed websites, and the on/off switch (off: the widget shows nowhere). */
export const updateChatWidget = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "PATCH", path: "/chat-widget" } })
  .input(updateChatWidgetSchema)
  .output(chatWidgetSettingsSchema)
  .mutation(({ ctx, input }) => updateChatWidgetService(ctx.db, input));
