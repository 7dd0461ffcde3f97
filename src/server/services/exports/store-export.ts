// The end of every export job: the finished CSV becomes a StoredFile of the tenant (purpose
// "export", kept for the export retention) tied to its job, and the export is audited once the
// file exists, with what was exported.
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { fileExpiry } from "@/server/services/files/retention";
import type { StoredObject } from "@/server/storage";

export async function storeExportFile(
  db: TenantDb,
  file: { stored: StoredObject; filename: string; jobId: string; createdById: string | null },
  audit: Record<string, unknown>,
): Promise<string> {
  const { id } = await db.storedFile.create({
    data: {
      tenantId: requireTenantId(),
      purpose: "export",
      expiresAt: fileExpiry("export"),
      filename: file.filename,
      contentType: "text/csv",
      size: BigInt(file.stored.size),
      sha256: file.stored.sha256,
      storageKey: file.stored.key,
      jobId: file.jobId,
      createdById: file.createdById,
    },
    select: { id: true },
  });
  await recordAudit(db, { action: "export.created", targetType: "file", targetId: id, diff: audit });
  return id;
}
