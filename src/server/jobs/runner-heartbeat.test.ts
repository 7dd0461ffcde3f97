// A runner tick records that a runner was seen; the jobs page's procedure reports "stale" once
// no runner has been seen for a minute (the warning that waiting jobs will not start).
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { callerFor, createTestTenant } from "@/test/factories";
import { runnerStatus, RUNNER_STALE_AFTER_MS } from "./runner-heartbeat";
import { runOnly } from "./test-kit";

/** As if every runner had stopped `ms` ago. */
const allRunnersLastSeen = (ms: number) =>
  withPrivilegedDb("test fixture", (db) => db.jobRunner.updateMany({ where: { id: { not: "" } }, data: { lastSeenAt: new Date(Date.now() - ms) } }));

describe("job runner heartbeat", () => {
  it("is recorded by a runner tick, and reported stale after a minute without one", async () => {
    const tenant = await createTestTenant();
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);

    await runOnly([]);
    const fresh = await viewer.jobs.runnerStatus();
    expect(fresh.stale).toBe(false);
    expect(Date.now() - fresh.lastSeenAt!.getTime()).toBeLessThan(RUNNER_STALE_AFTER_MS);

    await allRunnersLastSeen(2 * 60_000);
    expect(await viewer.jobs.runnerStatus()).toEqual({ lastSeenAt: expect.any(Date), stale: true });

    // The next tick, whichever runner makes it, clears the warning.
    await runOnly([]);
    expect((await viewer.jobs.runnerStatus()).stale).toBe(false);
  });

  it("turns stale exactly when a minute has passed (injectable clock), and with no runner ever seen", async () => {
    const tenant = await createTestTenant();
    await runOnly([]);
    const seen = (await withTenantDb(tenant.id, (db) => runnerStatus(db))).lastSeenAt!;
    const at = (ms: number) => withTenantDb(tenant.id, (db) => runnerStatus(db, new Date(seen.getTime() + ms)));
    expect((await at(RUNNER_STALE_AFTER_MS)).stale).toBe(false);
    expect((await at(RUNNER_STALE_AFTER_MS + 1)).stale).toBe(true);
    expect(await runnerStatus({ $queryRaw: (async () => [{ last: null }]) as never })).toEqual({ lastSeenAt: null, stale: true });
  });

  it("lets tenants read when runners were seen, and nothing else of them", async () => {
    const tenant = await createTestTenant();
    await runOnly([]);
    await expect(withTenantDb(tenant.id, (db) => db.$queryRaw`SELECT id FROM job_runners`)).rejects.toThrow(/permission denied/);
    await expect(withTenantDb(tenant.id, (db) => db.$executeRaw`DELETE FROM job_runners`)).rejects.toThrow(/permission denied/);
  });
});
