// The malware scan, when a scanner is configured (CLAMAV_URL): an attachment is held as SCANNING
// until this job has read its bytes. Clean: READY. Found: BLOCKED, and its bytes go at once (the
// row stays, so the conversation says what happened). A scanner that cannot be reached fails the
// attempt and the job retries; the file stays held meanwhile, never released unscanned.
import { z } from "zod";
import { env } from "@/env";
import type { TenantDb, WithTenantDb } from "@/server/db/tenant-db";
import { defineJob, enqueue, registerJob } from "@/server/jobs";
import { logger } from "@/server/logger";
import { emitEvents } from "@/server/realtime/emit";
import { getStorage, type FileStorage } from "@/server/storage";
import { scanWithClamd } from "./clamav";

export const scanAttachmentJob = registerJob(
  defineJob({
    type: "attachment.scan",
    scope: "tenant",
    payload: z.object({ attachmentId: z.uuid() }),
    // Short transactions around the scan, none held while the daemon reads the file: a connection
    // is not tied up for a scan's length, and the lease is renewed by heartbeats, so a runner that
    // dies mid-scan hands the file to the next one after a lease (30 s), not after the attempt's
    // whole timeout.
    transaction: "per-call",
    maxAttempts: 8,
    timeoutMs: 120_000,
    async handler({ attachmentId }, { withDb, signal }) {
      return scanAttachment(withDb, attachmentId, env.CLAMAV_URL ?? null, getStorage(), signal);
    },
  }),
);

export async function requestScan(db: TenantDb, attachmentId: string): Promise<void> {
  await enqueue(scanAttachmentJob, { attachmentId }, { db, dedupeKey: `attachment-scan:${attachmentId}` });
}

/**
 * Idempotent: a runner killed mid-scan leaves the row SCANNING and the retry scans again; of two
 * scans racing, the first decision stands. With no scanner configured any more (it was taken out
 * of the deployment), held files are released: the operator chose to run without one.
 */
export async function scanAttachment(withDb: WithTenantDb, attachmentId: string, scannerUrl: string | null, storage: FileStorage = getStorage(), signal?: AbortSignal) {
  const row = await withDb((db) =>
    db.attachment.findFirst({
      where: { id: attachmentId },
      select: { status: true, file: { select: { storageKey: true } }, thumbnail: { select: { storageKey: true } } },
    }),
  );
  if (!row) return { scanned: false };
  // Blocked by an earlier attempt that stopped before its bytes were gone: delete them now.
  if (row.status === "BLOCKED") await deleteBytes(storage, row);
  if (row.status !== "SCANNING") return { scanned: false };
  const verdict = scannerUrl ? await scanWithClamd(scannerUrl, await storage.get(row.file.storageKey), signal) : ({ clean: true } as const);
  const decided = await withDb(async (db) => {
    const changed = await db.attachment.updateMany({ where: { id: attachmentId, status: "SCANNING" }, data: { status: verdict.clean ? "READY" : "BLOCKED" } });
    if (changed.count === 0) return false;
    // Read now, not before the scan: the file may have been sent with a message meanwhile.
    const sent = await db.attachment.findFirst({ where: { id: attachmentId }, select: { messageId: true, message: { select: { caseId: true } } } });
    // The conversation shows the file (or why it is gone) as soon as it is decided.
    if (sent?.message) emitEvents({ kind: "case.updated", entityId: sent.message.caseId, data: { attachmentId, messageId: sent.messageId } });
    return true;
  });
  if (!decided) return { scanned: false };
  if (!verdict.clean) {
    logger.warn({ attachmentId, signature: verdict.signature }, "attachment refused by the malware scanner");
    await deleteBytes(storage, row);
  }
  return { scanned: true, clean: verdict.clean };
}

/** Deleting a file that is already gone is not an error, so this may run again. */
async function deleteBytes(storage: FileStorage, row: { file: { storageKey: string }; thumbnail: { storageKey: string } | null }) {
  for (const file of [row.file, row.thumbnail]) if (file) await storage.delete(file.storageKey);
}
