// The purge removes everything of tenant B and nothing of tenant A, covers every tenant-owned
// model of schema.prisma (a new model fails here until it is purged), and only runs for tenants
// whose grace period has passed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { enqueue } from "@/server/jobs/queue";
import { purgeDeletedTenantsJob } from "@/server/jobs/tasks/purge-deleted-tenants";
import { readJob, runOnly } from "@/server/jobs/test-kit";
import { callerFor, createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { tenantOwnedSchemaModels } from "@/test/prisma-schema";
import { snapshotTenant } from "@/test/tenant-snapshot";
import { createWorkspaceRows } from "@/test/workspace-fixtures";
import { PURGE_STEPS, PURGED_WITH_TENANT, purgeTenant } from "./purge-tenant";

type Delegate = { count(args: { where: { tenantId: string } }): Promise<number> };
const delegateName = (model: string) => model[0]!.toLowerCase() + model.slice(1);

/** Rows per tenant-owned model, read the privileged way. */
function countsOf(tenantId: string): Promise<Record<string, number>> {
  return withPrivilegedDb("test check", async (db) => {
    const counts: Record<string, number> = {};
    for (const { name } of tenantOwnedSchemaModels()) {
      counts[name] = await (db as unknown as Record<string, Delegate>)[delegateName(name)]!.count({ where: { tenantId } });
    }
    return counts;
  });
}

/** A tenant with at least one row in every tenant-owned table, made the way the app makes them. */
async function populatedTenant(label: string): Promise<TestTenant> {
  const tenant = await createTestTenant(label);
  const cases = await createTestCases(tenant, ["First", "Second"]);
  await createWorkspaceRows(tenant, cases[0]!.id);
  await createTestApiKey(tenant);
  const owner = await callerFor(tenant.users.OWNER, tenant.slug);
  await owner.tenant.update({ name: `Tenant ${label}`, slug: `${tenant.slug}-x` });
  tenant.slug = `${tenant.slug}-x`;
  await withPrivilegedDb("test fixture", async (db) => {
    await db.caseFollower.upsert({
      where: { tenantId_caseId_userId: { tenantId: tenant.id, caseId: cases[1]!.id, userId: tenant.users.AGENT.id } },
      create: { tenantId: tenant.id, caseId: cases[1]!.id, userId: tenant.users.AGENT.id },
      update: {},
    });
    await db.job.create({ data: { tenantId: tenant.id, type: "purge.fixture", runAt: new Date(Date.now() + 86_400_000) } });
    await db.invitation.create({
      data: { tenantId: tenant.id, email: `invitee-${randomUUID()}@example.test`, role: "AGENT", tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const file = await db.storedFile.create({
      data: { tenantId: tenant.id, purpose: "import", filename: "a.csv", contentType: "text/csv", size: 3, sha256: "x", storageKey: `test/${randomUUID()}` },
    });
    await db.import.create({ data: { tenantId: tenant.id, entity: "cases", fileId: file.id } });
    await db.attachment.create({ data: { tenantId: tenant.id, fileId: file.id, filename: "a.csv", contentType: "text/csv", size: 3, uploadedById: tenant.users.AGENT.id } });
    const team = await db.team.create({ data: { tenantId: tenant.id, name: "Fixture team" } });
    await db.teamMember.create({ data: { tenantId: tenant.id, teamId: team.id, userId: tenant.users.AGENT.id } });
    await db.escalationRule.create({ data: { tenantId: tenant.id, name: "Fixture rule", unassignedMinutes: 15, level: "Tier 2", teamId: team.id } });
    await db.notificationPreference.create({ data: { tenantId: tenant.id, userId: tenant.users.AGENT.id, kind: "mention", email: "digest" } });
    await db.case.updateMany({ where: { id: cases[0]!.id }, data: { teamId: team.id } });
    const alert = await db.alert.create({
      data: { tenantId: tenant.id, title: "Fixture alert", dedupeKey: "fixture", teamId: team.id, assigneeId: tenant.users.AGENT.id, relatedCaseIds: [cases[0]!.id] },
    });
    await db.notification.create({ data: { tenantId: tenant.id, userId: tenant.users.AGENT.id, type: "alert", alertId: alert.id } });
    await db.alertRule.create({
      data: { tenantId: tenant.id, name: "Fixture alert rule", kind: "BACKLOG", params: { threshold: 100 }, teamId: team.id, assigneeId: tenant.users.AGENT.id },
    });
    await db.feedItem.create({
      data: { tenantId: tenant.id, title: "Fixture announcement", authorId: tenant.users.ADMIN.id, audienceKind: "TEAM", audienceValue: team.id, dedupeKey: "fixture" },
    });
    const search = await db.searchEvent.create({
      data: { tenantId: tenant.id, userId: tenant.users.AGENT.id, query: "fixture", kinds: ["case"], resultCount: 1, latencyMs: 1, surface: "PALETTE" },
    });
    await db.searchOpen.create({ data: { tenantId: tenant.id, searchId: search.id, position: 1, kind: "case", targetId: cases[0]!.id } });
    await db.aiUsage.create({ data: { tenantId: tenant.id, day: new Date("2026-12-01"), tokens: 10, runs: 1 } });
    const run = await db.agentRun.create({ data: { tenantId: tenant.id, agent: "triage", agentVersion: 1, model: "fixture", caseId: cases[0]!.id } });
    await db.caseSuggestion.create({
      data: { tenantId: tenant.id, caseId: cases[0]!.id, runId: run.id, field: "priority", value: "HIGH", reason: "fixture", confidence: 0.9 },
    });
    await db.topicDay.create({ data: { tenantId: tenant.id, term: "fixtur", day: new Date("2026-12-01"), cases: 2 } });
    await db.caseReportFact.create({
      data: { tenantId: tenant.id, caseId: cases[0]!.id, createdDay: new Date("2026-12-01"), channel: "EMAIL", priority: "NORMAL", businessUnit: "", category: "", teamId: "", assigneeId: "" },
    });
    await db.caseReportRollup.create({ data: { tenantId: tenant.id, dimension: "all", day: new Date("2026-12-01"), value: "", created: 1 } });
    await db.caseReportState.create({ data: { tenantId: tenant.id, timeZone: "UTC" } });
    await db.triageModel.create({
      data: { tenantId: tenant.id, field: "category", language: "simple", trainedAt: new Date(), examples: 1, heldOut: 0, correct: 0, vocabulary: 1, labels: [], calibration: [] },
    });
    await db.triageModelTerm.create({ data: { tenantId: tenant.id, field: "category", lexeme: "printer", label: "Hardware", count: 1 } });
    await db.searchTerm.create({ data: { tenantId: tenant.id, term: "printer", cases: 1 } });
    await db.cannedResponse.create({ data: { tenantId: tenant.id, ownerId: tenant.users.AGENT.id, title: "Fixture", body: "Hello {{customer.name}}" } });
    // The workspace rows may have made it already (its settings were saved).
    await db.chatWidget.upsert({ where: { tenantId: tenant.id }, create: { tenantId: tenant.id, publicId: `w_fixture${tenant.id.replaceAll("-", "")}` }, update: {} });
    await db.chatVisitor.create({ data: { tenantId: tenant.id, tokenHash: "fixture", name: "Visitor" } });
    await db.macro.create({ data: { tenantId: tenant.id, ownerId: tenant.users.AGENT.id, name: "Fixture", actions: { priority: "HIGH" } } });
    const trending = await db.trendingRun.create({ data: { tenantId: tenant.id, windowStart: new Date(), windowEnd: new Date(), cases: 1, candidates: 1, durationMs: 1 } });
    await db.trendingTopic.create({
      data: { tenantId: tenant.id, runId: trending.id, rank: 1, term: "fixtur", label: "fixture", cases: 3, baseline: 0, score: 3, growth: 4, hourly: [], channels: {}, businessUnits: {} },
    });
  });
  return tenant;
}

const schedule = (tenant: TestTenant, at: Date) =>
  withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: tenant.id }, data: { deletionScheduledFor: at } }));

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  [a, b] = [await populatedTenant("purge-a"), await populatedTenant("purge-b")];
});

describe("purgeTenant", () => {
  it("has a step for every tenant-owned model of schema.prisma", () => {
    const covered = [...PURGE_STEPS.map((s) => s.model), ...PURGED_WITH_TENANT].sort();
    expect(covered).toEqual(tenantOwnedSchemaModels().map((m) => m.name).sort());
  });

  it("the fixture fills every tenant-owned table, so the purge below is tested on each", async () => {
    const empty = Object.entries(await countsOf(b.id)).filter(([, n]) => n === 0).map(([model]) => model);
    expect(empty).toEqual([]);
  });

  it("leaves a tenant whose grace period has not passed alone", async () => {
    await schedule(b, new Date(Date.now() + 60_000));
    const before = await snapshotTenant(b.id);
    await expect(purgeTenant((fn) => withPrivilegedDb("test purge", fn), b.id)).resolves.toMatchObject({ purged: false });
    expect(await snapshotTenant(b.id)).toEqual(before);
  });

  it("the recurring job removes everything of B (rows, audit trail, old slugs, the tenant) and nothing of A", async () => {
    const aBefore = await snapshotTenant(a.id);
    await schedule(b, new Date(Date.now() - 1000));
    const deletedFiles: string[] = [];
    const direct = await purgeTenant((fn) => withPrivilegedDb("test purge", fn), b.id, { deleteStoredObject: async (key) => void deletedFiles.push(key) });
    expect(direct).toMatchObject({ purged: true, files: 1 });
    expect(deletedFiles).toHaveLength(1);
    expect(Object.values(await countsOf(b.id)).every((n) => n === 0)).toBe(true);
    const gone = await withPrivilegedDb("test check", async (db) => ({
      tenant: await db.tenant.findUnique({ where: { id: b.id } }),
      redirects: await db.tenantSlugRedirect.count({ where: { tenantId: b.id } }),
      users: await db.user.count({ where: { id: { in: Object.values(b.users).map((u) => u.id) } } }),
    }));
    // Users are people, not tenant data: they stay (and may belong to other tenants).
    expect(gone).toEqual({ tenant: null, redirects: 0, users: 4 });
    expect(await snapshotTenant(a.id)).toEqual(aBefore);
    await expect((await callerFor(a.users.AGENT, a.slug)).cases.list({})).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it("runs as the recurring platform job", async () => {
    const c = await createTestTenant("purge-job");
    await createTestCases(c, ["Doomed"]);
    await schedule(c, new Date(Date.now() - 1000));
    const id = await enqueue(purgeDeletedTenantsJob, {});
    await runOnly([purgeDeletedTenantsJob.type]);
    const job = await readJob(id);
    expect(job.status).toBe("SUCCEEDED");
    expect((job.result as { purged: number }).purged).toBeGreaterThanOrEqual(1);
    expect(await withPrivilegedDb("test check", (db) => db.tenant.findUnique({ where: { id: c.id } }))).toBeNull();
    expect(Object.values(await countsOf(c.id)).every((n) => n === 0)).toBe(true);
  });
});
