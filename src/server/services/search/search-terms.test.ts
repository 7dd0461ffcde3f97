// The vocabulary typos are corrected against: rebuilt hourly for the tenants whose cases changed
// (or that have cases and no vocabulary yet), from their own cases only, without numbers,
// addresses or words too short for a trigram.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { enqueue } from "@/server/jobs";
import { claimJobs, reapExpiredLeases } from "@/server/jobs/lease";
import { cancelOtherTenantsJobs, FAST_TIMING, readJob, runOnly } from "@/server/jobs/test-kit";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { rebuildSearchTerms, rebuildSearchTermsForTenantJob, rebuildSearchTermsJob } from "./search-terms";

let tenant: TestTenant;
let quiet: TestTenant;

const terms = (t: TestTenant) => withTenantDb(t.id, (db) => db.searchTerm.findMany({ orderBy: { term: "asc" }, select: { term: true, cases: true } }));
const pendingFor = (t: TestTenant) =>
  withPrivilegedDb("test read", (db) => db.job.count({ where: { tenantId: t.id, type: rebuildSearchTermsForTenantJob.type, status: "PENDING" } }));

beforeAll(async () => {
  [tenant, quiet] = await Promise.all([createTestTenant("terms"), createTestTenant("terms-quiet")]);
  const agent = await callerFor(tenant.users.AGENT, tenant.slug);
  await agent.cases.create({ title: "Printers jammed on floor 2", description: "Invoice 4411 went to bob@example.com" });
  await agent.cases.create({ title: "Printer jammed again", description: "" });
  const other = await callerFor(quiet.users.AGENT, quiet.slug);
  await other.cases.create({ title: "Zebrafish tank", description: "" });
  // The quiet tenant's vocabulary is built, and its case is older than the last hour.
  await withTenantDb(quiet.id, rebuildSearchTerms);
  await withPrivilegedDb("test fixture", (db) => db.case.updateMany({ where: { tenantId: quiet.id }, data: { updatedAt: new Date(Date.now() - 3 * 3_600_000) } }));
});

describe("the search vocabulary", () => {
  it("is rebuilt hourly for the tenants whose cases changed, from their own words", async () => {
    await enqueue(rebuildSearchTermsJob, {});
    await runOnly([rebuildSearchTermsJob.type]);
    expect(await pendingFor(tenant)).toBe(1);
    // Nothing changed there, and it has a vocabulary: not rebuilt.
    expect(await pendingFor(quiet)).toBe(0);

    await cancelOtherTenantsJobs(tenant, [rebuildSearchTermsForTenantJob.type]);
    await runOnly([rebuildSearchTermsForTenantJob.type]);
    expect(await pendingFor(tenant)).toBe(0);
    const words = await terms(tenant);
    // English stems ("printers" is "printer", "jammed" "jam"); counted per case.
    expect(words).toContainEqual({ term: "printer", cases: 2 });
    expect(words).toContainEqual({ term: "jam", cases: 2 });
    expect(words).toContainEqual({ term: "invoic", cases: 1 });
    // No numbers, addresses, words under three letters, or another tenant's words.
    expect(words.map((w) => w.term).filter((w) => /\d|@|\./.test(w) || w.length < 3)).toEqual([]);
    expect(words.map((w) => w.term)).not.toContain("zebrafish");
  });

  it("replaces the old vocabulary: words no longer in any case are gone", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const created = await agent.cases.create({ title: "Quokka sighting", description: "" });
    await withTenantDb(tenant.id, rebuildSearchTerms);
    expect((await terms(tenant)).map((w) => w.term)).toContain("quokka");
    await agent.cases.update({ id: created.id, version: created.version, title: "Wombat sighting" });
    await withTenantDb(tenant.id, rebuildSearchTerms);
    const words = (await terms(tenant)).map((w) => w.term);
    expect(words).toContain("wombat");
    expect(words).not.toContain("quokka");
  });

  it("a rebuild whose runner died is done by another runner, once: the vocabulary is whole", async () => {
    const before = await terms(tenant);
    await cancelOtherTenantsJobs(tenant, [rebuildSearchTermsForTenantJob.type]);
    const jobId = await enqueue(rebuildSearchTermsForTenantJob, {}, { tenantId: tenant.id });
    const [claimed] = await claimJobs("doomed-runner", 1, [rebuildSearchTermsForTenantJob.type], FAST_TIMING);
    expect(claimed?.id).toBe(jobId);
    // The runner dies without a word: its lease runs out and is reaped.
    await withPrivilegedDb("test fixture", (db) => db.job.update({ where: { id: jobId }, data: { lockedUntil: new Date(Date.now() - 1_000) } }));
    await reapExpiredLeases();

    await runOnly([rebuildSearchTermsForTenantJob.type]);
    expect(await readJob(jobId)).toMatchObject({ status: "SUCCEEDED", result: { terms: before.length } });
    // One transaction per attempt: the same words, each counted once.
    expect(await terms(tenant)).toEqual(before);
  });

  it("rebuilds of one tenant at the same moment (the hourly job and a reindex) both succeed, one after the other", async () => {
    const before = await terms(tenant);
    // Without the per-tenant lock the later DELETE misses the earlier one's uncommitted rows and
    // its INSERT collides with them (23505 on search_terms' key).
    const counts = await Promise.all(Array.from({ length: 4 }, () => withTenantDb(tenant.id, rebuildSearchTerms)));
    expect(counts).toEqual(Array(4).fill(before.length));
    expect(await terms(tenant)).toEqual(before);
  });
});
