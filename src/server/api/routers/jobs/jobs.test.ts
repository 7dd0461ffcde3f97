import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, enqueue, registerJob } from "@/server/jobs";
import { runOnly, uniqueType } from "@/server/jobs/test-kit";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant } from "@/test/factories";

const failing = defineJob({
  type: uniqueType("always-fails"),
  scope: "tenant",
  maxAttempts: 1,
  payload: z.object({ n: z.number() }),
  async handler() {
    throw new Error("the upstream system said no");
  },
});
registerJob(failing);

describe("jobs procedures", () => {
  it("list and get show a tenant its own jobs only, newest first", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const ids = [];
    for (let n = 0; n < 3; n++) ids.push(await enqueue(failing, { n }, { tenantId: a.id, runAt: new Date(Date.now() + 3_600_000) }));
    const bJob = await enqueue(failing, { n: 9 }, { tenantId: b.id, runAt: new Date(Date.now() + 3_600_000) });
    const viewer = await callerFor(a.users.VIEWER, a.slug);
    const page = await viewer.jobs.list({ limit: 2 });
    expect(page.items.map((j) => j.id)).toEqual([ids[2], ids[1]]);
    const next = await viewer.jobs.list({ limit: 2, cursor: page.nextCursor });
    expect(next.items.map((j) => j.id)).toEqual([ids[0]]);
    expect((await viewer.jobs.get({ id: ids[0]! })).payload).toEqual({ n: 0 });
    await expectAppError(viewer.jobs.get({ id: bJob }), "NOT_FOUND");
  });

  it("admins cancel a waiting job and retry a dead one; agents may not", async () => {
    const tenant = await createTestTenant();
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const waiting = await enqueue(failing, { n: 1 }, { tenantId: tenant.id, runAt: new Date(Date.now() + 3_600_000) });
    await expectAppError(agent.jobs.cancel({ id: waiting }), "FORBIDDEN", "PERMISSION_DENIED");
    expect((await admin.jobs.cancel({ id: waiting })).status).toBe("CANCELLED");

    const doomed = await enqueue(failing, { n: 2 }, { tenantId: tenant.id });
    await runOnly([failing.type]);
    const dead = await admin.jobs.get({ id: doomed });
    expect(dead.status).toBe("DEAD");
    expect(dead.lastError).toContain("the upstream system said no");
    expect((await admin.jobs.retry({ id: doomed })).status).toBe("PENDING");

    const audit = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findMany({ where: { tenantId: tenant.id, action: { startsWith: "job." } }, select: { action: true }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit.map((e) => e.action)).toEqual(["job.cancelled", "job.retried"]);
  });
});
