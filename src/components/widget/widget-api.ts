// The chat page's one way to the public widget API (/api/widget/v1/{widgetId}/…): plain fetch, as
// visitors are not members and the page carries no tRPC client (files go up with
// XMLHttpRequest, for their progress: upload-attachment.ts). Failures arrive in the app's one
// error shape { code, message, details, requestId } and become a WidgetApiError
// (widget-api-errors.ts), so every caller reads the server's message and reason the same way.
import type { WidgetAttachmentView } from "@/lib/validations/attachment";
import type {
  WidgetConfig,
  WidgetConversation,
  WidgetIdentity,
  WidgetMessage,
  widgetSessionAnswerSchema,
} from "@/lib/validations/chat-widget";
import type { z } from "zod";
import { uploadAttachment, type UploadHandle } from "./upload-attachment";
import { MAX_TRIES, networkError, retryAfterSeconds, retryDelayMs, toWidgetApiError } from "./widget-api-errors";

export { isUnavailable, networkError, retryAfterSeconds, retryDelayMs, toWidgetApiError, WidgetApiError } from "./widget-api-errors";
export type { UploadHandle } from "./upload-attachment";

export type WidgetSessionAnswer = z.infer<typeof widgetSessionAnswerSchema>;
export type WidgetVisitor = WidgetSessionAnswer["visitor"];

interface RequestOptions {
  method?: "GET" | "POST";
  body?: unknown;
  token?: string | null;
  /** For the last signal of a closing page (typing stopped). */
  keepalive?: boolean;
}

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
  /** attachmentIds: files uploaded first with `upload`. */
  send(input: { body: string; email?: string; name?: string; attachmentIds?: string[] }): Promise<WidgetMessage>;
  /** One file up, with its progress; the attachment to name in the next `send`. */
  upload(file: File, onProgress: (loaded: number, total: number) => void): UploadHandle<WidgetAttachmentView>;
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
      upload: (file, onProgress) => uploadAttachment<WidgetAttachmentView>(`${base}/attachments`, { file, token, onProgress }),
      eventsUrl: `${base}/events?token=${encodeURIComponent(token)}`,
    }),
  };
}
export type WidgetApi = ReturnType<typeof createWidgetApi>;
