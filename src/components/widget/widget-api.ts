// The chat page's one way to the public widget API (/api/widget/v1/{widgetId}/…): plain fetch, as
// visitors are not members and the page carries no tRPC client. Failures arrive in the app's one
// error shape { code, message, details, requestId } and become a WidgetApiError, so every caller
// reads the server's message and reason the same way.
import type {
  WidgetConfig,
  WidgetConversation,
  WidgetIdentity,
  WidgetMessage,
  widgetSessionAnswerSchema,
} from "@/lib/validations/chat-widget";
import type { z } from "zod";

export type WidgetSessionAnswer = z.infer<typeof widgetSessionAnswerSchema>;
export type WidgetVisitor = WidgetSessionAnswer["visitor"];

export class WidgetApiError extends Error {
  override readonly name = "WidgetApiError";
  constructor(
    /** HTTP status; 0 when the server was not reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly requestId: string | null = null,
    /** From Retry-After (or details.retryAfterSeconds), when the server said how long to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** The finer reason the server gave (WIDGET_PAUSED, WIDGET_ORIGIN_NOT_ALLOWED, …). */
  get reason(): string | undefined {
    return typeof this.details.reason === "string" ? this.details.reason : undefined;
  }

  /** The first message for one field of a 400 (details.fieldErrors, as zod reports them). */
  fieldError(field: string): string | undefined {
    const fieldErrors = this.details.fieldErrors;
    if (!fieldErrors || typeof fieldErrors !== "object") return undefined;
    const messages = (fieldErrors as Record<string, unknown>)[field];
    return Array.isArray(messages) && typeof messages[0] === "string" ? messages[0] : undefined;
  }
}

/** Refusals that mean "no chat here now" rather than "try again": the widget is paused or not for this site. */
export function isUnavailable(error: unknown): boolean {
  return error instanceof WidgetApiError && error.status === 403;
}

const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** Retry-After is seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function fallbackMessage(status: number, retryAfter: number | null): string {
  if (status === 429) return retryAfter ? `Too many messages; try again in ${retryAfter} s` : "Too many messages; try again shortly";
  if (status >= 500) return "The chat is having trouble; try again shortly";
  return `The chat could not do that (HTTP ${status})`;
}

/** The error an answer with this status and (parsed JSON, or null) body stands for. */
export function toWidgetApiError(status: number, body: unknown, retryAfterHeader: string | null = null): WidgetApiError {
  const shape = record(body);
  const details = record(shape?.details) ?? {};
  const fromDetails = typeof details.retryAfterSeconds === "number" ? details.retryAfterSeconds : null;
  const retryAfter = retryAfterSeconds(retryAfterHeader) ?? fromDetails;
  const code = typeof shape?.code === "string" ? shape.code : status === 429 ? "TOO_MANY_REQUESTS" : "HTTP_ERROR";
  const message = typeof shape?.message === "string" && shape.message ? shape.message : fallbackMessage(status, retryAfter);
  const requestId = typeof shape?.requestId === "string" ? shape.requestId : null;
  return new WidgetApiError(status, code, message, details, requestId, retryAfter);
}

export const networkError = () => new WidgetApiError(0, "NETWORK", "Could not reach the chat; check your connection and try again");

interface RequestOptions {
  method?: "GET" | "POST";
  body?: unknown;
  token?: string | null;
  /** For the last signal of a closing page (typing stopped). */
  keepalive?: boolean;
}

/** Tries of a call the server refused with 503 (busy, or its database away) before the error shows. */
const MAX_TRIES = 5;

/**
 * Retry-After, spread over half to one and a half times it: a busy instance refuses many visitors
 * at once, and all coming back in the same second would be refused together again.
 */
export const retryDelayMs = (retryAfter: number | null, random = Math.random()) => Math.round((retryAfter ?? 1) * 1000 * (0.5 + random));

async function request<T>(url: string, { method = "GET", body, token, keepalive }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers["x-visitor-token"] = token;
  let response: Response;
  for (let attempt = 1; ; attempt++) {
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store", keepalive });
    } catch {
      throw networkError();
    }
    // A 503 is answered before the call's work is done (or with it rolled back): sent again, a
    // message is not written twice.
    if (response.status !== 503 || attempt >= MAX_TRIES) break;
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(retryAfterSeconds(response.headers.get("retry-after")))));
  }
  const text = await response.text().catch(() => "");
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  if (!response.ok) throw toWidgetApiError(response.status, parsed, response.headers.get("retry-after"));
  return parsed as T;
}

export interface VisitorApi {
  conversation(): Promise<WidgetConversation>;
  send(input: { body: string; email?: string; name?: string }): Promise<WidgetMessage>;
  typing(typing: boolean): Promise<unknown>;
  read(upTo: string): Promise<unknown>;
  /** EventSource cannot send headers: the token goes in the query (the cookie goes too where allowed). */
  eventsUrl: string;
}

/** The widget's API; `forVisitor` binds the calls that need the visitor's token. */
export function createWidgetApi(widgetId: string) {
  const base = `/api/widget/v1/${encodeURIComponent(widgetId)}`;
  return {
    config: () => request<WidgetConfig>(`${base}/config`),
    session: (identity: WidgetIdentity | null, token: string | null) =>
      request<WidgetSessionAnswer>(`${base}/session`, { method: "POST", body: identity ? { identity } : {}, token }),
    forVisitor: (token: string): VisitorApi => ({
      conversation: () => request<WidgetConversation>(`${base}/messages`, { token }),
      send: (input) => request<WidgetMessage>(`${base}/messages`, { method: "POST", body: input, token }),
      typing: (typing) => request(`${base}/typing`, { method: "POST", body: { typing }, token, keepalive: !typing }),
      read: (upTo) => request(`${base}/read`, { method: "POST", body: { upTo }, token }),
      eventsUrl: `${base}/events?token=${encodeURIComponent(token)}`,
    }),
  };
}
export type WidgetApi = ReturnType<typeof createWidgetApi>;
