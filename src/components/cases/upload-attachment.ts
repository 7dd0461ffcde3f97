// One file up to POST /api/attachments, as the raw request body (the route streams it; no
// multipart). XMLHttpRequest rather than fetch: fetch reports no upload progress, and the member
// can cancel a large file half-way with abort().
import type { AttachmentView } from "@/lib/validations/attachment";

export type UploadOutcome =
  | { status: "done"; attachment: AttachmentView }
  /** The server's own words (too large, a refused type …), shown on the file's chip. */
  | { status: "refused"; message: string }
  | { status: "aborted" };

export interface Upload {
  /** Settles once, never rejects. */
  done: Promise<UploadOutcome>;
  abort(): void;
}

const NETWORK_ERROR = "The upload did not reach the server: check the connection and try again";

/** `onProgress`: percent of the bytes sent, 0–100. */
export function uploadAttachment(file: File, tenantSlug: string, onProgress: (percent: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.open("POST", `/api/attachments?${new URLSearchParams({ filename: file.name })}`);
    xhr.setRequestHeader("x-tenant-slug", tenantSlug);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((100 * e.loaded) / e.total));
    };
    xhr.onload = () => void outcomeOf(xhr.status, xhr.responseText).then(resolve, () => resolve({ status: "refused", message: NETWORK_ERROR }));
    xhr.onerror = () => resolve({ status: "refused", message: NETWORK_ERROR });
    xhr.onabort = () => resolve({ status: "aborted" });
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

async function outcomeOf(status: number, text: string): Promise<UploadOutcome> {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: a proxy in front of the app answered.
  }
  if (status === 201) {
    // The schema loads with the first upload, not with the page that offers uploading.
    const { attachmentSchema } = await import("@/lib/validations/attachment");
    const parsed = attachmentSchema.safeParse(body);
    if (parsed.success) return { status: "done", attachment: parsed.data };
  }
  const error = (body ?? {}) as { message?: unknown; requestId?: unknown };
  const message = typeof error.message === "string" ? error.message : `The upload failed (HTTP ${status})`;
  // As forms do (apply-server-errors.ts): a server failure names its request, so support can find it.
  return { status: "refused", message: status >= 500 && typeof error.requestId === "string" ? `${message} (request ${error.requestId})` : message };
}
