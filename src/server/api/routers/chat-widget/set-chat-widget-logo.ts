import { chatWidgetSettingsSchema, setChatWidgetLogoSchema } from "@/lib/validations/chat-widget";
import { tenantProcedure } from "@/server/api/trpc";
import { setChatWidgetLogo as setLogo } from "@/server/services/chat/widget-settings";
import { reencodeLogo } from "@/server/services/chat/widget-logo";

/** The logo in the widget's header (any PNG, JPEG, GIF or WebP up to 512 KB; stored as a small WebP). */
export const setChatWidgetLogo = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "PUT", path: "/chat-widget/logo" } })
  .input(setChatWidgetLogoSchema)
  .output(chatWidgetSettingsSchema)
  .mutation(async ({ ctx, input }) => setLogo(ctx.db, await reencodeLogo(Buffer.from(input.image, "base64"))));
