// The widget API's failures, read once: the app's error shape { code, message, details, requestId }
// becomes a WidgetApiError (JSON calls in widget-api.ts and file uploads in upload-attachment.ts
// alike), and how long to wait before a refused call goes again.
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

/** Tries of a call the server refused with 503 (busy, or its database away) before the error shows. */
export const MAX_TRIES = 5;

/**
 * Retry-After, spread over half to one and a half times it: a busy instance refuses many visitors
 * at once, and all coming back in the same second would be refused together again.
 */
export const retryDelayMs = (retryAfter: number | null, random = Math.random()) => Math.round((retryAfter ?? 1) * 1000 * (0.5 + random));
