// imports.exports: the export files that can still be downloaded, with what the page shows of
// them (rows, who started the export); expired files are left out.
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { callerFor, createTestTenant } from "@/test/factories";
import { createExportFile } from "@/test/file-fixtures";


describe("imports.exports", () => {
  it("lists downloadable exports with their size, rows and who started them; expired ones are left out", async () => {
    const tenant = await createTestTenant("exports-list");
    const jobId = await withPrivilegedDb("test fixture", async (db) =>
      (await db.job.create({ data: { tenantId: tenant.id, type: "exports.cases", status: "SUCCEEDED", payload: {}, result: { rows: 7 } } })).id,
    );
    const file = await createExportFile(tenant, jobId, new Date(Date.now() + 86_400_000));
    await createExportFile(tenant, jobId, new Date(Date.now() - 1000));
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const { items } = await agent.imports.exports({ limit: 10 });
    expect(items).toEqual([
      expect.objectContaining({ id: file.id, filename: file.filename, size: 2048, rows: 7, createdBy: tenant.users.AGENT.name, jobId }),
    ]);
  });
});
