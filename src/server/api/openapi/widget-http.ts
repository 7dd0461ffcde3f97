// Small pieces of the widget's HTTP surface shared by its handlers: where the widget id and the
// visitor's token are read from, and the error answer in the standard shape.
import { toAppError, toErrorBody } from "@/server/errors/to-app-error";

export const WIDGET_BASE_PATH = "/api/widget/v1";
export const VISITOR_COOKIE = "cb_visitor";

const cookieOf = (headers: Headers, name: string) =>
  headers
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim().split("="))
    .find(([k]) => k === name)?.[1] ?? null;

export const visitorTokenOf = (req: Request) =>
  req.headers.get("x-visitor-token") ?? new URL(req.url).searchParams.get("token") ?? cookieOf(req.headers, VISITOR_COOKIE);

/** The path after the base, split: [widgetId, …rest]. */
export const widgetPathOf = (req: Request) => new URL(req.url).pathname.slice(WIDGET_BASE_PATH.length + 1).split("/");

export const widgetIdOf = (req: Request) => widgetPathOf(req)[0] ?? "";

export function errorResponse(error: unknown, requestId: string): Response {
  const appError = toAppError(error);
  const retryAfter = appError.details?.retryAfterSeconds;
  const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": "no-store" };
  if (typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  return Response.json(toErrorBody(appError, requestId), { status: appError.httpStatus, headers });
}
