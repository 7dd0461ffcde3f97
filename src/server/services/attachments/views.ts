// Attachments as messages carry them: one query for a page of messages.
import type { Prisma } from "@/server/db/generated/client";
import type { AttachmentView } from "@/lib/validations/attachment";
import type { TenantDb } from "@/server/db/tenant-db";

export const attachmentSelect = {
  id: true,
  filename: true,
  contentType: true,
  size: true,
  width: true,
  height: true,
  status: true,
  thumbnailFileId: true,
} satisfies Prisma.AttachmentSelect;

type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>;

export function attachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    image: row.thumbnailFileId !== null,
    width: row.width,
    height: row.height,
    status: row.status,
  };
}

/** The attachments of these messages, by message id, in upload order. */
export async function attachmentsByMessage(db: TenantDb, messageIds: string[]): Promise<Map<string, AttachmentView[]>> {
  const byMessage = new Map<string, AttachmentView[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db.attachment.findMany({
    where: { messageId: { in: messageIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...attachmentSelect, messageId: true },
  });
  for (const row of rows) {
    const list = byMessage.get(row.messageId!) ?? [];
    list.push(attachmentView(row));
    byMessage.set(row.messageId!, list);
  }
  return byMessage;
}
