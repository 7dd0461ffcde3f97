// Stored files and imports made directly in the database (no bytes in storage): what the jobs,
// exports and onboarding tests need to exist, not to be read.
import { randomUUID } from "node:crypto";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { TestTenant } from "./factories";

/** A finished export's file, started by the tenant's agent; `expiresAt` in a day unless given. */
export function createExportFile(tenant: TestTenant, jobId: string, expiresAt: Date | null = new Date(Date.now() + 86_400_000)) {
  return withPrivilegedDb("test fixture", (db) =>
    db.storedFile.create({
      data: {
        tenantId: tenant.id,
        purpose: "export",
        filename: "cases-2026-11-30.csv",
        contentType: "text/csv",
        size: 2048n,
        sha256: "0".repeat(64),
        storageKey: `exports/${randomUUID()}`,
        jobId,
        createdById: tenant.users.AGENT.id,
        expiresAt,
      },
      select: { id: true, filename: true },
    }),
  );
}

/** An uploaded import of `filename` (waiting for its mapping unless `status` says otherwise). */
export function createImportRow(tenantId: string, filename: string, options: { entity?: string; status?: string } = {}) {
  return withPrivilegedDb("test fixture", async (db) => {
    const file = await db.storedFile.create({
      data: { tenantId, purpose: "import", filename, contentType: "text/csv", size: 10n, sha256: "0".repeat(64), storageKey: `imports/${randomUUID()}` },
    });
    return db.import.create({
      data: { tenantId, entity: options.entity ?? "customers", fileId: file.id, headers: ["Name"], ...(options.status ? { status: options.status } : {}) },
      select: { id: true },
    });
  });
}
