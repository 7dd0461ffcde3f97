// Which websites may frame a chat widget's page: the ones its tenant allows, while the widget is
// available. An unknown or paused widget, or a database that cannot answer, gets none (the page
// then loads only inside the app itself, where settings preview it).
import { widgetIdSchema } from "@/lib/validations/chat-widget";
import { logger } from "@/server/logger";
import { findWidget } from "@/server/services/chat/widget-lookup";

export async function widgetFrameAncestors(widgetId: string): Promise<readonly string[]> {
  if (!widgetIdSchema.safeParse(widgetId).success) return [];
  try {
    const widget = await findWidget(widgetId);
    return widget?.available ? widget.allowedOrigins : [];
  } catch (err) {
    logger.warn({ err, widgetId }, "chat widget lookup failed; its page may be framed by the app only");
    return [];
  }
}
