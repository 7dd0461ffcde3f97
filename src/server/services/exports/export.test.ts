// Exports: exactly the filtered cases, formulas neutralised, audited; downloads only for the
// owning tenant's members with the right permission.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { downloadFile, runImportJobs } from "@/server/services/imports/import-test-kit";
import { callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { neutraliseCell } from "@/server/services/csv/writer";

let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("exp"), createTestTenant("exp-b")]);
  const titles = ["=HYPERLINK(\"http://evil\")", "+1 call me", "-minus start", "@SUM(A1)", "\tTabbed title", "Plain export case"];
  await withPrivilegedDb("test fixture", (db) =>
    db.case.createMany({
      data: [
        ...titles.map((title, i) => ({ tenantId: a.id, title, priority: "HIGH" as const, description: i === 0 ? "=1+1" : "" })),
        { tenantId: a.id, title: "Low one, not exported", priority: "LOW" as const },
        { tenantId: b.id, title: "B's high case", priority: "HIGH" as const },
      ],
    }),
  );
});

async function exportAndDownload(tenant: TestTenant, filter: Record<string, unknown>) {
  const agent = await callerFor(tenant.users.AGENT, tenant.slug);
  const { jobId, expected } = await agent.imports.exportCases(filter);
  await runImportJobs();
  const job = await agent.jobs.get({ id: jobId });
  expect(job.status, String(job.lastError)).toBe("SUCCEEDED");
  const { fileId, rows } = job.result as { fileId: string; rows: number };
  return { fileId, rows, expected, agent };
}

describe("cases export", () => {
  it("contains exactly the filtered cases of the tenant, with formula cells neutralised, and is audited", async () => {
    const { fileId, rows, expected } = await exportAndDownload(a, { priority: ["HIGH"] });
    expect([rows, expected]).toEqual([6, 6]);
    const key = await createTestApiKey(a, { role: "AGENT" });
    const response = await downloadFile(fileId, { key });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"/);
    const records = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.title).sort()).toEqual(
      ["'=HYPERLINK(\"http://evil\")", "'+1 call me", "'-minus start", "'@SUM(A1)", "'\tTabbed title", "Plain export case"].sort(),
    );
    expect(records.every((r) => r.priority === "HIGH")).toBe(true);
    expect(records.find((r) => r.title!.startsWith("'=HYPER"))!.description).toBe("'=1+1");
    const audit = await withPrivilegedDb("test check", (db) => db.auditEvent.findMany({ where: { tenantId: a.id, action: "export.created" } }));
    expect(audit.map((e) => e.targetId)).toContain(fileId);
  });

  it("neutralises every dangerous leading character and nothing else", () => {
    expect(["=a", "+a", "-a", "@a", "\ta", "\ra", "a=b", "", "1-2"].map(neutraliseCell)).toEqual(["'=a", "'+a", "'-a", "'@a", "'\ta", "'\ra", "a=b", "", "1-2"]);
  });

  it("lists the tenant's export files", async () => {
    const { fileId, agent } = await exportAndDownload(a, {});
    const { items } = await agent.imports.exports();
    expect(items.map((f) => f.id)).toContain(fileId);
  });
});

describe("file downloads", () => {
  it("answers NOT_FOUND to another tenant, a role without the permission, and unknown ids", async () => {
    const { fileId } = await exportAndDownload(a, { priority: ["HIGH"] });
    const bOwner = await createTestApiKey(b, { role: "OWNER" });
    const aViewer = await createTestApiKey(a, { role: "VIEWER" });
    for (const response of [
      await downloadFile(fileId, { key: bOwner }),
      await downloadFile(fileId, { key: bOwner, slug: a.slug }),
      await downloadFile(fileId, { key: aViewer }),
      await downloadFile("00000000-0000-7000-8000-000000000000", { key: await createTestApiKey(a, { role: "OWNER" }) }),
      await downloadFile("../../etc/passwd", { key: await createTestApiKey(a, { role: "OWNER" }) }),
    ]) {
      const body = (await response.json()) as { code: string; requestId: string };
      expect([response.status, body.code]).toEqual([404, "NOT_FOUND"]);
      expect(body.requestId).toEqual(expect.any(String));
    }
    // (Without any credentials the session is read from cookies, which needs a real request.)
    expect((await downloadFile(fileId, { key: "cb_bad_not-a-key" })).status).toBe(401);
  });
});
