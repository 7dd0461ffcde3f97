// Trending topics through the procedures: every member reads them, only admins recompute, a
// recompute is one job per tenant however often it is asked for, and the job (and the hourly
// fan-out) computes the tenant's topics.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { enqueue } from "@/server/jobs";
import { computeTrendingJob } from "@/server/jobs/tasks/compute-trending";
import { cancelOtherTenantsJobs, readJob, runOnly } from "@/server/jobs/test-kit";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { printerSurge, seedCases } from "@/test/trending-fixtures";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTestTenant("insights");
  await seedCases(tenant, printerSurge(12));
});

const as = (role: "VIEWER" | "AGENT" | "ADMIN") => callerFor(tenant.users[role], tenant.slug);
const waitingJobs = () =>
  withPrivilegedDb("test read", (db) => db.job.findMany({ where: { tenantId: tenant.id, type: "insights.trending-tenant", status: { in: ["PENDING", "RUNNING"] } } }));

describe("insights.trending", () => {
  it("is empty before the first computation, for every role", async () => {
    for (const role of ["VIEWER", "AGENT", "ADMIN"] as const) {
      expect(await (await as(role)).insights.trending()).toEqual({ run: null, topics: [] });
    }
    await expectAppError((await as("AGENT")).insights.trendingTopic({ term: "printer jam" }), "NOT_FOUND");
  });

  it("recomputes for admins only, one job however often asked, which computes the topics", async () => {
    await expectAppError((await as("AGENT")).insights.recomputeTrending(), "FORBIDDEN");
    const admin = await as("ADMIN");
    const first = await admin.insights.recomputeTrending();
    const second = await admin.insights.recomputeTrending();
    expect(second.jobId).toBe(first.jobId);
    expect(await waitingJobs()).toHaveLength(1);

    await runOnly(["insights.trending-tenant"]);
    expect(await readJob(first.jobId)).toMatchObject({ status: "SUCCEEDED" });
    const viewer = await as("VIEWER");
    const list = await viewer.insights.trending();
    expect(list.run).toMatchObject({ cases: 12 });
    expect(list.topics[0]).toMatchObject({ term: "printer jam", label: "printer jammed", cases: 12 });
    const topic = await viewer.insights.trendingTopic({ term: "printer jam" });
    expect(topic.topic.samples).toHaveLength(10);
    expect(topic.topic.samples.every((s) => typeof s.number === "number" && s.title.toLowerCase().includes("printer jammed"))).toBe(true);
  });

  it("answers scripts with an API key", async () => {
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "VIEWER" }));
    expect((await key.insights.trending()).topics.length).toBeGreaterThan(0);
  });

  it("the hourly task enqueues a computation for a tenant with new cases", async () => {
    await withPrivilegedDb("test fixture", (db) => db.job.deleteMany({ where: { tenantId: tenant.id, type: "insights.trending-tenant" } }));
    await enqueue(computeTrendingJob, {});
    await runOnly(["insights.trending"]);
    expect(await waitingJobs()).toHaveLength(1);
    // The fan-out enqueued one for every tenant with new cases, other files' tenants included.
    await cancelOtherTenantsJobs(tenant, ["insights.trending-tenant"]);
    await runOnly(["insights.trending-tenant"]);
    expect(await waitingJobs()).toHaveLength(0);
  });
});
