// The chat widget's HTTP surface, /api/widget/v1: the widget router over REST (same error shape,
// admission and timing as /api/v1), its event stream, the visitor's cookie, and CORS for the
// websites a tenant allows (the widget's own page is same-origin and needs none).
import "server-only";
import { widgetIdSchema } from "@/lib/validations/chat-widget";
import { requireWidget } from "@/server/api/routers/widget/widget-procedure";
import { widgetRouter } from "@/server/api/routers/widget/router";
import { AppError } from "@/server/errors/app-error";
import { requestOrigin } from "@/server/http/public-url";
import { clientIpFrom } from "@/server/security/client-ip";
import { openWidgetStream } from "@/server/services/chat/widget-stream";
import { requestIdFrom } from "../context";
import { createCachedOpenApiFetchHandler } from "./openapi-fetch";
import { handleWidgetAttachmentRequest } from "./widget-attachments";
import { errorResponse, VISITOR_COOKIE, visitorTokenOf, WIDGET_BASE_PATH, widgetIdOf, widgetPathOf } from "./widget-http";
import { widgetLogoResponse } from "./widget-logo-response";
import { restResponseMeta, restSurface, type RequestExtra } from "./rest-handler";

/** A stream ends after this and the browser's EventSource reconnects, resuming from its last id. */
const STREAM_MAX_MS = 10 * 60_000;
const STREAM_PING_MS = 15_000;


const surface = restSurface(() =>
  createCachedOpenApiFetchHandler<RequestExtra>({
    endpoint: WIDGET_BASE_PATH,
    router: widgetRouter,
    createContext: ({ headers, requestId, timing }) => ({
      requestId,
      ip: clientIpFrom(headers),
      userAgent: headers.get("user-agent") ?? undefined,
      user: null,
      apiKey: null,
      tenantSlug: null,
      origin: requestOrigin(headers),
      // The widget's own limits apply (widget-procedure.ts), not members'.
      rateLimited: true,
      timing,
      widget: { callerOrigin: headers.get("origin"), visitorToken: headers.get("x-visitor-token") },
    }),
    responseMeta: restResponseMeta,
  }),
);

/** CORS for a browser page on an allowed website; nothing for others (the browser then refuses). */
async function corsHeaders(req: Request): Promise<Record<string, string>> {
  const origin = req.headers.get("origin");
  if (!origin || origin === requestOrigin(req.headers)) return {};
  const id = widgetIdSchema.safeParse(widgetIdOf(req));
  if (!id.success) return {};
  const widget = await requireWidget(id.data, origin, requestOrigin(req.headers)).catch(() => null);
  // The config is public (scripts read it without an Origin): a refused site may read why, so the
  // embed script can say it in the console instead of a bare network error.
  const publicRead = req.method === "GET" && new URL(req.url).pathname.endsWith("/config");
  if (!widget) return publicRead ? { "access-control-allow-origin": origin, "access-control-expose-headers": "x-request-id", vary: "origin" } : { vary: "origin" };
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-headers": "content-type, x-visitor-token, x-request-id, x-filename",
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-expose-headers": "x-request-id, retry-after",
    "access-control-max-age": "600",
    vary: "origin",
  };
}

export async function handleWidgetRequest(req: Request): Promise<Response> {
  const cors = await corsHeaders(req);
  if (req.method === "OPTIONS") return new Response(null, { status: 204, headers: cors });
  const path = new URL(req.url).pathname;
  const [widgetId = "", section, ...rest] = widgetPathOf(req);
  if (section === "logo" && rest.length === 0 && req.method === "GET") return widgetLogoResponse(req, widgetId);
  const response =
    (await handleWidgetAttachmentRequest(req)) ?? (path.endsWith("/events") && req.method === "GET" ? await streamResponse(req) : await restResponse(req));
  for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
  return response;
}

async function restResponse(req: Request): Promise<Response> {
  // The token reaches the context through a header the handler reads: the cookie's value if the
  // widget's page did not send one itself.
  const token = visitorTokenOf(req);
  const headers = new Headers(req.headers);
  if (token) headers.set("x-visitor-token", token);
  const forwarded = new Request(req, { headers });
  const response = await surface(forwarded);
  if (response.ok && req.method === "POST" && new URL(req.url).pathname.endsWith("/session")) return withVisitorCookie(response, widgetIdOf(req));
  return response;
}

/** The session's token as an HttpOnly cookie too, for the widget's page (scoped to its widget's API). */
async function withVisitorCookie(response: Response, widgetId: string): Promise<Response> {
  const body = (await response.json()) as { visitorToken?: string };
  const headers = new Headers(response.headers);
  if (body.visitorToken) {
    headers.append(
      "set-cookie",
      `${VISITOR_COOKIE}=${body.visitorToken}; Path=${WIDGET_BASE_PATH}/${widgetId}; HttpOnly; Secure; SameSite=None; Partitioned; Max-Age=${365 * 86_400}`,
    );
  }
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

async function streamResponse(req: Request): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  const id = widgetIdSchema.safeParse(widgetIdOf(req));
  if (!id.success) return errorResponse(new AppError("NOT_FOUND", "Chat widget not found"), requestId);
  let stream: Awaited<ReturnType<typeof openWidgetStream>>;
  const abort = new AbortController();
  try {
    const widget = await requireWidget(id.data, req.headers.get("origin"), requestOrigin(req.headers));
    const last = Number(req.headers.get("last-event-id") ?? NaN);
    stream = await openWidgetStream({
      tenantId: widget.tenantId,
      widgetId: widget.publicId,
      visitorToken: visitorTokenOf(req) ?? "",
      lastSeq: Number.isSafeInteger(last) && last >= 0 ? last : null,
      signal: abort.signal,
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
  if (!stream) return errorResponse(new AppError("UNAUTHORIZED", "Start a chat session first (POST …/session)", { reason: "NO_VISITOR_SESSION" }), requestId);
  const events = stream;
  req.signal.addEventListener("abort", () => abort.abort(), { once: true });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const ping = setInterval(() => controller.enqueue(encoder.encode(": ping\n\n")), STREAM_PING_MS);
      const end = setTimeout(() => abort.abort(), STREAM_MAX_MS);
      try {
        controller.enqueue(encoder.encode("retry: 2000\n\n"));
        for await (const item of events) {
          const id = item.seq === null ? "" : `id: ${item.seq}\n`;
          controller.enqueue(encoder.encode(`${id}data: ${JSON.stringify(item.event)}\n\n`));
        }
      } catch {
        // The client went, or the database did: the browser reconnects and resumes.
      } finally {
        clearInterval(ping);
        clearTimeout(end);
        abort.abort();
        try {
          controller.close();
        } catch {
          // Already closed by the client going.
        }
      }
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive", "x-request-id": requestId, "x-accel-buffering": "no" },
  });
}
