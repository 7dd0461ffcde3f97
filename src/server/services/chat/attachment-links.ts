// Addresses of a conversation's attachments for its visitor. The widget shows images with <img>,
// which cannot send the visitor's token (and third-party cookies may be blocked), so each address
// carries its own proof instead: an HMAC over the attachment, the visitor, the variant and an
// expiry, keyed per tenant from the encryption key ring. A link works only for the visitor it was
// made for (the download still checks that the file is theirs to see), and only for a few hours.
import { timingSafeEqual } from "node:crypto";
import type { AttachmentView, WidgetAttachmentView } from "@/lib/validations/attachment";
import { keyedDigest, keyedDigestCandidates } from "@/server/crypto";
import { notFound } from "@/server/errors/app-error";
import type { AttachmentVariant } from "@/server/services/attachments/open-attachment";

const PURPOSE = "widget-attachment-link";
const HOUR_MS = 3_600_000;
/** Links last 4 to 5 hours: the expiry is rounded up to the hour, so a link stays the same (and cacheable) for an hour. */
const LINK_HOURS = 4;

export interface LinkTarget {
  tenantId: string;
  widgetId: string;
  visitorId: string;
}

const signed = (attachmentId: string, visitorId: string, variant: AttachmentVariant, exp: number) => `${attachmentId}\n${visitorId}\n${variant}\n${exp}`;

export function attachmentLink(target: LinkTarget, attachmentId: string, variant: AttachmentVariant, now = Date.now()): string {
  const exp = Math.ceil((now + LINK_HOURS * HOUR_MS) / HOUR_MS) * (HOUR_MS / 1000);
  const sig = keyedDigest(PURPOSE, target.tenantId, signed(attachmentId, target.visitorId, variant, exp));
  const query = new URLSearchParams({ ...(variant === "thumbnail" ? { variant } : {}), v: target.visitorId, exp: String(exp), sig });
  return `/api/widget/v1/${target.widgetId}/attachments/${attachmentId}?${query.toString()}`;
}

/** The visitor a link was made for; NOT_FOUND for a link tampered with, made for another tenant, or expired. */
export function verifyAttachmentLink(tenantId: string, attachmentId: string, variant: AttachmentVariant, params: URLSearchParams, now = Date.now()): string {
  const visitorId = params.get("v") ?? "";
  const exp = Number(params.get("exp") ?? NaN);
  const sig = params.get("sig") ?? "";
  // A digest is 43 base64url characters; anything else (other lengths, non-ASCII) is refused before
  // comparing, so the comparison always meets two buffers of one length.
  if (!visitorId || !Number.isSafeInteger(exp) || exp * 1000 < now || !/^[A-Za-z0-9_-]{43}$/.test(sig)) throw notFound("Attachment");
  const valid = keyedDigestCandidates(PURPOSE, tenantId, signed(attachmentId, visitorId, variant, exp));
  const given = Buffer.from(sig);
  if (!valid.some((v) => timingSafeEqual(Buffer.from(v), given))) throw notFound("Attachment");
  return visitorId;
}

export function withLinks(target: LinkTarget, attachment: AttachmentView): WidgetAttachmentView {
  const ready = attachment.status === "READY";
  return {
    ...attachment,
    url: ready ? attachmentLink(target, attachment.id, "file") : null,
    thumbnailUrl: ready && attachment.image ? attachmentLink(target, attachment.id, "thumbnail") : null,
  };
}
