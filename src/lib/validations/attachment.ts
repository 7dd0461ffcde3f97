// Attachments as the API and the UI see them. Bytes go up first (POST /api/attachments, or the
// widget's …/attachments), each answering an attachment; a message then names the ids it carries.
import { z } from "zod";

/** Files one message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

export const attachmentIdsSchema = z
  .array(z.uuid())
  .max(MAX_ATTACHMENTS_PER_MESSAGE, { message: `Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message` })
  .refine((ids) => new Set(ids).size === ids.length, { message: "A file is attached twice" });

export const attachmentStatusSchema = z.enum(["SCANNING", "READY", "BLOCKED"]);
export type AttachmentStatus = z.infer<typeof attachmentStatusSchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  /** Detected from the file's bytes, not its name. */
  contentType: z.string(),
  size: z.number(),
  /** A re-encoded image (metadata stripped) with a thumbnail; shown inline. */
  image: z.boolean(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** SCANNING: held until the malware scanner has read it; BLOCKED: the scanner refused it. */
  status: attachmentStatusSchema,
});
export type AttachmentView = z.infer<typeof attachmentSchema>;

/** A visitor's view adds signed, short-lived addresses (an <img> cannot send the visitor's token). */
export const widgetAttachmentSchema = attachmentSchema.extend({
  url: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
});
export type WidgetAttachmentView = z.infer<typeof widgetAttachmentSchema>;

/** Where a member's browser reads an attachment (session cookie; the tenant named in the query). */
export function attachmentUrl(tenantSlug: string, id: string, variant: "file" | "thumbnail" = "file"): string {
  const query = new URLSearchParams({ tenant: tenantSlug, ...(variant === "thumbnail" ? { variant } : {}) });
  return `/api/attachments/${id}?${query.toString()}`;
}

/** The one wording of the size refusal, the server's and the browsers' alike. */
export function tooLargeMessage(maxBytes: number): string {
  const mb = maxBytes / (1024 * 1024);
  return `Files can be at most ${Number.isInteger(mb) ? mb : mb.toFixed(mb < 1 ? 2 : 1)} MB`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
