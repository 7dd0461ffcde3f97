// GET /api/metrics: Prometheus text format, for a scraper holding `Authorization: Bearer $CRON_SECRET`.
import { requestIdFrom } from "@/server/api/context";
import { routeErrorResponse } from "@/server/api/route-auth";
import { AppError } from "@/server/errors/app-error";
import { isCronAuthorized, refreshQueueDepth } from "@/server/jobs";
import { logger } from "@/server/logger";
import { metricsRegistry } from "./prometheus";
import { otherMethods } from "@/server/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  try {
    if (!isCronAuthorized(request.headers.get("authorization"))) throw new AppError("UNAUTHORIZED", "Missing or wrong metrics secret");
    // A database outage must not hide the process metrics: the last known depth is kept.
    await refreshQueueDepth().catch((err: unknown) => logger.warn({ err }, "queue depth unavailable for metrics"));
    const registry = metricsRegistry();
    return new Response(await registry.metrics(), {
      headers: { "content-type": registry.contentType, "cache-control": "no-store", "x-request-id": requestId },
    });
  } catch (error) {
    const response = routeErrorResponse(error, requestId, "metrics");
    if (response.status === 401) response.headers.set("www-authenticate", "Bearer");
    return response;
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
