// The learned triage jobs when their runner dies mid-job (killed: its lease expires and is taken
// back): another runner finishes the work, and it is done exactly once: a training leaves one
// model per field with the counts of one training, a new case's suggestions are stored and
// applied once.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { enqueue } from "@/server/jobs";
import { claimJobs, reapExpiredLeases } from "@/server/jobs/lease";
import { cancelOtherTenantsJobs, FAST_TIMING, readJob, runOnly } from "@/server/jobs/test-kit";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { trainField, trainTriageModels } from "./train-triage-model";
import { plantResolvedCases, setSettings } from "./train-triage-model.test-kit";
import { learnedTriageCaseJob, TRAIN_DEDUPE_KEY, trainTriageModelsForTenantJob } from "./triage-model-jobs";

let tenant: TestTenant;

/** The runner holding `jobId` dies: its lease runs out and is taken back, the job waits again. */
async function killRunnerOf(jobId: string) {
  await withPrivilegedDb("test fixture", (db) => db.job.update({ where: { id: jobId }, data: { lockedUntil: new Date(Date.now() - 1_000) } }));
  await reapExpiredLeases();
  expect(await readJob(jobId)).toMatchObject({ status: "PENDING", lockedBy: null });
}

const termTotals = () =>
  withTenantDb(tenant.id, async (db) =>
    (await db.triageModelTerm.groupBy({ by: ["field"], _sum: { count: true }, orderBy: { field: "asc" } })).map((g) => [g.field, g._sum.count]),
  );

beforeAll(async () => {
  tenant = await createTestTenant("learned-jobs");
  await setSettings(tenant, {
    caseCategories: ["Billing", "Access", "Hardware"],
    businessUnits: ["Office", "Field"],
    ai: { enabled: false, triageNewCases: false, autoApply: { category: 0.5, businessUnit: null, priority: null, tags: null } },
  });
  await plantResolvedCases(tenant, 20);
});

describe("learned triage jobs whose runner dies", () => {
  it("a training killed after its first field is finished by another runner, as one training", async () => {
    // What one whole training counts, to compare with.
    await trainTriageModels((fn) => withTenantDb(tenant.id, fn));
    const once = await termTotals();
    await withTenantDb(tenant.id, async (db) => {
      await db.triageModelTerm.deleteMany({ where: { tenantId: tenant.id } });
      await db.triageModel.deleteMany({ where: { tenantId: tenant.id } });
    });

    await cancelOtherTenantsJobs(tenant, [trainTriageModelsForTenantJob.type]);
    const jobId = await enqueue(trainTriageModelsForTenantJob, {}, { tenantId: tenant.id, dedupeKey: TRAIN_DEDUPE_KEY });
    const [claimed] = await claimJobs("doomed-runner", 1, [trainTriageModelsForTenantJob.type], FAST_TIMING);
    expect(claimed?.id).toBe(jobId);
    // The doomed runner trained the category, then died without a word.
    await withTenantDb(tenant.id, async (db) => trainField(db, "category", await loadTenantSettings(db)));
    await killRunnerOf(jobId);

    await runOnly([trainTriageModelsForTenantJob.type]);
    expect(await readJob(jobId)).toMatchObject({ status: "SUCCEEDED" });
    expect(await termTotals()).toEqual(once);
    expect(await withTenantDb(tenant.id, (db) => db.triageModel.count())).toBe(3);
  });

  it("a new case's learned triage whose runner died is done by another runner, its category applied once", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const created = await agent.cases.create({ title: "Refund for a card charge", description: "the invoice shows the payment twice" });
    await cancelOtherTenantsJobs(tenant, [learnedTriageCaseJob.type]);
    const [claimed] = await claimJobs("doomed-runner", 1, [learnedTriageCaseJob.type], FAST_TIMING);
    expect(claimed?.tenantId).toBe(tenant.id);
    await killRunnerOf(claimed!.id);

    await runOnly([learnedTriageCaseJob.type]);
    expect(await readJob(claimed!.id)).toMatchObject({ status: "SUCCEEDED" });
    const detail = await agent.cases.get({ number: created.number });
    expect(detail.category).toBe("Billing");
    const suggestions = await withTenantDb(tenant.id, (db) => db.caseSuggestion.findMany({ where: { caseId: created.id, field: "category" } }));
    expect(suggestions.map((s) => [s.value, s.status])).toEqual([["Billing", "APPLIED"]]);
    const changes = await withTenantDb(tenant.id, (db) => db.caseEvent.findMany({ where: { caseId: created.id, type: "fields_changed" }, select: { to: true } }));
    expect(changes.map((c) => c.to)).toEqual([{ category: "Billing" }]);
  });
});
