// What the browser needs of attachments to show them (limits, addresses, sizes, wording), apart
// from their schemas in ./validations/attachment so pages that show files load no validation code.

/** Files one message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** SCANNING: held until the malware scanner has read it; BLOCKED: the scanner refused it. */
export const ATTACHMENT_STATUSES = ["SCANNING", "READY", "BLOCKED"] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

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
