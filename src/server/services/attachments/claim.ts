// A message takes the attachments its author uploaded: only their own, only unclaimed ones, each
// once. Anything else (another member's upload, another tenant's id, one already sent, one expired)
// refuses the whole message, so nothing is sent with a file missing.
import type { AttachmentView } from "@/lib/validations/attachment";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { uploaderColumns, type Uploader } from "./uploader";
import { attachmentSelect, attachmentView } from "./views";

const CLAIM_MARGIN_MS = 60 * 60_000;

export async function claimAttachments(db: TenantDb, input: { ids: string[]; messageId: string; uploader: Uploader }): Promise<AttachmentView[]> {
  if (input.ids.length === 0) return [];
  const owner = uploaderColumns(input.uploader);
  const claimed = await db.attachment.updateMany({
    // Not in its last hour: the expiry purge deletes bytes before rows, and a claim committing
    // between the two would keep a row whose bytes are gone.
    where: { id: { in: input.ids }, messageId: null, status: { not: "BLOCKED" }, file: { expiresAt: { gt: new Date(Date.now() + CLAIM_MARGIN_MS) } }, ...owner },
    data: { messageId: input.messageId },
  });
  if (claimed.count !== input.ids.length) {
    throw new AppError("BAD_REQUEST", "An attached file is no longer available: remove it and attach it again", {
      reason: "ATTACHMENT_UNAVAILABLE",
      fieldErrors: { attachmentIds: ["Attach the file again"] },
    });
  }
  const rows = await db.attachment.findMany({
    where: { messageId: input.messageId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...attachmentSelect, fileId: true },
  });
  // Sent: the files now live as long as the message.
  const fileIds = rows.flatMap((r) => [r.fileId, ...(r.thumbnailFileId ? [r.thumbnailFileId] : [])]);
  await db.storedFile.updateMany({ where: { id: { in: fileIds } }, data: { expiresAt: null } });
  return rows.map(attachmentView);
}
