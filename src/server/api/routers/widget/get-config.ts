import { widgetConfigSchema } from "@/lib/validations/chat-widget";
import { parseTenantSettings } from "@/lib/validations/tenant-settings";
import { attachmentLimitOf } from "@/server/services/attachments/limit";
import { businessHoursNow } from "@/server/services/chat/business-hours";
import { widgetProcedure } from "./widget-procedure";

/** What the widget shows before anyone writes: the tenant's name, colours, greeting and hours. */
export const getConfig = widgetProcedure
  .meta({ openapi: { method: "GET", path: "/{widgetId}/config", tags: ["widget"], summary: "The widget's appearance and whether the team is in now" } })
  .output(widgetConfigSchema)
  .query(({ ctx }) => {
    const settings = parseTenantSettings(ctx.target.tenantSettings);
    const hours = businessHoursNow(settings);
    return {
      name: ctx.target.tenantName,
      color: ctx.target.color,
      logoUrl: ctx.target.logoUrl,
      maxFileBytes: attachmentLimitOf(settings),
      greeting: ctx.target.greeting,
      open: hours.open,
      nextOpenAt: hours.nextOpenAt?.toISOString() ?? null,
      timeZone: settings.timeZone,
    };
  });
