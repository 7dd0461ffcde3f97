// Reports through the procedures: every member reads them, bad ranges get field errors, the
// minute's task counts cases created and edited through the case procedures, and only admins
// rebuild (one rebuild per tenant, which gives the same figures).
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { enqueue } from "@/server/jobs";
import { countRollupsJob } from "@/server/jobs/tasks/count-report-rollups";
import { readJob, runOnly } from "@/server/jobs/test-kit";
import { parse } from "csv-parse/sync";
import { downloadFile } from "@/server/services/imports/import-test-kit";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTestTenant("reports");
});

const as = (role: "VIEWER" | "AGENT" | "ADMIN") => callerFor(tenant.users[role], tenant.slug);
const countNow = async () => {
  await enqueue(countRollupsJob, {});
  await runOnly(["insights.rollups"]);
  await runOnly(["insights.rollups-tenant"]);
};

describe("insights.report", () => {
  it("refuses a range that ends before it starts or spans over 400 days, naming the field", async () => {
    const agent = await as("AGENT");
    await expectAppError(agent.insights.report({ from: "2026-11-10", to: "2026-11-01" }), "BAD_REQUEST");
    await expectAppError(agent.insights.report({ from: "2024-01-01", to: "2026-01-01" }), "BAD_REQUEST");
    await expectAppError(agent.insights.report({ from: "2026-02-30" }), "BAD_REQUEST");
    await expectAppError(agent.insights.report({ groupBy: "tenant" as never }), "BAD_REQUEST");
  });

  it("counts cases created and edited through the case procedures within the minute's task", async () => {
    const agent = await as("AGENT");
    const before = await agent.insights.report({});
    expect(before.current.created).toBe(0);
    const created = [];
    for (const channel of ["EMAIL", "EMAIL", "CHAT"] as const) created.push(await agent.cases.create({ title: `Printer ${channel}`, channel }));
    await countNow();

    const report = await (await as("VIEWER")).insights.report({});
    expect(report.current.created).toBe(3);
    expect(report.groups.map((g) => [g.key, g.created])).toEqual([
      ["EMAIL", 2],
      ["CHAT", 1],
    ]);
    expect(report.countedAt).not.toBeNull();

    await agent.cases.update({ id: created[0]!.id, version: created[0]!.version, priority: "URGENT" });
    await countNow();
    const byPriority = await agent.insights.report({ groupBy: "priority" });
    expect(byPriority.groups.map((g) => [g.key, g.created])).toEqual([
      ["NORMAL", 2],
      ["URGENT", 1],
    ]);
  });

  it("rebuilds for admins only, one rebuild at a time, to the same figures", async () => {
    await expectAppError((await as("AGENT")).insights.rebuildReports(), "FORBIDDEN");
    const admin = await as("ADMIN");
    const before = await admin.insights.report({ groupBy: "priority" });
    const first = await admin.insights.rebuildReports();
    expect((await admin.insights.rebuildReports()).jobId).toBe(first.jobId);
    await withPrivilegedDb("test fixture", (db) => db.caseReportRollup.updateMany({ where: { tenantId: tenant.id }, data: { created: 99 } }));
    await runOnly(["insights.rollups-tenant"]);
    expect(await readJob(first.jobId)).toMatchObject({ status: "SUCCEEDED" });
    const after = await admin.insights.report({ groupBy: "priority" });
    expect({ ...after, countedAt: null }).toEqual({ ...before, countedAt: null });
  });

  it("exports the report as CSV for members who may export, through a job and a file of the tenant", async () => {
    await expectAppError((await as("VIEWER")).insights.exportReport({}), "FORBIDDEN");
    const key = await createTestApiKey(tenant, { role: "AGENT" });
    const { jobId } = await (await apiKeyCaller(key)).insights.exportReport({ groupBy: "priority" });
    await runOnly(["exports.report"]);
    const job = await readJob(jobId);
    expect(job, String(job?.lastError)).toMatchObject({ status: "SUCCEEDED" });
    const { fileId } = job!.result as { fileId: string };
    const rows = parse(await (await downloadFile(fileId, { key })).text(), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ section: "total", name: "current", created: "3" });
    expect(rows.filter((r) => r.section === "priority").map((r) => [r.name, r.created])).toEqual([
      ["Normal", "2"],
      ["Urgent", "1"],
    ]);
    expect(rows.filter((r) => r.section === "volume").reduce((n, r) => n + Number(r.created), 0)).toBe(3);
  });

  it("answers scripts with an API key", async () => {
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "VIEWER" }));
    expect((await key.insights.report({ interval: "week" })).range.interval).toBe("week");
  });
});
