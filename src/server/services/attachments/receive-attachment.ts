// An uploaded file becomes an unclaimed attachment: its bytes stream to storage (the tenant's size
// limit counted on the way, the type read from the first 4 KB before more is written), images are
// re-encoded with a thumbnail, and only then a short tenant transaction records the rows. A
// message claims it within a day (claim.ts) or the expiry purge removes it.
import { env } from "@/env";
import { tooLargeMessage, type AttachmentView } from "@/lib/validations/attachment";
import { withTenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { cleanFilename } from "@/server/services/imports/inspect-upload";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { fileExpiry } from "@/server/services/files/retention";
import { getStorage, type FileStorage, type StoredObject } from "@/server/storage";
import { toNodeReadable } from "@/server/storage/keys";
import type { ByteSource } from "@/server/storage/types";
import { detectType, SAMPLE_BYTES, type DetectedType } from "./detect-type";
import { reencodeImage } from "./image";
import { requestScan } from "./scan-job";
import { attachmentLimitOf } from "./limit";
import { uploaderColumns, type Uploader } from "./uploader";
import { attachmentSelect, attachmentView } from "./views";

/** Holds the first bytes back until the type is known, so a refused file stops there. */
async function* detecting(source: AsyncIterable<Uint8Array>, filename: string, into: { type?: DetectedType }): AsyncGenerator<Buffer> {
  const held: Buffer[] = [];
  let heldBytes = 0;
  for await (const raw of source) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    if (into.type) {
      yield chunk;
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes >= SAMPLE_BYTES) {
      into.type = await detectType(Buffer.concat(held).subarray(0, SAMPLE_BYTES), filename);
      yield* held;
    }
  }
  if (!into.type) {
    if (heldBytes === 0) throw new AppError("BAD_REQUEST", "The file is empty", { reason: "EMPTY_FILE" });
    into.type = await detectType(Buffer.concat(held), filename);
    yield* held;
  }
}

export async function attachmentLimit(tenantId: string): Promise<number> {
  return attachmentLimitOf(await withTenantDb(tenantId, (db) => loadTenantSettings(db)));
}

export async function receiveAttachment(input: {
  tenantId: string;
  uploader: Uploader;
  filename: string | null;
  body: ByteSource;
  /** The announced Content-Length: refused before reading past the limit, and checked at the end. */
  expectedBytes?: number;
  storage?: FileStorage;
  /** Hold the file for the malware scan (default: when CLAMAV_URL is set). */
  scan?: boolean;
}): Promise<AttachmentView> {
  const storage = input.storage ?? getStorage();
  const maxBytes = await attachmentLimit(input.tenantId);
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", tooLargeMessage(maxBytes), { maxBytes, reason: "FILE_TOO_LARGE" });
  if (input.expectedBytes !== undefined && input.expectedBytes > maxBytes) throw tooLarge();
  const filename = cleanFilename(input.filename, "file");
  const detected: { type?: DetectedType } = {};
  const written: StoredObject[] = [];
  try {
    // The body's error (a client gone mid-upload) reaches the put through the iteration; heard here
    // too, as a stream that errors after its reader has stopped would otherwise end the process.
    const body = toNodeReadable(input.body).on("error", () => undefined);
    const original = await storage
      .put(detecting(body, filename, detected), { maxBytes })
      .catch((error: unknown) => {
        throw error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE" ? tooLarge() : error;
      });
    written.push(original);
    if (input.expectedBytes !== undefined && original.size !== input.expectedBytes) {
      throw new AppError("BAD_REQUEST", `The upload ended after ${original.size} of ${input.expectedBytes} bytes; send it again`, { reason: "INCOMPLETE_UPLOAD" });
    }
    const type = detected.type!;
    let file = original;
    let image: Awaited<ReturnType<typeof reencodeImage>> | null = null;
    if (type.image) {
      image = await reencodeImage(await storage.get(original.key), type.contentType, storage);
      written.push(image.file, image.thumbnail);
      file = image.file;
      await storage.delete(original.key);
      written.shift();
    }
    const scanning = input.scan ?? Boolean(env.CLAMAV_URL);
    return await withTenantDb(input.tenantId, async (db) => {
      const expiresAt = fileExpiry("attachment");
      const fileRow = (object: StoredObject, purpose: string, contentType: string, name: string) =>
        db.storedFile.create({
          data: { tenantId: input.tenantId, purpose, expiresAt, filename: name, contentType, size: BigInt(object.size), sha256: object.sha256, storageKey: object.key, createdById: "userId" in input.uploader ? input.uploader.userId : null },
          select: { id: true },
        });
      const stored = await fileRow(file, "attachment", type.contentType, filename);
      const thumbnail = image ? await fileRow(image.thumbnail, "attachment-thumbnail", "image/webp", `thumbnail-${filename}`) : null;
      const created = await db.attachment.create({
        data: {
          tenantId: input.tenantId,
          fileId: stored.id,
          thumbnailFileId: thumbnail?.id ?? null,
          filename,
          contentType: type.contentType,
          size: file.size,
          width: image?.width ?? null,
          height: image?.height ?? null,
          status: scanning ? "SCANNING" : "READY",
          ...uploaderColumns(input.uploader),
        },
        select: attachmentSelect,
      });
      if (scanning) await requestScan(db, created.id);
      return attachmentView(created);
    });
  } catch (error) {
    // Refused content or a failed write: the bytes must not outlive their row.
    for (const object of written) await storage.delete(object.key);
    throw error;
  }
}
