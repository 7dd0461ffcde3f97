// The database's own line of defence, tested with the tenancy extension out of the way: raw SQL
// inside a tenant transaction runs as caseboard_app with app.tenant_id set, and the policies and
// grants of the init migration alone must keep every tenant to its own rows.
import { beforeAll, describe, expect, it } from "vitest";
import { tenantOwnedSchemaModels } from "@/test/prisma-schema";
import { createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { snapshotTenant } from "@/test/tenant-snapshot";
import { getDatabase } from "./database";
import { withPrivilegedDb } from "./privileged-db";
import { withTenantDb } from "./tenant-db";

/** Every table that holds tenant data: the tenant-owned ones, tenants itself, and users (seen through memberships). */
const TENANT_TABLES = ["tenants", "users", ...tenantOwnedSchemaModels().map((m) => m.table)];

let a: TestTenant;
let b: TestTenant;
let bCaseId: string;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("rls-a"), createTestTenant("rls-b")]);
  await createTestCases(a, ["A first", "A second"]);
  bCaseId = (await createTestCases(b, ["B only"]))[0]!.id;
  // A platform job (no tenant) must be as invisible to tenants as another tenant's rows. Finished
  // and far in the future, so no job runner of another test ever picks it up.
  await withPrivilegedDb("test fixture", (db) =>
    db.job.create({ data: { type: "test.platform-only", tenantId: null, status: "CANCELLED", runAt: new Date("2999-01-01") } }),
  );
});

/** A transaction as caseboard_app with whatever tenant setting `setup` leaves, bypassing withTenantDb. */
async function asAppRole<T>(setup: string | null, fn: (tx: { $queryRawUnsafe: <R>(sql: string) => Promise<R> }) => Promise<T>) {
  const { prisma } = await getDatabase();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL ROLE caseboard_app`);
    if (setup !== null) await tx.$executeRaw`SELECT set_config('app.tenant_id', ${setup}, true)`;
    return fn(tx);
  });
}

describe("row-level security without the extension", () => {
  it("a raw SELECT inside A's transaction sees only A's cases", async () => {
    const rows = await withTenantDb(a.id, (db) => db.$queryRaw<{ id: string; tenant_id: string }[]>`SELECT id, tenant_id::text FROM cases`);
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([a.id]));
    // B's row exists: the filter above was the policy's doing.
    const bRows = await withPrivilegedDb("test check", (db) => db.case.count({ where: { tenantId: b.id } }));
    expect(bRows).toBe(1);
  });

  it("every tenant table shows A only its own rows, and users only its members", async () => {
    const counts = await withTenantDb(a.id, async (db) => {
      const out: Record<string, number> = {};
      for (const table of TENANT_TABLES) {
        const idColumn = table === "tenants" ? "id" : table === "users" ? null : "tenant_id";
        const where = idColumn ? ` WHERE ${idColumn} IS DISTINCT FROM '${a.id}'::uuid` : ` WHERE id NOT IN (SELECT user_id FROM memberships WHERE tenant_id = '${a.id}'::uuid)`;
        const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}${where}`);
        out[table] = row!.n;
      }
      return out;
    });
    expect(counts).toEqual(Object.fromEntries(TENANT_TABLES.map((t) => [t, 0])));
  });

  it("as caseboard_app with no tenant set, or an empty one, every tenant table is empty", async () => {
    for (const setup of [null, ""]) {
      const counts = await asAppRole(setup, async (tx) => {
        const out: Record<string, number> = {};
        for (const table of TENANT_TABLES) {
          const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
          out[table] = row!.n;
        }
        return out;
      });
      expect(counts, `tenant setting ${JSON.stringify(setup)}`).toEqual(Object.fromEntries(TENANT_TABLES.map((t) => [t, 0])));
    }
  });

  it("refuses an INSERT naming B inside A's transaction", async () => {
    const before = await snapshotTenant(b.id);
    await expect(
      withTenantDb(a.id, (db) =>
        db.$executeRaw`INSERT INTO cases (id, tenant_id, title, updated_at) VALUES (gen_random_uuid(), ${b.id}::uuid, 'planted', now())`,
      ),
    ).rejects.toThrow(/row-level security/);
    // With an explicit number the trigger writes no counter row for B; the cases policy itself refuses.
    await expect(
      withTenantDb(a.id, (db) =>
        db.$executeRaw`INSERT INTO cases (id, tenant_id, number, title, updated_at) VALUES (gen_random_uuid(), ${b.id}::uuid, 999, 'planted', now())`,
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await snapshotTenant(b.id)).toEqual(before);
  });

  it("cannot move A's row to B, nor touch B's rows by id", async () => {
    const before = await snapshotTenant(b.id);
    await expect(
      withTenantDb(a.id, (db) => db.$executeRaw`UPDATE cases SET tenant_id = ${b.id}::uuid WHERE tenant_id = ${a.id}::uuid`),
    ).rejects.toThrow(/row-level security/);
    const touched = await withTenantDb(a.id, async (db) => ({
      updated: await db.$executeRaw`UPDATE cases SET title = 'hijacked' WHERE id = ${bCaseId}::uuid`,
      deleted: await db.$executeRaw`DELETE FROM cases WHERE id = ${bCaseId}::uuid`,
      counter: await db.$executeRaw`UPDATE case_counters SET last_number = 0 WHERE tenant_id = ${b.id}::uuid`,
    }));
    expect(touched).toEqual({ updated: 0, deleted: 0, counter: 0 });
    expect(await snapshotTenant(b.id)).toEqual(before);
  });

  it("keeps the audit trail append-only: UPDATE and DELETE are refused to caseboard_app", async () => {
    const before = await snapshotTenant(a.id);
    expect(before.rows.auditEvent!.length).toBeGreaterThan(0);
    await expect(
      withTenantDb(a.id, (db) => db.$executeRaw`UPDATE audit_events SET action = 'rewritten' WHERE tenant_id = ${a.id}::uuid`),
    ).rejects.toThrow(/permission denied/);
    await expect(withTenantDb(a.id, (db) => db.$executeRaw`DELETE FROM audit_events WHERE tenant_id = ${a.id}::uuid`)).rejects.toThrow(
      /permission denied/,
    );
    // Through the model API too: the grant, not the extension, is what stops it.
    await expect(withTenantDb(a.id, (db) => db.auditEvent.deleteMany({ where: { tenantId: a.id } }))).rejects.toThrow(/permission denied/);
    expect(await snapshotTenant(a.id)).toEqual(before);
  });

  it("lets a tenant rename itself but never change its own status", async () => {
    await expect(withTenantDb(a.id, (db) => db.$executeRaw`UPDATE tenants SET status = 'ACTIVE' WHERE id = ${a.id}::uuid`)).rejects.toThrow(
      /permission denied/,
    );
    const renamed = await withTenantDb(a.id, (db) => db.$executeRaw`UPDATE tenants SET name = name WHERE id = ${b.id}::uuid`);
    expect(renamed).toBe(0);
  });

  it("rolls the whole tenant transaction back when its work fails", async () => {
    const before = await snapshotTenant(a.id);
    await expect(
      withTenantDb(a.id, async (db) => {
        await db.$executeRaw`INSERT INTO cases (id, tenant_id, title, updated_at) VALUES (gen_random_uuid(), ${a.id}::uuid, 'doomed', now())`;
        throw new Error("work failed after the insert");
      }),
    ).rejects.toThrow("work failed after the insert");
    // Case and counter increment are gone together.
    expect(await snapshotTenant(a.id)).toEqual(before);
  });

  it("leaves no tenant setting or role behind on the connection after a tenant transaction", async () => {
    await withTenantDb(a.id, (db) => db.$queryRaw`SELECT 1`);
    const { prisma } = await getDatabase();
    // The embedded database has one backend, so this inspects the very session the tenant
    // transaction used; on PostgreSQL it samples a pooled connection.
    const [row] = await prisma.$transaction((tx) =>
      tx.$queryRaw<{ tenant: string | null; role: string }[]>`SELECT NULLIF(current_setting('app.tenant_id', true), '') AS tenant, current_user::text AS role`,
    );
    expect(row).toEqual({ tenant: null, role: expect.not.stringMatching(/^caseboard_/) });
  });
});

describe("row-level security covers the schema", () => {
  it("every table with a tenant_id column has RLS enabled and forced, with a tenant policy for caseboard_app", async () => {
    const { prisma } = await getDatabase();
    const tables = await prisma.$queryRaw<{ table: string; enabled: boolean; forced: boolean; policies: string[] }[]>`
      SELECT c.relname::text AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             coalesce(array_agg(p.polname::text) FILTER (WHERE p.polname IS NOT NULL), '{}') AS policies
        FROM information_schema.columns col
        JOIN pg_class c ON c.relname = col.table_name AND c.relnamespace = 'public'::regnamespace
        LEFT JOIN pg_policy p ON p.polrelid = c.oid
       WHERE col.table_schema = 'public' AND col.column_name = 'tenant_id'
       GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity
       ORDER BY 1`;
    // The schema and the database agree on which tables hold tenant rows…
    expect(tables.map((t) => t.table).sort()).toEqual(tenantOwnedSchemaModels().map((m) => m.table).sort());
    // …and each of them is guarded.
    for (const t of tables) {
      expect({ table: t.table, enabled: t.enabled, forced: t.forced }).toEqual({ table: t.table, enabled: true, forced: true });
      expect(t.policies.sort(), t.table).toEqual(["privileged_access", "tenant_isolation"]);
    }
  });
});
