// An uploaded CSV becomes a stored file and an Import waiting for its mapping. The body streams
// to storage (size limit and content checks on the way); only then is a short tenant
// transaction opened for the two rows.
import { env } from "@/env";
import { suggestMapping, type ImportEntity, type ImportMapping } from "@/lib/validations/import";
import { recordAudit } from "@/server/audit";
import { withTenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { getStorage, type FileStorage } from "@/server/storage";
import type { ByteSource } from "@/server/storage/types";
import { toNodeReadable } from "@/server/storage/keys";
import { cleanFilename, headersOf, inspectUpload, type UploadInspection } from "./inspect-upload";
import { fileExpiry } from "@/server/services/files/retention";

export interface ReceivedUpload {
  id: string;
  fileId: string;
  entity: ImportEntity;
  filename: string;
  size: number;
  headers: string[];
  suggestedMapping: ImportMapping;
}

export async function receiveImportUpload(input: {
  tenantId: string;
  userId: string | null;
  entity: ImportEntity;
  filename: string | null;
  body: ByteSource;
  maxBytes?: number;
  /** The announced Content-Length: a body that ends short of it was cut off on the way. */
  expectedBytes?: number;
  storage?: FileStorage;
}): Promise<ReceivedUpload> {
  const storage = input.storage ?? getStorage();
  const inspection: UploadInspection = { bytes: 0, sample: Buffer.alloc(0) };
  // A body that errors (a client gone mid-upload) is heard here too: its error reaches the put
  // through the iteration, and unheard on the stream it would end the process.
  const body = toNodeReadable(input.body).on("error", () => undefined);
  const stored = await storage.put(inspectUpload(body, inspection), {
    maxBytes: input.maxBytes ?? env.IMPORT_MAX_BYTES,
    contentType: "text/csv",
  });
  const filename = cleanFilename(input.filename);
  try {
    if (input.expectedBytes !== undefined && stored.size !== input.expectedBytes) {
      throw new AppError("BAD_REQUEST", `The upload ended after ${stored.size} of ${input.expectedBytes} bytes; send it again`, { reason: "INCOMPLETE_UPLOAD" });
    }
    const headers = headersOf(inspection);
    const suggestedMapping = suggestMapping(input.entity, headers);
    return await withTenantDb(input.tenantId, async (db) => {
      const file = await db.storedFile.create({
        data: {
          tenantId: input.tenantId,
          purpose: "import",
          expiresAt: fileExpiry("import"),
          filename,
          contentType: "text/csv",
          size: BigInt(stored.size),
          sha256: stored.sha256,
          storageKey: stored.key,
          createdById: input.userId,
        },
        select: { id: true },
      });
      const created = await db.import.create({
        data: { tenantId: input.tenantId, entity: input.entity, fileId: file.id, headers, createdById: input.userId },
        select: { id: true },
      });
      await recordAudit(db, {
        action: "import.uploaded",
        targetType: "import",
        targetId: created.id,
        diff: { entity: input.entity, filename, size: stored.size, columns: headers.length },
      });
      return { id: created.id, fileId: file.id, entity: input.entity, filename, size: stored.size, headers, suggestedMapping };
    });
  } catch (error) {
    // Refused content or a failed write: the bytes must not outlive their row.
    await storage.delete(stored.key);
    throw error;
  }
}
