// The learned model's suggestions on real cases: a new case of a tenant with a model gets them from
// a job enqueued with it, applied above the tenant's threshold through the normal update (history
// and all); open cases without a category get suggestions after a training, never applied; and a
// suggestion already there (the AI's, or one a member decided) is left alone.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { enqueue } from "@/server/jobs";
import { cancelOtherTenantsJobs, runOnly } from "@/server/jobs/test-kit";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { plantResolvedCases, setSettings } from "./train-triage-model.test-kit";
import { learnedTriageCaseJob, trainTriageModelsForTenantJob, trainTriageModelsJob } from "./triage-model-jobs";

let tenant: TestTenant;

const suggestionsOf = (caseId: string) =>
  withTenantDb(tenant.id, (db) => db.caseSuggestion.findMany({ where: { caseId }, orderBy: { field: "asc" }, select: { field: true, value: true, status: true, runId: true, reason: true, confidence: true } }));
const learnedJobsOf = (caseId: string) =>
  withPrivilegedDb("test check", (db) => db.job.count({ where: { tenantId: tenant.id, type: learnedTriageCaseJob.type, payload: { equals: { caseId } } } }));

beforeAll(async () => {
  tenant = await createTestTenant("learned");
  await setSettings(tenant, { caseCategories: ["Billing", "Access", "Hardware"], businessUnits: ["Office", "Field"] });
  await plantResolvedCases(tenant, 40);
});

describe("learned suggestions", () => {
  it("are not asked for while the tenant has no model", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const created = await agent.cases.create({ title: "Printer toner is empty", description: "the printer shows a toner warning" });
    expect(await learnedJobsOf(created.id)).toBe(0);
  });

  it("after the nightly training: open cases without a category get suggestions, applied to none", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const open = await agent.cases.create({ title: "Locked out of my account", description: "password reset link fails at login" });
    const decided = await agent.cases.create({ title: "Keyboard and monitor cable", description: "the monitor cable is loose" });
    await withTenantDb(tenant.id, (db) =>
      db.caseSuggestion.create({ data: { tenantId: tenant.id, caseId: decided.id, runId: null, field: "category", value: "Billing", reason: "by hand", confidence: 0.6, status: "DISMISSED" } }),
    );
    await setSettings(tenant, { ai: { enabled: false, triageNewCases: false, autoApply: { category: 0.5, businessUnit: 0.5, priority: null, tags: null } } });
    // The nightly system task finds the tenant (it has resolved cases) and enqueues its training.
    await enqueue(trainTriageModelsJob, {});
    await runOnly([trainTriageModelsJob.type]);
    // It enqueued one for every tenant with resolved cases, other files' too: only this one's runs here.
    const trainings = await withPrivilegedDb("test check", (db) =>
      db.job.findMany({ where: { type: trainTriageModelsForTenantJob.type, status: "PENDING" }, select: { tenantId: true } }),
    ).then((jobs) => jobs.map((j) => j.tenantId));
    await cancelOtherTenantsJobs(tenant, [trainTriageModelsForTenantJob.type]);
    expect(trainings).toContain(tenant.id);
    const summary = await runOnly([trainTriageModelsForTenantJob.type]);
    expect(summary.failed).toBe(0);

    const onOpen = await suggestionsOf(open.id);
    expect(onOpen.map((s) => [s.field, s.value, s.status, s.runId])).toEqual([
      ["businessUnit", "Office", "PENDING", null],
      ["category", "Access", "PENDING", null],
    ]);
    expect(onOpen[1]!.reason).toMatch(/^Learned from \d+ resolved cases: right \d+ % of the time when this sure, \d+ % overall$/);
    // Suggestions only: the case itself is as it was.
    const detail = await agent.cases.get({ number: open.number });
    expect(detail).toMatchObject({ category: null, businessUnit: null });
    // A member's decision stands; the business unit, undecided, is suggested.
    expect((await suggestionsOf(decided.id)).map((s) => [s.field, s.value, s.status])).toEqual([
      ["businessUnit", "Field", "PENDING"],
      ["category", "Billing", "DISMISSED"],
    ]);
  });

  it("a new case gets them from a job enqueued with it, applied above the threshold with the case's history", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const created = await agent.cases.create({ title: "Refund for a double card charge", description: "the invoice shows the payment twice", priority: "HIGH" });
    expect(await learnedJobsOf(created.id)).toBe(1);
    await cancelOtherTenantsJobs(tenant, [learnedTriageCaseJob.type]);
    expect((await runOnly([learnedTriageCaseJob.type])).failed).toBe(0);

    const stored = await suggestionsOf(created.id);
    // Priority: the model says NORMAL for billing words, the member chose HIGH, and priority has no threshold.
    expect(stored.map((s) => [s.field, s.value, s.status])).toEqual([
      ["businessUnit", "Office", "APPLIED"],
      ["category", "Billing", "APPLIED"],
      ["priority", "NORMAL", "PENDING"],
    ]);
    const detail = await agent.cases.get({ number: created.number });
    expect(detail).toMatchObject({ category: "Billing", businessUnit: "Office", priority: "HIGH" });
    const timeline = await agent.cases.timeline({ caseId: created.id, limit: 50 });
    expect(JSON.stringify(timeline.items)).toContain("Billing");
  });

  it("a case the member already classified gets no category or business unit suggestion", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const created = await agent.cases.create({ title: "Printer jammed again", description: "toner everywhere", category: "Hardware", businessUnit: "Field" });
    await cancelOtherTenantsJobs(tenant, [learnedTriageCaseJob.type]);
    await runOnly([learnedTriageCaseJob.type]);
    expect((await suggestionsOf(created.id)).map((s) => s.field)).toEqual([]);
  });
});
