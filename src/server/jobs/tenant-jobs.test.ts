import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { currentContext } from "@/server/context/request-context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { defineJob } from "./define";
import { cancelJob, enqueue } from "./queue";
import { registerJob } from "./registry";
import { readJob, runOnly, uniqueType } from "./test-kit";

let a: TestTenant;
let b: TestTenant;

async function addCases(tenant: TestTenant, n: number) {
  await withPrivilegedDb("test fixture", async (db) => {
    for (let i = 0; i < n; i++) await db.case.create({ data: { tenantId: tenant.id, title: `Case ${i} of ${tenant.slug}` } });
  });
}

/** What a handler can see from inside its job. */
async function observe(db: {
  case: { count(): Promise<number> };
  $queryRaw<T>(query: TemplateStringsArray): Promise<T>;
}) {
  const [raw] = await db.$queryRaw<{ cases: number; jobs: number; role: string }[]>`
    SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM jobs) AS jobs, current_user::text AS role`;
  const ctx = currentContext();
  return { cases: await db.case.count(), raw, tenant: ctx?.tenant, requestId: ctx?.requestId, actor: ctx?.actor };
}

const seeing = registerJob(
  defineJob({
    type: uniqueType("tenant-sees"),
    scope: "tenant",
    payload: z.object({}),
    handler: async (_p, { db }) => observe(db),
  }),
);
const seeingPerCall = registerJob(
  defineJob({
    type: uniqueType("tenant-sees-per-call"),
    scope: "tenant",
    transaction: "per-call",
    payload: z.object({}),
    handler: async (_p, { withDb }) => withDb((db) => observe(db)),
  }),
);

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("jobs-a"), createTestTenant("jobs-b")]);
  await addCases(a, 2);
  await addCases(b, 3);
});

describe("tenant jobs", () => {
  it("run as their tenant: RLS shows only its rows, and the context names the tenant and the job", async () => {
    // Enqueued inside a tenant transaction, as a procedure would: the job commits with it.
    const idA = await withTenantDb(a.id, (db) => enqueue(seeing, {}, { db }));
    const idB = await enqueue(seeing.type, {}, { tenantId: b.id });
    await enqueue(seeingPerCall, {}, { tenantId: a.id });
    expect(await runOnly([seeing.type, seeingPerCall.type])).toMatchObject({ succeeded: 3 });

    const jobA = await readJob(idA);
    expect(jobA.tenantId).toBe(a.id);
    expect(jobA.result).toEqual({
      cases: 2,
      // Raw SQL bypasses the tenancy extension: the policies alone keep B's rows (and system jobs) out.
      raw: { cases: 2, jobs: 2, role: "caseboard_app" },
      tenant: { id: a.id, slug: a.slug },
      requestId: `job-${idA}`,
      actor: { type: "system", id: `job:${seeing.type}` },
    });
    expect((await readJob(idB)).result).toMatchObject({ cases: 3, raw: { cases: 3, jobs: 1 }, tenant: { id: b.id, slug: b.slug } });
    const perCall = await withPrivilegedDb("test check", (db) =>
      db.job.findFirstOrThrow({ where: { type: seeingPerCall.type, tenantId: a.id } }),
    );
    expect(perCall.result).toMatchObject({ cases: 2, raw: { cases: 2, role: "caseboard_app" }, tenant: { id: a.id } });
  });

  it("a tenant sees, cancels and enqueues only its own jobs", async () => {
    const idB = await enqueue(seeing, {}, { tenantId: b.id, runAt: new Date(Date.now() + 60_000) });
    await withTenantDb(a.id, async (db) => {
      expect(await db.job.findUnique({ where: { id: idB } })).toBeNull();
      expect((await db.job.findMany({ select: { tenantId: true } })).every((j) => j.tenantId === a.id)).toBe(true);
      await expect(cancelJob(idB, { db })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(enqueue(seeing, {}, { db, tenantId: b.id })).rejects.toThrow(/another tenant/);
    });
    expect((await readJob(idB)).status).toBe("PENDING");
    await expect(withTenantDb(a.id, () => enqueue(seeing, {}))).rejects.toThrow(/pass its db/);
    await expect(enqueue(seeing, {})).rejects.toThrow(/tenant job/);
    await withTenantDb(b.id, (db) => cancelJob(idB, { db }));
    expect((await readJob(idB)).status).toBe("CANCELLED");
  });

  it("a system job cannot be seen or made from a tenant transaction", async () => {
    const type = registerJob(defineJob({ type: uniqueType("system-only"), scope: "system", payload: z.object({}), async handler() {} })).type;
    const id = await enqueue(type, {});
    await withTenantDb(a.id, async (db) => {
      expect(await db.job.findUnique({ where: { id } })).toBeNull();
      await expect(enqueue(type, {}, { db })).rejects.toThrow(/system job/);
      // Even around the checks above, the database refuses a tenant-less row from caseboard_app.
      await expect(db.$executeRaw`INSERT INTO jobs (id, type, updated_at) VALUES (gen_random_uuid(), ${type}, now())`).rejects.toThrow(
        /row-level security/,
      );
    });
    await cancelJob(id);
  });

  it("goes with its tenant: a deleted tenant's queued jobs are deleted with it and never run", async () => {
    const ghost = await createTestTenant("jobs-ghost");
    const id = await enqueue(seeing, {}, { tenantId: ghost.id });
    await withPrivilegedDb("test: delete tenant", (db) => db.tenant.delete({ where: { id: ghost.id } }));
    // The foreign key from jobs to tenants cascades, so no runner can claim a job of a tenant that is gone.
    expect(await withPrivilegedDb("test check", (db) => db.job.findUnique({ where: { id } }))).toBeNull();
    expect(await runOnly([seeing.type])).toMatchObject({ succeeded: 0, dead: 0 });
  });
});
