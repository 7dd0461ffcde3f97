// The malware scan, when a scanner is configured (CLAMAV_URL): an attachment is held as SCANNING
// until this job has read its bytes. Clean: READY. Found: BLOCKED, and its bytes go at once (the
// row stays, so the conversation says what happened). A scanner that cannot be reached fails the
// attempt and the job retries; the file stays held meanwhile, never released unscanned.
import { z } from "zod";
import { env } from "@/env";
import type { TenantDb } from "@/server/db/tenant-db";
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
    maxAttempts: 8,
    timeoutMs: 120_000,
    async handler({ attachmentId }, { db, signal }) {
      return scanAttachment(db, attachmentId, env.CLAMAV_URL ?? null, getStorage(), signal);
    },
  }),
);

export async function requestScan(db: TenantDb, attachmentId: string): Promise<void> {
  await enqueue(scanAttachmentJob, { attachmentId }, { db, dedupeKey: `attachment-scan:${attachmentId}` });
}

/**
 * Idempotent: a runner killed mid-scan leaves the row SCANNING and the retry scans again. With no
 * scanner configured any more (it was taken out of the deployment), held files are released: the
 * operator chose to run without one.
 */
export async function scanAttachment(db: TenantDb, attachmentId: string, scannerUrl: string | null, storage: FileStorage = getStorage(), signal?: AbortSignal) {
  const row = await db.attachment.findFirst({
    where: { id: attachmentId },
    select: { status: true, messageId: true, message: { select: { caseId: true } }, file: { select: { id: true, storageKey: true } }, thumbnail: { select: { id: true, storageKey: true } } },
  });
  if (!row || row.status !== "SCANNING") return { scanned: false };
  const verdict = scannerUrl ? await scanWithClamd(scannerUrl, await storage.get(row.file.storageKey), signal) : ({ clean: true } as const);
  if (verdict.clean) {
    await db.attachment.updateMany({ where: { id: attachmentId, status: "SCANNING" }, data: { status: "READY" } });
  } else {
    logger.warn({ attachmentId, signature: verdict.signature }, "attachment refused by the malware scanner");
    await db.attachment.updateMany({ where: { id: attachmentId }, data: { status: "BLOCKED" } });
    for (const file of [row.file, row.thumbnail]) if (file) await storage.delete(file.storageKey);
  }
  // The conversation shows the file (or why it is gone) as soon as it is decided.
  if (row.message) emitEvents({ kind: "case.updated", entityId: row.message.caseId, data: { attachmentId, messageId: row.messageId } });
  return { scanned: true, clean: verdict.clean };
}
