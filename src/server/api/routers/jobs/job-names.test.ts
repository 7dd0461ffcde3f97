// jobs.list and jobs.get name jobs ("Export of 34 cases"), who started them, their settings and
// outcome as labelled fields, and errors in words; ids in payloads that are another tenant's
// read as deleted, never with that tenant's names.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { createExportFile, createImportRow } from "@/test/file-fixtures";

const later = () => new Date(Date.now() + 86_400_000);
const filter = { tab: "all", sort: "created" };

async function createJob(tenant: TestTenant, data: Omit<Prisma.JobUncheckedCreateInput, "tenantId">): Promise<string> {
  return withPrivilegedDb("test fixture", async (db) => (await db.job.create({ data: { tenantId: tenant.id, runAt: later(), ...data }, select: { id: true } })).id);
}

const createUpload = (tenant: TestTenant, filename: string, entity = "customers") => createImportRow(tenant.id, filename, { entity });

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("jobnames-a"), createTestTenant("jobnames-b")]);
});

describe("readable jobs", () => {
  it("titles each job type, says who started it and lists its fields by name", async () => {
    const agent = a.users.AGENT;
    const [target] = await createTestCases(a, ["Printer jams"]);
    const team = await withPrivilegedDb("test fixture", (db) => db.team.create({ data: { tenantId: a.id, name: "Billing" }, select: { id: true } }));
    const upload = await createUpload(a, "customers.csv");
    const key = await withPrivilegedDb("test fixture", (db) =>
      db.apiKey.create({ data: { tenantId: a.id, name: "Nightly sync", prefix: "cb_x", hash: randomUUID(), role: "AGENT" }, select: { id: true } }),
    );
    const caller = { userId: agent.id, canReadPii: true };
    const actor = { type: "user", id: agent.id };

    const exportId = await createJob(a, {
      type: "exports.cases",
      status: "SUCCEEDED",
      payload: { filter: { ...filter, status: ["OPEN"], teamId: team.id }, caller, actor, expected: 40 },
      finishedAt: new Date(),
    });
    const file = await createExportFile(a, exportId);
    await withPrivilegedDb("test fixture", (db) => db.job.update({ where: { id: exportId }, data: { result: { fileId: file.id, rows: 34, filename: file.filename } } }));
    const waitingExport = await createJob(a, { type: "exports.cases", payload: { filter, caller, actor: { type: "apiKey", id: key.id }, expected: 1 } });
    const importId = await createJob(a, { type: "imports.run", payload: { importId: upload.id, createdById: agent.id, actor } });
    const bulkId = await createJob(a, {
      type: "cases.bulk-update",
      payload: { input: { target: { ids: [target!.id] }, assigneeId: agent.id, priority: "HIGH", addTags: ["vip"] }, caller, actor, expected: 1 },
    });
    const bulkDone = await createJob(a, {
      type: "cases.bulk-update",
      status: "SUCCEEDED",
      payload: { input: { target: { filter }, status: { to: "RESOLVED" } }, caller, actor, expected: 12 },
      result: { matched: 12, updated: 10, skipped: 2, skippedReasons: { refusedTransition: 2, unchanged: 0 }, refusedByStatus: { CLOSED: 2 } },
    });
    const mailId = await createJob(a, { type: "notifications.mail", payload: { ids: [randomUUID(), randomUUID()] } });
    const wakeId = await createJob(a, { type: "cases.wake-snoozed-tenant", payload: {}, status: "SUCCEEDED", result: { woken: 3 } });
    const rotateId = await createJob(a, { type: "customers.rotate-encryption", payload: { batchSize: 200 } });
    const alertsId = await createJob(a, { type: "alerts.evaluate-rules-tenant", payload: { slot: "2026-11-30T12:00:00.000Z" } });
    const unknownId = await createJob(a, { type: "reports.weekly-summary", payload: { weeks: 2, teamId: team.id } });

    const viewer = await callerFor(a.users.VIEWER, a.slug);
    const { items } = await viewer.jobs.list({ limit: 50 });
    const byId = new Map(items.map((j) => [j.id, j]));
    const title = (id: string) => byId.get(id)!.title;
    expect(title(exportId)).toBe("Export of 34 cases");
    expect(title(waitingExport)).toBe("Export of 1 case");
    expect(title(importId)).toBe("Import of customers.csv");
    expect(title(bulkId)).toBe("Bulk update of 1 case");
    expect(title(bulkDone)).toBe("Bulk update of 12 cases");
    expect(title(mailId)).toBe("2 notification emails");
    expect(title(wakeId)).toBe("Waking snoozed cases");
    expect(title(rotateId)).toBe("Re-encryption of customer contact details");
    expect(title(alertsId)).toBe("Alert rules check");
    expect(title(unknownId)).toBe("Reports weekly summary");

    expect(byId.get(exportId)!.startedBy).toEqual({ type: "user", id: agent.id, name: agent.name, detail: agent.email });
    expect(byId.get(waitingExport)!.startedBy).toMatchObject({ type: "apiKey", name: "Nightly sync", detail: "API key" });
    expect(byId.get(wakeId)!.startedBy).toMatchObject({ type: "system", name: "Scheduled" });
    expect(byId.get(exportId)!.downloads).toEqual([{ label: "Download CSV", fileId: file.id, filename: file.filename }]);
    // The list leaves the raw payload out.
    expect(byId.get(exportId)).not.toHaveProperty("payload");

    const exported = await viewer.jobs.get({ id: exportId });
    expect(exported.fields).toEqual([
      { label: "Format", value: "CSV" },
      { label: "Status", value: "Open" },
      { label: "Team", value: "Billing" },
    ]);
    expect(exported.resultFields).toEqual([
      { label: "Rows", value: "34" },
      { label: "File", value: file.filename },
    ]);
    const bulk = await viewer.jobs.get({ id: bulkId });
    expect(bulk.fields).toEqual([
      { label: "Cases", value: "1 selected case" },
      { label: "Assign to", value: agent.name },
      { label: "Set priority", value: "High" },
      { label: "Add tags", value: "vip" },
    ]);
    expect((await viewer.jobs.get({ id: bulkDone })).resultFields).toContainEqual({ label: "Refused (status change not allowed)", value: "2 cases Closed" });
    expect((await viewer.jobs.get({ id: importId })).fields).toEqual([
      { label: "File", value: "customers.csv" },
      { label: "Imports", value: "Customers" },
    ]);
    expect((await viewer.jobs.get({ id: unknownId })).fields).toEqual([
      { label: "Weeks", value: "2" },
      { label: "Team", value: "Billing" },
    ]);
    expect((await viewer.jobs.get({ id: alertsId })).fields).toEqual([{ label: "Slot", value: "Nov 30, 2026, 12:00 PM" }]);
  });

  it("says what went wrong in words and keeps the technical message", async () => {
    const timedOut = await createJob(a, { type: "exports.cases", status: "FAILED", lastError: "Job attempt timed out", payload: {} });
    const dead = await createJob(a, {
      type: "imports.run",
      status: "DEAD",
      lastError: "Error: ECONNREFUSED 127.0.0.1:9000\n    at connect (net.js:1:1)",
      payload: {},
    });
    const viewer = await callerFor(a.users.VIEWER, a.slug);
    const failed = await viewer.jobs.get({ id: timedOut });
    expect(failed.error).toBe("The export took too long and was stopped. It will be tried again automatically.");
    expect(failed.lastError).toBe("Job attempt timed out");
    expect((await viewer.jobs.get({ id: dead })).error).toBe(
      "The import failed: a service it needs could not be reached. It will not be tried again unless an admin retries it.",
    );
  });

  it("never names another tenant's records: their ids read as deleted", async () => {
    const bUpload = await createUpload(b, "bravo-secret-customers.csv");
    const bTeam = await withPrivilegedDb("test fixture", (db) => db.team.create({ data: { tenantId: b.id, name: "Bravo secret team" }, select: { id: true } }));
    const bKey = await withPrivilegedDb("test fixture", (db) =>
      db.apiKey.create({ data: { tenantId: b.id, name: "Bravo secret key", prefix: "cb_b", hash: randomUUID(), role: "AGENT" }, select: { id: true } }),
    );
    const bJob = await createJob(b, { type: "exports.cases", payload: {} });
    const bFile = await createExportFile(b, bJob);
    const owner = b.users.OWNER;
    const forged = [
      await createJob(a, { type: "imports.run", payload: { importId: bUpload.id, createdById: owner.id, actor: { type: "user", id: owner.id } } }),
      await createJob(a, {
        type: "exports.cases",
        status: "SUCCEEDED",
        payload: { filter: { ...filter, teamId: bTeam.id, assigneeId: owner.id }, caller: { userId: null, canReadPii: false }, actor: { type: "apiKey", id: bKey.id }, expected: 1 },
        result: { fileId: bFile.id, rows: 1, filename: bFile.filename },
      }),
    ];
    const viewer = await callerFor(a.users.VIEWER, a.slug);
    const views = await Promise.all(forged.map((id) => viewer.jobs.get({ id })));
    // What the page shows (the raw payload still holds the ids, as the API's callers sent them).
    const text = JSON.stringify(views.map((v) => [v.title, v.startedBy, v.fields, v.resultFields, v.downloads]));
    expect(text).not.toMatch(/Bravo|bravo|jobnames-b/);
    expect(views[0]).toMatchObject({ title: "Import of a file no longer kept", startedBy: { name: "Former member" } });
    expect(views[1]).toMatchObject({ startedBy: { name: "Deleted API key" }, downloads: [] });
    expect(views[1]!.fields).toEqual([
      { label: "Format", value: "CSV" },
      { label: "Team", value: "Deleted team" },
      { label: "Assignee", value: "Former member" },
    ]);
  });
});
