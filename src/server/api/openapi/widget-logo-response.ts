// GET /api/widget/v1/{widgetId}/logo: the widget's logo, public like its config (the launcher and
// the chat's header show it on any allowed website). Its address carries its version, so it is
// cached for a year; a new logo has a new address.
import "server-only";
import { widgetIdSchema } from "@/lib/validations/chat-widget";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { AppError } from "@/server/errors/app-error";
import { requestIdFrom } from "../context";
import { errorResponse } from "./widget-http";

export async function widgetLogoResponse(req: Request, widgetId: string): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  try {
    const id = widgetIdSchema.safeParse(widgetId);
    if (!id.success) throw new AppError("NOT_FOUND", "Chat widget not found");
    // By public id, before any tenant is known (as the widget lookup): one small row.
    const row = await withPrivilegedDb("chat widget logo by public id", (db) => db.chatWidget.findUnique({ where: { publicId: id.data }, select: { logo: true } }));
    if (!row?.logo) throw new AppError("NOT_FOUND", "This chat widget has no logo");
    return new Response(new Uint8Array(row.logo), {
      headers: {
        "content-type": "image/webp",
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cross-origin-resource-policy": "cross-origin",
        "x-request-id": requestId,
      },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
