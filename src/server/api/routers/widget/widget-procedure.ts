// The chat widget's own procedure builder: public (visitors are not members), separate from the
// member API, with its own limits. Every widget call names its widget; from it follow the tenant
// (the transaction the call runs in), whether the widget is on, and which websites may call it.
// What a visitor may touch is decided further by their token (services/chat/visitors.ts).
import { widgetOnlySchema } from "@/lib/validations/chat-widget";
import { inTenantTransaction } from "@/server/api/middlewares/tenant";
import { publicProcedure } from "@/server/api/trpc";
import { runWithNarrowedContext } from "@/server/context/request-context";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { consumeOrThrow } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import { findWidget, type WidgetTarget } from "@/server/services/chat/widget-lookup";
import { addressLimitKey } from "@/server/rate-limit/address-key";

/** The widget named, or the error a visitor (or the host site's developer) reads. */
export async function requireWidget(widgetId: string, callerOrigin: string | null, ownOrigin: string | undefined): Promise<WidgetTarget> {
  const widget = await findWidget(widgetId);
  if (!widget) throw new AppError("NOT_FOUND", "Chat widget not found: check data-tenant in the snippet");
  if (!widget.available) {
    throw new AppError("FORBIDDEN", widget.paused ? "Chat is paused on this website" : "Chat is not available", { reason: widget.paused ? "WIDGET_PAUSED" : "WIDGET_UNAVAILABLE" });
  }
  // Browsers say which site a page calling us is on; scripts say nothing and are let through
  // (the API is public), but a page on a site the tenant has not listed is refused.
  if (callerOrigin && callerOrigin !== ownOrigin && !widget.allowedOrigins.includes(callerOrigin)) {
    throw new AppError("FORBIDDEN", `This website (${callerOrigin}) is not among the chat widget's allowed websites (Settings → Chat widget)`, {
      reason: "WIDGET_ORIGIN_NOT_ALLOWED",
      origin: callerOrigin,
    });
  }
  return widget;
}

export const widgetProcedure = publicProcedure.input(widgetOnlySchema).use(async ({ ctx, input, next }) => {
  const caller = ctx.widget;
  if (!caller) throw new AppError("NOT_FOUND", "Not a widget endpoint");
  await consumeOrThrow(limiters().widgetIp, addressLimitKey(ctx.ip), "requests");
  const widget = await requireWidget(input.widgetId, caller.callerOrigin, ctx.origin);
  return runWithNarrowedContext({ tenant: { id: widget.tenantId, slug: "" } }, () =>
    inTenantTransaction(widget.tenantId, (db: TenantDb) => next({ ctx: { ...ctx, db, widget: caller, target: widget } })),
  );
});
