// The query extension is the first line of isolation. These tests hold it to its contract twice:
// through withTenantDb (as procedures use it), and on its own, on a connection that bypasses
// row-level security, so any filtering seen there is the extension's alone.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { tenantOwnedSchemaModels } from "@/test/prisma-schema";
import { snapshotTenant } from "@/test/tenant-snapshot";
import { getDatabase } from "./database";
import { withPrivilegedDb } from "./privileged-db";
import { TENANT_OWNED_MODELS, TenancyViolation, tenancyExtension } from "./tenancy-extension";
import { withTenantDb } from "./tenant-db";
import { currentTenantId, requireTenantId, tenantScope } from "./tenant-scope";

let a: TestTenant;
let b: TestTenant;
let aCaseIds: string[];
let bCaseIds: string[];

let fixture: Promise<void> | undefined;
/**
 * Two tenants with cases, made once per run by the first test that needs them. Made inside a test
 * rather than in a hook: when the code under test breaks, the tests fail instead of being skipped.
 */
function setUp(): Promise<void> {
  fixture ??= (async () => {
    [a, b] = await Promise.all([createTestTenant("ext-a"), createTestTenant("ext-b")]);
    aCaseIds = (await createTestCases(a, ["A one", "A two"])).map((c) => c.id);
    bCaseIds = (await createTestCases(b, ["B one", "B two", "B three"])).map((c) => c.id);
  })();
  return fixture;
}
// The first test to run also builds the fixture.
const FIXTURE_TIMEOUT = { timeout: 120_000 };

describe("TENANT_OWNED_MODELS", () => {
  it("names exactly the models of schema.prisma that have a tenantId field", () => {
    const fromSchema = tenantOwnedSchemaModels().map((m) => m.name).sort();
    expect(fromSchema.length).toBeGreaterThan(0);
    expect([...TENANT_OWNED_MODELS].sort()).toEqual(fromSchema);
  });
});

describe("tenancy extension inside withTenantDb", FIXTURE_TIMEOUT, () => {
  it("refuses a create that names another tenant, by id or by relation", async () => {
    await setUp();
    const before = await snapshotTenant(b.id);
    await expect(withTenantDb(a.id, (db) => db.case.create({ data: { tenantId: b.id, title: "planted" } }))).rejects.toThrow(
      TenancyViolation,
    );
    await expect(
      withTenantDb(a.id, (db) =>
        // The relation form is not in the unchecked create type, which is the point: it must not work either.
        db.case.create({ data: { title: "planted", tenant: { connect: { id: b.id } } } as never }),
      ),
    ).rejects.toThrow(TenancyViolation);
    await expect(
      withTenantDb(a.id, (db) => db.case.createMany({ data: [{ tenantId: a.id, title: "fine" }, { tenantId: b.id, title: "planted" }] })),
    ).rejects.toThrow(TenancyViolation);
    await expect(
      withTenantDb(a.id, (db) =>
        db.case.upsert({ where: { tenantId_id: { tenantId: b.id, id: bCaseIds[0]! } }, create: { tenantId: b.id, title: "planted" }, update: { title: "planted" } }),
      ),
    ).rejects.toThrow(TenancyViolation);
    expect(await snapshotTenant(b.id)).toEqual(before);
  });

  it("stamps the tenant on a create that names none", async () => {
    await setUp();
    // The generated type demands tenantId; code that forgets it must still land in the right tenant.
    const created = await withTenantDb(a.id, (db) => db.case.create({ data: { title: "stamped" } as never }));
    expect(created.tenantId).toBe(a.id);
  });

  it("refuses updateMany and deleteMany with an empty filter", async () => {
    await setUp();
    const before = await snapshotTenant(a.id);
    for (const where of [undefined, {}]) {
      await expect(withTenantDb(a.id, (db) => db.case.updateMany({ where, data: { title: "all of them" } }))).rejects.toThrow(
        /empty filter/,
      );
      await expect(withTenantDb(a.id, (db) => db.case.deleteMany({ where }))).rejects.toThrow(/empty filter/);
      await expect(withTenantDb(a.id, (db) => db.case.updateManyAndReturn({ where, data: { title: "all" } }))).rejects.toThrow(
        /empty filter/,
      );
    }
    expect(await snapshotTenant(a.id)).toEqual(before);
  });

  it("refuses to move a row to another tenant", async () => {
    await setUp();
    await expect(
      withTenantDb(a.id, (db) => db.case.update({ where: { tenantId_id: { tenantId: a.id, id: aCaseIds[0]! } }, data: { tenantId: b.id } })),
    ).rejects.toThrow(TenancyViolation);
    await expect(
      withTenantDb(a.id, (db) => db.case.updateMany({ where: { id: { in: aCaseIds } }, data: { tenantId: b.id } })),
    ).rejects.toThrow(TenancyViolation);
  });

  it("keeps the Tenant model to the current tenant: no create or delete, and another tenant's id finds nothing", async () => {
    await setUp();
    await expect(withTenantDb(a.id, (db) => db.tenant.create({ data: { name: "x", slug: `x-${Date.now()}` } }))).rejects.toThrow(
      TenancyViolation,
    );
    await expect(withTenantDb(a.id, (db) => db.tenant.delete({ where: { id: a.id } }))).rejects.toThrow(TenancyViolation);
    const seen = await withTenantDb(a.id, async (db) => ({
      all: (await db.tenant.findMany({ select: { id: true } })).map((t) => t.id),
      other: await db.tenant.findUnique({ where: { id: b.id }, select: { id: true } }),
      bySlug: await db.tenant.findUnique({ where: { slug: b.slug }, select: { id: true } }),
    }));
    expect(seen).toEqual({ all: [a.id], other: null, bySlug: null });

    // Naming B must not quietly act on A instead.
    const before = await snapshotTenant(a.id);
    await expect(withTenantDb(a.id, (db) => db.tenant.update({ where: { id: b.id }, data: { name: "Renamed" } }))).rejects.toMatchObject({
      code: "P2025",
    });
    expect(await snapshotTenant(a.id)).toEqual(before);
  });

  it("a unique lookup keyed by the tenant column itself finds nothing for another tenant", async () => {
    await setUp();
    const before = await snapshotTenant(a.id);
    const seen = await withTenantDb(a.id, async (db) => ({
      own: (await db.caseCounter.findUnique({ where: { tenantId: a.id } }))?.lastNumber,
      other: await db.caseCounter.findUnique({ where: { tenantId: b.id } }),
    }));
    expect(seen).toEqual({ own: before.rows.caseCounter![0]!.lastNumber, other: null });
    await expect(
      withTenantDb(a.id, (db) => db.caseCounter.update({ where: { tenantId: b.id }, data: { lastNumber: 0 } })),
    ).rejects.toMatchObject({ code: "P2025" });
    expect(await snapshotTenant(a.id)).toEqual(before);
  });

  it("cannot be nested, and keeps privileged access out of a tenant transaction", async () => {
    await setUp();
    await expect(withTenantDb(a.id, () => withTenantDb(b.id, async () => "inner ran"))).rejects.toThrow(/cannot be nested/);
    await expect(withTenantDb(a.id, () => withPrivilegedDb("sneaky", async () => "privileged ran"))).rejects.toThrow(
      /inside a tenant transaction/,
    );
  });

  it("names the current tenant only inside its transaction", async () => {
    await setUp();
    expect(currentTenantId()).toBeUndefined();
    expect(() => requireTenantId()).toThrow("requireTenantId called outside a tenant transaction");
    expect(await withTenantDb(a.id, async () => [currentTenantId(), requireTenantId()])).toEqual([a.id, a.id]);
  });

  it("ends a transaction that outlives its timeout", async () => {
    await setUp();
    const slow = (db: Parameters<Parameters<typeof withTenantDb>[1]>[0]) =>
      new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => db.case.count());
    await expect(withTenantDb(a.id, slow, { timeoutMs: 300 })).rejects.toThrow(/timeout|expired|closed/i);
    // Without one, the request timeout applies (20 s by default), far above Prisma's own 5 s.
    expect(await withTenantDb(a.id, slow)).toBeGreaterThan(0);
  });

  it("a tenant client kept after its transaction cannot be used", async () => {
    await setUp();
    let leaked: Parameters<Parameters<typeof withTenantDb>[1]>[0] | undefined;
    await withTenantDb(a.id, async (db) => {
      leaked = db;
    });
    await expect(leaked!.case.findMany({ select: { id: true } })).rejects.toThrow();
  });
});

describe("tenancy extension alone (row-level security bypassed)", FIXTURE_TIMEOUT, () => {
  /** The extended client on the connecting role, with A as the current tenant. */
  async function asTenantWithoutRls<T>(tenantId: string, fn: (db: ReturnType<typeof extended>) => Promise<T>): Promise<T> {
    const { prisma } = await getDatabase();
    // Awaited inside the scope: a Prisma query runs when awaited, not when built.
    return tenantScope.run({ tenantId, beforeCommit: [], afterCommit: [] }, async () => await fn(extended(prisma)));
  }
  const extended = (prisma: Awaited<ReturnType<typeof getDatabase>>["prisma"]) => prisma.$extends(tenancyExtension);

  beforeAll(async () => {
    await setUp();
    const { prisma } = await getDatabase();
    const [role] = await prisma.$queryRaw<{ bypasses: boolean }[]>`
      SELECT rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user`;
    // Only a connecting role that bypasses RLS shows what the extension does by itself.
    if (!role?.bypasses) throw new Error("these tests need a connecting role that bypasses row-level security");
    expect(await prisma.case.count({ where: { id: { in: bCaseIds } } })).toBe(bCaseIds.length);
  });

  it("filters reads to the current tenant", async () => {
    await setUp();
    const seen = await asTenantWithoutRls(a.id, async (db) => ({
      list: (await db.case.findMany({ where: { id: { in: [...aCaseIds, ...bCaseIds] } }, select: { id: true } })).map((c) => c.id).sort(),
      unique: await db.case.findUnique({ where: { tenantId_id: { tenantId: b.id, id: bCaseIds[0]! } }, select: { id: true } }),
      first: await db.case.findFirst({ where: { tenantId: b.id }, select: { id: true } }),
      count: await db.case.count({ where: { id: { in: bCaseIds } } }),
      groups: (await db.case.groupBy({ by: ["tenantId"], where: { id: { in: [...aCaseIds, ...bCaseIds] } } })).map((g) => g.tenantId),
      audit: await db.auditEvent.count({ where: { tenantId: b.id } }),
    }));
    expect(seen).toEqual({ list: [...aCaseIds].sort(), unique: null, first: null, count: 0, groups: [a.id], audit: 0 });
  });

  it("filters writes to the current tenant", async () => {
    await setUp();
    const before = await snapshotTenant(b.id);
    const result = await asTenantWithoutRls(a.id, async (db) => ({
      updated: (await db.case.updateMany({ where: { id: { in: bCaseIds } }, data: { title: "hijacked" } })).count,
      deleted: (await db.case.deleteMany({ where: { id: { in: bCaseIds } } })).count,
      update: await db.case.update({ where: { tenantId_id: { tenantId: b.id, id: bCaseIds[0]! } }, data: { title: "hijacked" } }).then(
        () => "updated",
        (error: { code?: string }) => error.code,
      ),
      delete: await db.case.delete({ where: { tenantId_id: { tenantId: b.id, id: bCaseIds[0]! } } }).then(
        () => "deleted",
        (error: { code?: string }) => error.code,
      ),
    }));
    expect(result).toEqual({ updated: 0, deleted: 0, update: "P2025", delete: "P2025" });
    expect(await snapshotTenant(b.id)).toEqual(before);
  });

  it("filters the OrThrow reads, aggregate and updateManyAndReturn to the current tenant", async () => {
    await setUp();
    const before = await snapshotTenant(b.id);
    const code = (p: Promise<unknown>) => p.then(() => "found", (error: { code?: string }) => error.code ?? String(error));
    const seen = await asTenantWithoutRls(a.id, async (db) => ({
      uniqueOrThrow: await code(db.case.findUniqueOrThrow({ where: { tenantId_id: { tenantId: b.id, id: bCaseIds[0]! } } })),
      firstOrThrow: await code(db.case.findFirstOrThrow({ where: { id: bCaseIds[0]! } })),
      ownUniqueOrThrow: (await db.case.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.id, id: aCaseIds[0]! } }, select: { id: true } })).id,
      ownFirstOrThrow: (await db.case.findFirstOrThrow({ where: { id: aCaseIds[1]! }, select: { id: true } })).id,
      aggregate: (await db.case.aggregate({ where: { id: { in: bCaseIds } }, _count: { _all: true } }))._count._all,
      returned: await db.case.updateManyAndReturn({ where: { id: { in: bCaseIds } }, data: { title: "hijacked" } }),
    }));
    expect(seen).toEqual({
      uniqueOrThrow: "P2025",
      firstOrThrow: "P2025",
      ownUniqueOrThrow: aCaseIds[0],
      ownFirstOrThrow: aCaseIds[1],
      aggregate: 0,
      returned: [],
    });
    expect(await snapshotTenant(b.id)).toEqual(before);
  });

  it("an upsert naming another tenant's row leaves it alone and creates the current tenant's row instead", async () => {
    await setUp();
    const before = await snapshotTenant(b.id);
    const upserted = await asTenantWithoutRls(a.id, (db) =>
      db.case.upsert({ where: { tenantId_id: { tenantId: b.id, id: bCaseIds[0]! } }, create: { title: "upserted" } as never, update: { title: "hijacked" } }),
    );
    expect(upserted).toMatchObject({ tenantId: a.id, title: "upserted" });
    expect(upserted.id).not.toBe(bCaseIds[0]);
    expect(await snapshotTenant(b.id)).toEqual(before);
  });

  it("keeps the caller's own AND conditions on a unique lookup, as an object or a list", async () => {
    await setUp();
    const [id] = aCaseIds as [string];
    const title = (await withPrivilegedDb("test check", (db) => db.case.findFirstOrThrow({ where: { id } }))).title;
    const seen = await asTenantWithoutRls(a.id, async (db) => ({
      objectMiss: await db.case.findUnique({ where: { tenantId_id: { tenantId: a.id, id }, AND: { title: "not this title" } }, select: { id: true } }),
      listMiss: await db.case.findUnique({ where: { tenantId_id: { tenantId: a.id, id }, AND: [{ title: { not: title } }] }, select: { id: true } }),
      objectHit: (await db.case.findUnique({ where: { tenantId_id: { tenantId: a.id, id }, AND: { title } }, select: { id: true } }))?.id,
      listHit: (await db.case.findUnique({ where: { tenantId_id: { tenantId: a.id, id }, AND: [{ title }, { tenantId: a.id }] }, select: { id: true } }))?.id,
    }));
    expect(seen).toEqual({ objectMiss: null, listMiss: null, objectHit: id, listHit: id });
  });

  it("stamps creates of every kind, accepts the current tenant named explicitly, and refuses another", async () => {
    await setUp();
    // Unique per run: the database outlives one run of this file.
    const single = `single object ${Date.now()} ${Math.random()}`;
    const made = await asTenantWithoutRls(a.id, async (db) => ({
      named: (await db.case.create({ data: { tenantId: a.id, title: "named own" } })).tenantId,
      single: (await db.case.createMany({ data: { title: single } as never })).count,
      returned: (await db.case.createManyAndReturn({ data: [{ title: "r1" }, { title: "r2", tenantId: a.id }] as never })).map((c) => c.tenantId),
    }));
    expect(made).toEqual({ named: a.id, single: 1, returned: [a.id, a.id] });
    const stamped = await withPrivilegedDb("test check", (db) => db.case.findMany({ where: { title: single }, select: { tenantId: true } }));
    expect(stamped).toEqual([{ tenantId: a.id }]);

    const before = await snapshotTenant(b.id);
    await expect(
      asTenantWithoutRls(a.id, (db) => db.case.createManyAndReturn({ data: [{ tenantId: b.id, title: "planted" }] })),
    ).rejects.toThrow("Case: write names another tenant");
    await expect(
      asTenantWithoutRls(a.id, (db) => db.case.createMany({ data: { title: "planted", tenant: { connect: { id: b.id } } } as never })),
    ).rejects.toThrow("Case: set tenantId through the tenant context, not a relation");
    expect(await snapshotTenant(b.id)).toEqual(before);
  });

  it("refuses every way of moving a row to another tenant", async () => {
    await setUp();
    const before = await snapshotTenant(a.id);
    const [id] = aCaseIds as [string];
    const attempts: ((db: ReturnType<typeof extended>) => Promise<unknown>)[] = [
      (db: ReturnType<typeof extended>) => db.case.update({ where: { tenantId_id: { tenantId: a.id, id } }, data: { tenant: { connect: { id: b.id } } } }),
      (db: ReturnType<typeof extended>) => db.case.updateManyAndReturn({ where: { id }, data: { tenantId: b.id } }),
      (db: ReturnType<typeof extended>) => db.case.upsert({ where: { tenantId_id: { tenantId: a.id, id } }, create: { title: "x" } as never, update: { tenantId: b.id } }),
      (db: ReturnType<typeof extended>) =>
        db.case.upsert({ where: { tenantId_id: { tenantId: a.id, id } }, create: { title: "x" } as never, update: { tenant: { connect: { id: b.id } } } }),
    ];
    for (const attempt of attempts) {
      await expect(asTenantWithoutRls(a.id, attempt)).rejects.toThrow("Case: a row cannot move to another tenant");
    }
    expect(await snapshotTenant(a.id)).toEqual(before);
  });

  it("keeps the Tenant model to the current tenant for every read, and refuses upsert and bulk deletes", async () => {
    await setUp();
    const seen = await asTenantWithoutRls(a.id, async (db) => ({
      count: await db.tenant.count(),
      first: await db.tenant.findFirst({ where: { id: b.id }, select: { id: true } }),
      firstOwn: (await db.tenant.findFirst({ select: { id: true } }))?.id,
      uniqueOrThrow: await db.tenant.findUniqueOrThrow({ where: { id: b.id } }).then(
        () => "found",
        (error: { code?: string }) => error.code,
      ),
      own: (await db.tenant.findUniqueOrThrow({ where: { id: a.id }, select: { id: true } })).id,
      updatedOthers: (await db.tenant.updateMany({ where: { id: b.id }, data: { name: "Renamed" } })).count,
    }));
    expect(seen).toEqual({ count: 1, first: null, firstOwn: a.id, uniqueOrThrow: "P2025", own: a.id, updatedOthers: 0 });
    await expect(
      asTenantWithoutRls(a.id, (db) => db.tenant.upsert({ where: { id: b.id }, create: { name: "x", slug: `x-${Date.now()}` }, update: {} })),
    ).rejects.toThrow("Tenant.upsert is not allowed in a tenant transaction");
    await expect(asTenantWithoutRls(a.id, (db) => db.tenant.deleteMany({ where: { slug: "no-such-tenant" } }))).rejects.toThrow(
      "Tenant.deleteMany is not allowed in a tenant transaction",
    );
    await expect(asTenantWithoutRls(a.id, (db) => db.tenant.createMany({ data: [] }))).rejects.toThrow(
      "Tenant.createMany is not allowed in a tenant transaction",
    );
  });

  it("leaves models without a tenant column unfiltered", async () => {
    await setUp();
    const user = await asTenantWithoutRls(a.id, (db) => db.user.findUnique({ where: { id: b.users.OWNER.id }, select: { id: true } }));
    expect(user).toEqual({ id: b.users.OWNER.id });
  });

  it("refuses any query of a tenant-owned model outside a tenant scope", async () => {
    const { prisma } = await getDatabase();
    await expect(extended(prisma).case.findMany()).rejects.toThrow(/outside a tenant transaction/);
  });
});
