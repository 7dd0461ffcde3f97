// The learned triage model's procedures through the real middleware chain: an agent asks what a
// text being written would be, an admin reads the models and asks for a training (one at a time),
// a viewer and an agent are refused what is not theirs, and bad input gets field errors.
import { beforeAll, describe, expect, it } from "vitest";
import { withTenantDb } from "@/server/db/tenant-db";
import { cancelOtherTenantsJobs, runOnly } from "@/server/jobs/test-kit";
import { trainTriageModelsForTenantJob } from "@/server/services/triage-model/triage-model-jobs";
import { plantResolvedCases, setSettings } from "@/server/services/triage-model/train-triage-model.test-kit";
import { trainTriageModels } from "@/server/services/triage-model/train-triage-model";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant("learned-api");
  await setSettings(tenant, { caseCategories: ["Billing", "Access", "Hardware"], businessUnits: ["Office", "Field"] });
  await plantResolvedCases(tenant, 30);
});

describe("ai.learnedTriage / ai.triageModels / ai.trainTriageModels", () => {
  it("suggests nothing before a model exists; an admin's training makes one, listed with its accuracy", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    expect(await agent.ai.learnedTriage({ title: "Printer toner", description: "" })).toEqual({ items: [] });
    expect(await admin.ai.triageModels()).toEqual({ items: [], training: null });

    const { jobId } = await admin.ai.trainTriageModels();
    // Asking again while it waits is the same training.
    expect(await admin.ai.trainTriageModels()).toEqual({ jobId });
    expect((await admin.ai.triageModels()).training).toEqual({ jobId, status: "PENDING" });
    await cancelOtherTenantsJobs(tenant, [trainTriageModelsForTenantJob.type]);
    await runOnly([trainTriageModelsForTenantJob.type]);

    const models = await admin.ai.triageModels();
    expect(models.training).toBeNull();
    expect(models.items.map((m) => m.field)).toEqual(["category", "businessUnit", "priority"]);
    const category = models.items[0]!;
    expect(category.examples + category.heldOut).toBe(90);
    expect(category.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(category.values.map((v) => v.value).sort()).toEqual(["Access", "Billing", "Hardware"]);
    expect(category.calibration.map((c) => c.atLeast)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 0.95]);

    const suggested = await agent.ai.learnedTriage({ title: "My printer is jammed", description: "toner on the keyboard and the monitor" });
    expect(suggested.items.find((s) => s.field === "category")).toMatchObject({ value: "Hardware", examples: category.examples });
    expect(suggested.items.find((s) => s.field === "businessUnit")).toMatchObject({ value: "Field" });
    for (const s of suggested.items) expect(s.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it("refuses a viewer the suggestions and an agent the models and the training", async () => {
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expectAppError(viewer.ai.learnedTriage({ title: "printer" }), "FORBIDDEN");
    await expectAppError(agent.ai.triageModels(), "FORBIDDEN");
    await expectAppError(agent.ai.trainTriageModels(), "FORBIDDEN");
  });

  it("answers a description longer than it reads, or a NUL, with a field error", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const tooLong = await expectAppError(agent.ai.learnedTriage({ title: "x", description: "a".repeat(1001) }), "BAD_REQUEST");
    expect(tooLong.details).toMatchObject({ fieldErrors: { description: [expect.stringContaining("1,000")] } });
    const nul = await expectAppError(agent.ai.learnedTriage({ title: "a\u0000b" }), "BAD_REQUEST");
    expect(nul.details).toMatchObject({ fieldErrors: { title: [expect.any(String)] } });
  });

  it("a text of stop words or numbers only is no suggestion, and a retraining replaces the counts whole", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const suggested = await agent.ai.learnedTriage({ title: "the and of 12345", description: "" });
    // No known word: the priors alone, about one in three per category, below the suggestion floor.
    expect(suggested.items.filter((s) => s.field === "category")).toEqual([]);
    const before = await withTenantDb(tenant.id, (db) => db.triageModelTerm.aggregate({ where: { field: "category" }, _sum: { count: true } }));
    await trainTriageModels((fn) => withTenantDb(tenant.id, fn));
    const after = await withTenantDb(tenant.id, (db) => db.triageModelTerm.aggregate({ where: { field: "category" }, _sum: { count: true } }));
    expect(after._sum.count).toBe(before._sum.count);
  });
});
