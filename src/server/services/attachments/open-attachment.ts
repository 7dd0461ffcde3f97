// Who may read an attachment's bytes. Members of its tenant who may read cases, once a message
// carries it (before that, only its uploader, for the composer's preview). A chat visitor: only
// public replies of their own conversation and their own uploads, never an internal note's.
// Anyone else gets NOT_FOUND, as if it did not exist. A file held for the malware scan, or
// refused by it, is not served to anyone.
import type { Readable } from "node:stream";
import type { Permission } from "@/server/auth/permissions";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import { getStorage, type FileStorage } from "@/server/storage";
import { IMAGE_TYPES } from "./detect-type";
import { uploaderColumns, type Uploader } from "./uploader";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AttachmentVariant = "file" | "thumbnail";

export interface OpenedAttachment {
  filename: string;
  contentType: string;
  /** Images are shown in the page; every other type downloads. */
  inline: boolean;
  size: number;
  /** The bytes, or (S3) a short-lived signed address to send the browser to instead. */
  body: Readable | null;
  redirectTo: string | null;
}

export type AttachmentReader =
  | { kind: "member"; uploader: Uploader; permissions: ReadonlySet<Permission> }
  | { kind: "visitor"; visitorId: string; caseId: string | null };

const readSelect = {
  status: true,
  filename: true,
  contentType: true,
  messageId: true,
  uploadedById: true,
  apiKeyId: true,
  chatVisitorId: true,
  message: { select: { kind: true, caseId: true } },
  file: { select: { storageKey: true, size: true } },
  thumbnail: { select: { storageKey: true, size: true } },
} as const;

type ReadRow = { messageId: string | null; uploadedById: string | null; apiKeyId: string | null; chatVisitorId: string | null; message: { kind: string; caseId: string } | null };

const uploadedBy = (row: ReadRow, uploader: Uploader) =>
  Object.entries(uploaderColumns(uploader)).every(([column, id]) => row[column as keyof ReadRow] === id);

function mayRead(reader: AttachmentReader, row: ReadRow): boolean {
  if (reader.kind === "member") {
    if (!reader.permissions.has("cases:read")) return false;
    return row.messageId !== null || uploadedBy(row, reader.uploader);
  }
  if (!row.message) return row.chatVisitorId === reader.visitorId;
  return row.message.kind === "PUBLIC_REPLY" && reader.caseId !== null && row.message.caseId === reader.caseId;
}

export async function openAttachment(
  db: TenantDb,
  input: { id: string; variant: AttachmentVariant; reader: AttachmentReader },
  storage: FileStorage = getStorage(),
): Promise<OpenedAttachment> {
  if (!UUID.test(input.id)) throw notFound("Attachment");
  const row = await db.attachment.findFirst({ where: { id: input.id }, select: readSelect });
  if (!row || !mayRead(input.reader, row)) throw notFound("Attachment");
  if (row.status === "SCANNING") throw new AppError("CONFLICT", "This file is still being checked for malware; try again in a moment", { reason: "ATTACHMENT_SCANNING" });
  if (row.status === "BLOCKED") throw new AppError("NOT_FOUND", "This file was removed: the malware scanner refused it", { reason: "ATTACHMENT_BLOCKED" });
  const file = input.variant === "thumbnail" ? row.thumbnail : row.file;
  if (!file) throw notFound("Attachment");
  const contentType = input.variant === "thumbnail" ? "image/webp" : row.contentType;
  // Only what was re-encoded here is shown in the page; any other image type downloads.
  const inline = input.variant === "thumbnail" || IMAGE_TYPES.has(contentType);
  // Thumbnails stream from here: pages show them with <img>, which the app's CSP keeps to its own
  // origin. Full files are opened or downloaded by navigation, which may go to the bucket.
  const redirectTo = storage.signedUrl && input.variant === "file" ? await storage.signedUrl(file.storageKey, { filename: row.filename, contentType, inline, expiresInSeconds: 60 }) : null;
  return { filename: row.filename, contentType, inline, size: Number(file.size), redirectTo, body: redirectTo ? null : await storage.get(file.storageKey) };
}
