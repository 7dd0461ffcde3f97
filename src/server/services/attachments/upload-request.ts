// The HTTP edges of attachments shared by the member routes and the widget's: a failed upload's
// answer, and the download answer. Downloads never let the browser guess (nosniff), never run
// in the app's origin (a sandboxing CSP), and only images are shown inline.
import { Readable } from "node:stream";
import { AppError } from "@/server/errors/app-error";
import { contentDisposition } from "@/server/http/content-disposition";
import type { AttachmentVariant, OpenedAttachment } from "./open-attachment";

/**
 * What an upload that failed should answer: a client that went away mid-body is not the server's
 * failure (its socket error would otherwise read as a lost database connection, a 503 logged as an
 * error). Nobody reads this answer; it keeps the logs and alerts honest.
 */
export function uploadFailure(error: unknown, request: Request): unknown {
  const message = error instanceof Error ? error.message : "";
  // Node's request stream fails with "aborted" when the client closes mid-body.
  if (request.signal.aborted || message === "aborted") {
    return new AppError("BAD_REQUEST", "The upload was cancelled before it ended", { reason: "UPLOAD_ABORTED" });
  }
  return error;
}

export function variantOf(request: Request): AttachmentVariant {
  return new URL(request.url).searchParams.get("variant") === "thumbnail" ? "thumbnail" : "file";
}

export function attachmentResponse(opened: OpenedAttachment, requestId: string, extraHeaders: Record<string, string> = {}): Response {
  const common = { "x-request-id": requestId, "cache-control": "private, max-age=60", ...extraHeaders };
  if (opened.redirectTo) return new Response(null, { status: 302, headers: { ...common, location: opened.redirectTo, "cache-control": "no-store" } });
  return new Response(Readable.toWeb(opened.body!) as ReadableStream<Uint8Array>, {
    headers: {
      ...common,
      "content-type": opened.contentType === "text/plain" ? "text/plain; charset=utf-8" : opened.contentType,
      "content-length": String(opened.size),
      "content-disposition": contentDisposition(opened.filename, opened.inline ? "inline" : "attachment"),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "same-site",
    },
  });
}
