// Attachments as the API and the UI see them. Bytes go up first (POST /api/attachments, or the
// widget's …/attachments), each answering an attachment; a message then names the ids it carries.
import { z } from "zod";
import { ATTACHMENT_STATUSES, MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/attachment-format";

export { attachmentUrl, formatBytes, MAX_ATTACHMENTS_PER_MESSAGE, tooLargeMessage, type AttachmentStatus } from "@/lib/attachment-format";

export const attachmentIdsSchema = z
  .array(z.uuid())
  .max(MAX_ATTACHMENTS_PER_MESSAGE, { message: `Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message` })
  .refine((ids) => new Set(ids).size === ids.length, { message: "A file is attached twice" });

export const attachmentStatusSchema = z.enum(ATTACHMENT_STATUSES);

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
