import { z } from "zod";
import { chatWidgetSettingsSchema } from "@/lib/validations/chat-widget";
import { tenantProcedure } from "@/server/api/trpc";
import { setChatWidgetLogo } from "@/server/services/chat/widget-settings";

/** Back to the tenant's initial in the widget's header. */
export const removeChatWidgetLogo = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "DELETE", path: "/chat-widget/logo" } })
  .input(z.object({}))
  .output(chatWidgetSettingsSchema)
  .mutation(({ ctx }) => setChatWidgetLogo(ctx.db, null));
