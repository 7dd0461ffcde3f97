// The tenant transaction as withTenantDb runs it by hand (scoped-transaction.ts): what it must keep
// from the interactive transaction it replaced (one transaction per call, every statement as
// caseboard_app with the tenant set, hooks last, nothing after the end), and what it adds: a
// statement_timeout from the budget, and a budget that frees the connection.
// On the run's database: PGlite, or PostgreSQL with DATABASE_URL.
import { EventEmitter } from "node:events";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { sqlStateOf } from "@/server/errors/sql-state";
import { logger } from "@/server/logger";
import { rejectionOf } from "@/test/errors";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { openDatabase, type Database } from "./connection";
import { getDatabase } from "./database";
import { settingsStatement } from "./scoped-transaction";
import { withTenantDb, type TenantDb } from "./tenant-db";
import { requireTenantScope } from "./tenant-scope";

const testDatabaseUrl = inject("testDatabaseUrl");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let tenant: TestTenant;
let marker = 0;
const title = () => `tenant-tx ${Date.now()} ${marker++}`;
const countTitled = (t: string) => withTenantDb(tenant.id, (db) => db.case.count({ where: { title: t } }));

interface Probe {
  tx: string;
  role: string;
  tenant: string;
  statementTimeout: string;
}
const probe = async (db: TenantDb): Promise<Probe> =>
  (
    await db.$queryRaw<Probe[]>`SELECT txid_current()::text AS tx, current_user AS role,
      current_setting('app.tenant_id') AS tenant, current_setting('statement_timeout') AS "statementTimeout"`
  )[0]!;

beforeAll(async () => {
  tenant = await createTestTenant("tenant-tx");
});

describe("one transaction per call", () => {
  it("runs every statement, concurrent ones and the before-commit hooks included, in one transaction as caseboard_app with the tenant and the budget as statement_timeout", async () => {
    const seen = await withTenantDb(
      tenant.id,
      async (db) => {
        const probes = [await probe(db)];
        probes.push(...(await Promise.all([probe(db), probe(db), db.case.count().then(() => probe(db))])));
        requireTenantScope("test").beforeCommit.push(async (tx) => void probes.push(await probe(tx as TenantDb)));
        return probes;
      },
      { timeoutMs: 4_000 },
    );
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((p) => p.tx)).size).toBe(1);
    for (const p of seen) expect(p).toMatchObject({ role: "caseboard_app", tenant: tenant.id, statementTimeout: "4s" });
    // The next call is another transaction.
    expect((await withTenantDb(tenant.id, probe)).tx).not.toBe(seen[0]!.tx);
  });

  it("rolls back everything when the work throws, a Prisma write of several statements (a nested create) included", async () => {
    const t = title();
    await expect(
      withTenantDb(tenant.id, async (db) => {
        await db.case.create({ data: { tenantId: tenant.id, title: t, followers: { create: [{ userId: tenant.users.AGENT.id }] } } });
        await db.case.update({ where: { tenantId_id: { tenantId: tenant.id, id: (await db.case.findFirstOrThrow({ where: { title: t } })).id } }, data: { description: "x" }, select: { id: true, assignee: { select: { name: true } } } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await countTitled(t)).toBe(0);
    // The same write commits when nothing throws.
    await withTenantDb(tenant.id, (db) => db.case.create({ data: { tenantId: tenant.id, title: t, followers: { create: [{ userId: tenant.users.AGENT.id }] } } }));
    expect(await countTitled(t)).toBe(1);
  });

  it("commits nothing when a statement failed and the work caught its error and carried on (the COMMIT rolls back, and says so in the log)", async () => {
    const t = title();
    const warn = vi.spyOn(logger, "warn").mockImplementation((() => undefined) as never);
    try {
      const value = await withTenantDb(tenant.id, async (db) => {
        await db.case.create({ data: { tenantId: tenant.id, title: t } });
        await db.$queryRaw`SELECT 1 / 0`.catch(() => null);
        return "looked fine";
      });
      // As with Prisma's interactive transaction before: the work's value, nothing kept.
      expect(value).toBe("looked fine");
      expect(warn).toHaveBeenCalledWith({ sqlState: "22012" }, expect.stringMatching(/rolled back at commit/));
    } finally {
      warn.mockRestore();
    }
    expect(await countTitled(t)).toBe(0);
  });

  it("keeps the client given to a call on that call's transaction when it is used from another context (a listener another caller fires)", async () => {
    const emitter = new EventEmitter();
    let fromListener: Promise<[Probe, unknown]> | undefined;
    let registered!: () => void;
    const listening = new Promise<void>((resolve) => (registered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const call = withTenantDb(tenant.id, async (db) => {
      const own = await probe(db);
      emitter.once("go", () => {
        // Raw SQL carries no tenant filter: it shows the connection. A model query takes its
        // tenant from the context, which here has none: refused, as before.
        fromListener = Promise.all([probe(db), db.case.count().then(() => null, (e: unknown) => e)]);
      });
      registered();
      await released;
      return own;
    });
    await listening;
    emitter.emit("go"); // from this test, outside any transaction
    const [seen, modelQuery] = await fromListener!.finally(release);
    expect(seen).toEqual(await call);
    expect(String(modelQuery)).toMatch(/outside a tenant transaction/);
  });

  // PostgreSQL only: on the embedded database transactions are serialised, so two are never open at once.
  it.runIf(testDatabaseUrl)("keeps concurrent transactions apart even when their lookups start in the same tick (Prisma batches findUnique on a later tick)", async () => {
    const other = await createTestTenant("tenant-tx-other");
    const ids = await Promise.all(
      [tenant, other].map((t) => withTenantDb(t.id, async (db) => (await db.case.create({ data: { tenantId: t.id, title: title() }, select: { id: true } })).id)),
    );
    // Each transaction waits on the same promise, so both resume, and look up, in one microtask run.
    let open!: () => void;
    const barrier = new Promise<void>((resolve) => (open = resolve));
    let arrived = 0;
    const lookups = [tenant, other].map((t, i) =>
      withTenantDb(t.id, async (db) => {
        await probe(db); // the transaction has begun
        if (++arrived === 2) open();
        await barrier;
        const [byUnique, byUniqueOrThrow] = await Promise.all([
          db.case.findUnique({ where: { tenantId_id: { tenantId: t.id, id: ids[i]! } }, select: { id: true } }),
          db.case.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.id, id: ids[i]! } }, select: { id: true } }),
        ]);
        return { byUnique: byUnique?.id, byUniqueOrThrow: byUniqueOrThrow.id, tx: (await probe(db)).tx, tenant: (await probe(db)).tenant };
      }),
    );
    const seen = await Promise.all(lookups);
    expect(seen.map((s) => [s.byUnique, s.byUniqueOrThrow, s.tenant])).toEqual([
      [ids[0], ids[0], tenant.id],
      [ids[1], ids[1], other.id],
    ]);
  });

  // PostgreSQL only: the embedded database has one backend, which this would end.
  it.runIf(testDatabaseUrl)("survives its connection being cut while held between statements: the transaction fails, the process and the pool go on", async () => {
    const admin = new pg.Client({ connectionString: testDatabaseUrl! });
    await admin.connect();
    try {
      const cut = withTenantDb(tenant.id, async (db) => {
        const [row] = await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await admin.query("SELECT pg_terminate_backend($1)", [row!.pid]);
        // Held and idle while the server ends it: pg reports the cut as an "error" event on the client.
        await sleep(300);
        return db.case.count();
      });
      await expect(cut).rejects.toThrow();
      expect(await countTitled("never written")).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it("refuses the tenant client outside its transaction, and after it", async () => {
    const { transactions } = await getDatabase();
    await expect(transactions.prisma.$queryRaw`SELECT 1`).rejects.toThrow(/outside its transaction/);
    let kept: TenantDb | undefined;
    await withTenantDb(tenant.id, async (db) => {
      kept = db;
    });
    await expect(kept!.$queryRaw`SELECT 1`).rejects.toThrow(/outside its transaction|transaction is over/);
  });

  it("applies settings as escaped literals", () => {
    expect(settingsStatement({ settings: { "app.tenant_id": "a'b" }, timeoutMs: 1_000, statementTimeoutMs: 900 })).toBe(
      "SELECT set_config('app.tenant_id', 'a''b', true), set_config('statement_timeout', '900', true)",
    );
  });
});

describe("statement_timeout and the transaction budget", () => {
  it("a statement past the budget ends the call with 503 DATABASE_TIMEOUT (SQLSTATE 57014), not 500; PostgreSQL cancels it in time", async () => {
    const started = performance.now();
    const error = await rejectionOf(withTenantDb(tenant.id, (db) => db.$queryRaw`SELECT pg_sleep(1)`, { timeoutMs: 250 }));
    const ms = performance.now() - started;
    expect({ code: error.code, status: error.httpStatus, reason: error.details?.reason }).toEqual({ code: "SERVICE_UNAVAILABLE", status: 503, reason: "DATABASE_TIMEOUT" });
    expect(error.details?.retryAfterSeconds).toBeGreaterThan(0);
    // PGlite cannot interrupt a running statement (see scoped-transaction.ts): the call fails once it returns.
    if (testDatabaseUrl) expect(ms).toBeLessThan(900);
    else expect(ms).toBeGreaterThanOrEqual(950);
    // The tenant's next call is served as usual.
    expect(await withTenantDb(tenant.id, (db) => db.case.count())).toBeGreaterThanOrEqual(0);
  });

  it("the statement's own timeout is SQLSTATE 57014 on both databases, and a later statement in that transaction is refused", async () => {
    const { transactions } = await getDatabase();
    const settings = { role: "caseboard_app", "app.tenant_id": tenant.id };
    let later: unknown;
    const error = await transactions
      .run({ settings, timeoutMs: 10_000, statementTimeoutMs: 200 }, async () => {
        const failed = await transactions.prisma.$queryRaw`SELECT pg_sleep(0.5)`.then(
          () => null,
          (e: unknown) => e,
        );
        later = await transactions.prisma.$queryRaw`SELECT 1`.then(
          () => null,
          (e: unknown) => e,
        );
        throw failed;
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(sqlStateOf(error)?.code).toBe("57014");
    expect(later).toBeTruthy();
  });

  it("past its budget a transaction is rolled back and its connection freed at once; the call ends when its work does", async () => {
    const db = await getDatabase();
    const t = title();
    let refused: unknown;
    const started = performance.now();
    const call = withTenantDb(
      tenant.id,
      async (tx) => {
        await tx.case.create({ data: { tenantId: tenant.id, title: t } });
        await sleep(1_000);
        refused = await tx.case.count().then(
          () => null,
          (e: unknown) => e,
        );
        return "finished";
      },
      { timeoutMs: 200 },
    );
    const outcome = call.then(
      () => null,
      (e: unknown) => e,
    );
    // Freed long before the work ends (other callers may hold a connection for a moment).
    await sleep(250);
    await vi.waitFor(() => expect(db.admission().inUse).toBe(0), { timeout: 500, interval: 10 });
    expect(performance.now() - started).toBeLessThan(900);
    const error = await outcome;
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect((await rejectionOf(Promise.reject(error))).details?.reason).toBe("DATABASE_TIMEOUT");
    expect(String(refused)).toMatch(/timeout/);
    expect(await countTitled(t)).toBe(0);
  });
});

describe("the connection afterwards", () => {
  // One connection, so the next statement surely runs on the connection the transaction used.
  let single: Database;
  beforeAll(async () => {
    single = testDatabaseUrl ? await openDatabase({ url: testDatabaseUrl, poolSize: 1 }) : await getDatabase();
  });
  afterAll(async () => {
    if (testDatabaseUrl) await single?.close();
  });

  it("goes back without the role, the tenant or the statement_timeout, after a commit, a failure and a timeout", async () => {
    const settings = { role: "caseboard_app", "app.tenant_id": tenant.id };
    const state = async () =>
      (
        await single.sql.query<{ role: string; tenant: string | null; timeout: string }>(
          `SELECT current_user AS role, nullif(current_setting('app.tenant_id', true), '') AS tenant, current_setting('statement_timeout') AS timeout`,
        )
      )[0];
    const clean = await state();
    expect(clean).toMatchObject({ tenant: null, timeout: "0" });
    await single.transactions.run({ settings, timeoutMs: 5_000, statementTimeoutMs: 5_000 }, () => single.transactions.prisma.$queryRaw`SELECT 1`);
    expect(await state()).toEqual(clean);
    await single.transactions.run({ settings, timeoutMs: 5_000, statementTimeoutMs: 5_000 }, () => single.transactions.prisma.$queryRaw`SELECT 1 / 0`).catch(() => null);
    expect(await state()).toEqual(clean);
    await single.transactions.run({ settings, timeoutMs: 100, statementTimeoutMs: 100 }, () => sleep(300)).catch(() => null);
    expect(await state()).toEqual(clean);
  });
});
