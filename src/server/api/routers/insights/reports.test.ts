// Reports through the procedures: every member reads them, bad ranges get field errors, the
// minute's task counts cases created and edited through the case procedures, and only admins
// rebuild (one rebuild per tenant, which gives the same figures).
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { enqueue } from "@/server/jobs";
import { withTenantDb } from "@/server/db/tenant-db";
import { claimJobs, reapExpiredLeases } from "@/server/jobs/lease";
import { countRollupsForTenantJob, countRollupsJob, ROLLUPS_DEDUPE_KEY } from "@/server/jobs/tasks/count-report-rollups";
import { cancelOtherTenantsJobs, FAST_TIMING, readJob, runOnly } from "@/server/jobs/test-kit";
import { countCaseChanges } from "@/server/services/insights/reports/count-case-changes";
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
  // The fan-out enqueued one for every tenant with changes, other files' tenants included.
  await cancelOtherTenantsJobs(tenant, ["insights.rollups-tenant"]);
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
    await cancelOtherTenantsJobs(tenant, ["insights.rollups-tenant"]);
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

  it("a counting whose runner died mid-job (its lease expired) is finished by another runner, each case counted once", async () => {
    const fresh = await createTestTenant("reports-lease");
    const agent = await callerFor(fresh.users.AGENT, fresh.slug);
    for (const channel of ["EMAIL", "CHAT", "PHONE", "WEB", "EMAIL"] as const) await agent.cases.create({ title: `Lease ${channel}`, channel });
    const jobId = await enqueue(countRollupsForTenantJob, { rebuild: false }, { tenantId: fresh.id, dedupeKey: ROLLUPS_DEDUPE_KEY });
    const [claimed] = await claimJobs("doomed-runner", 1, [countRollupsForTenantJob.type], FAST_TIMING);
    expect(claimed?.id).toBe(jobId);
    // The doomed runner counted two of the five cases, then died without a word.
    await countCaseChanges((fn) => withTenantDb(fresh.id, fn), { batchSize: 1, maxBatches: 2 });
    await withPrivilegedDb("test fixture", (db) => db.job.update({ where: { id: jobId }, data: { lockedUntil: new Date(Date.now() - 1_000) } }));
    await reapExpiredLeases();
    expect(await readJob(jobId)).toMatchObject({ status: "PENDING", lockedBy: null });

    await runOnly([countRollupsForTenantJob.type]);
    expect(await readJob(jobId)).toMatchObject({ status: "SUCCEEDED" });
    const report = await agent.insights.report({});
    expect(report.current.created).toBe(5);
    expect(report.groups.map((g) => [g.key, g.created])).toEqual([
      ["EMAIL", 2],
      ["CHAT", 1],
      ["PHONE", 1],
      ["WEB", 1],
    ]);
  });

  it("answers scripts with an API key", async () => {
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "VIEWER" }));
    expect((await key.insights.report({ interval: "week" })).range.interval).toBe("week");
  });
});
