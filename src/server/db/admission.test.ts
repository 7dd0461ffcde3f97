// Admission control: past capacity a caller is refused in milliseconds with 503 OVERLOADED and
// Retry-After instead of queueing; the process serves again as soon as a connection is free.
// On PostgreSQL a database of two pooled connections on the test database; on the embedded
// database a second in-memory PGlite (one backend: one permit).
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET as trpcGET } from "@/app/api/trpc/[trpc]/route";
import { runWithContext } from "@/server/context/request-context";
import { handleRestRequest } from "@/server/api/openapi/rest-handler";
import { rejectionOf } from "@/test/errors";
import { createTestApiKey, createTestTenant } from "@/test/factories";
import { AdmissionPool, ConnectionGate } from "./admission";
import { openDatabase, type Database } from "./connection";
import { getDatabase, setDatabase } from "./database";
import { migrate } from "./migrations";
import { withPrivilegedDb } from "./privileged-db";
import { withTenantDb } from "./tenant-db";

const testDatabaseUrl = inject("testDatabaseUrl");

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ConnectionGate", () => {
  it("admits up to its permits, queues in order, and hands a released permit to the longest waiter", async () => {
    const gate = new ConnectionGate({ permits: 2, queueLimit: 5, queueTimeoutMs: 5_000 });
    const first = await gate.acquire();
    const second = await gate.acquire();
    const order: number[] = [];
    const third = gate.acquire().then((release) => (order.push(3), release));
    const fourth = gate.acquire().then((release) => (order.push(4), release));
    expect(gate.stats).toMatchObject({ permits: 2, inUse: 2, waiting: 2 });
    first();
    first(); // a second call gives nothing back twice
    const releaseThird = await third;
    expect(gate.stats).toMatchObject({ inUse: 2, waiting: 1 });
    second();
    const releaseFourth = await fourth;
    expect(order).toEqual([3, 4]);
    releaseThird();
    releaseFourth();
    expect(gate.stats).toMatchObject({ inUse: 0, waiting: 0, refused: 0 });
  });

  it("refuses at once when the queue is full, and after the wait otherwise; a refused waiter leaves the queue", async () => {
    const gate = new ConnectionGate({ permits: 1, queueLimit: 1, queueTimeoutMs: 50 });
    const held = await gate.acquire();
    const waiting = gate.acquire();
    // "queue full", not "wait timed out": refused without waiting.
    await expect(gate.acquire()).rejects.toMatchObject({ name: "DatabaseOverloadedError", why: "queue full" });
    await expect(waiting).rejects.toMatchObject({ why: "wait timed out" });
    expect(gate.stats).toMatchObject({ inUse: 1, waiting: 0, refused: 2 });
    held();
    expect(gate.stats.inUse).toBe(0);
    (await gate.acquire())();
  });

  it("a queue limit of 0 refuses whoever finds every permit taken", async () => {
    const gate = new ConnectionGate({ permits: 1, queueLimit: 0, queueTimeoutMs: 1_000 });
    const held = await gate.acquire();
    await expect(gate.acquire()).rejects.toMatchObject({ why: "queue full" });
    expect(() => gate.refuseNewcomerIfBusy()).toThrow(/database overloaded: queue full/);
    held();
    expect(() => gate.refuseNewcomerIfBusy()).not.toThrow();
  });

  it("serves a request under way before newcomers, never refuses it for the queue's length, and lets it wait longer", async () => {
    const gate = new ConnectionGate({ permits: 1, queueLimit: 1, queueTimeoutMs: 40 });
    const held = await gate.acquire("request-1"); // request-1 has had its turn
    const order: string[] = [];
    const newcomer = gate.acquire("request-2").then((release) => (order.push("newcomer"), release));
    const laterTurn = gate.acquire("request-1").then((release) => (order.push("request-1 again"), release));
    const tenantTurn = gate.acquire(undefined, true).then((release) => (order.push("tenant transaction"), release));
    expect(() => gate.refuseNewcomerIfBusy("request-1")).not.toThrow();
    await expect(gate.acquire("request-3")).rejects.toMatchObject({ why: "queue full" });
    // The newcomer gives up after 40 ms; the turns under way wait on (5 × 40 ms).
    await expect(newcomer).rejects.toMatchObject({ why: "wait timed out" });
    held();
    (await laterTurn)();
    (await tenantTurn)();
    expect(order).toEqual(["request-1 again", "tenant transaction"]);
    expect(gate.stats).toMatchObject({ inUse: 0, waiting: 0 });
  });

});

describe(`a saturated database (${testDatabaseUrl ? "PostgreSQL, 2 pooled connections" : "embedded, one backend"})`, () => {
  let small: Database;
  let original: ReturnType<typeof getDatabase>;
  let key: string;
  let tenantId: string;

  beforeAll(async () => {
    original = getDatabase();
    const tenant = await createTestTenant("admission");
    tenantId = tenant.id;
    key = await createTestApiKey(tenant);
    if (testDatabaseUrl) {
      small = await openDatabase({ url: testDatabaseUrl, poolSize: 2, queueLimit: 1, queueTimeoutMs: 400 });
    } else {
      small = await openDatabase({ dataDir: "memory://", queueLimit: 1, queueTimeoutMs: 400 });
      await migrate(small.sql);
    }
  });

  afterAll(async () => {
    setDatabase(original);
    await small?.close();
  });

  /** Takes every connection of the small database until the returned function is called. */
  async function holdEveryConnection(): Promise<() => Promise<void>> {
    const release = deferred();
    const holders = Array.from({ length: small.admission().permits }, () => small.sql.transaction(() => release.promise));
    while (small.admission().inUse < small.admission().permits) await sleep(5);
    return async () => {
      release.resolve();
      await Promise.all(holders);
    };
  }

  const restGet = () =>
    handleRestRequest(new Request("http://localhost/api/v1/cases", { headers: { authorization: `Bearer ${key}`, "x-request-id": `admission-${Date.now()}` } }));

  it("answers 503 OVERLOADED with Retry-After at once when the queue is full, quickly when the wait runs out, and serves again once a connection is free", async () => {
    if (testDatabaseUrl) expect(small.admission().permits).toBe(2);
    setDatabase(Promise.resolve(small));
    // The first REST call of a process loads its modules: not what is measured here.
    expect((await restGet()).status).not.toBe(503);
    const release = await holdEveryConnection();
    try {
      // One caller waits (the queue's limit); the next is refused without waiting.
      const waiting = restGet();
      let waited = false;
      void waiting.then(() => (waited = true));
      let started = performance.now();
      const refused = await restGet();
      // Refused without waiting: the one in the queue (400 ms) has not given up yet. (An order,
      // not a duration: durations on a shared machine are the benchmarks' business.)
      const refusedBeforeTheWaitEnded = !waited;
      const body = (await refused.json()) as { code: string; details?: { reason?: string; retryAfterSeconds?: number }; requestId: string };
      expect(refused.status, JSON.stringify(body)).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(body).toMatchObject({ code: "SERVICE_UNAVAILABLE", details: { reason: "OVERLOADED", retryAfterSeconds: 1 } });
      expect(body.requestId).toBe(refused.headers.get("x-request-id"));
      expect(refusedBeforeTheWaitEnded).toBe(true);

      // The waiting one gives up after its 400 ms wait, with the same answer.
      const timedOut = await waiting;
      expect(timedOut.status).toBe(503);
      expect(((await timedOut.json()) as { details: { reason: string } }).details.reason).toBe("OVERLOADED");

      // A tenant transaction (a request's later turn) is never refused for the queue's length; it
      // waits five times longer (2 s here), then gets the same answer.
      started = performance.now();
      const error = await rejectionOf(withTenantDb(tenantId, (db) => db.case.count()));
      expect({ code: error.code, reason: error.details?.reason }).toEqual({ code: "SERVICE_UNAVAILABLE", reason: "OVERLOADED" });
      expect(performance.now() - started).toBeGreaterThanOrEqual(1_990);
    } finally {
      await release();
    }
    // (Other tests' background work may borrow the process database for a moment.)
    await vi.waitFor(() => expect(small.admission()).toMatchObject({ inUse: 0, waiting: 0 }), { timeout: 2_000 });

    // Recovered: served (the key exists only in the test database, which the embedded run's small database is not).
    const served = await restGet();
    expect(served.status).toBe(testDatabaseUrl ? 200 : 401);
    expect(await withTenantDb(tenantId, async (db) => (await db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`)[0]?.ok)).toBe(1);
    // (Other tests' background work may borrow the process database for a moment.)
    await vi.waitFor(() => expect(small.admission()).toMatchObject({ inUse: 0, waiting: 0 }), { timeout: 2_000 });
  });

  it("sheds load at the HTTP entry, before any of the request's work (no credentials get 503, not 401), on REST and tRPC", async () => {
    setDatabase(Promise.resolve(small));
    const release = await holdEveryConnection();
    try {
      const waiting = restGet(); // fills the queue
      // Generous: on a loaded machine the first request takes a while to reach the queue.
      await vi.waitFor(() => expect(small.admission().waiting).toBe(1), { timeout: 10_000 });
      const refusedBefore = small.admission().refused;
      // Without credentials nothing would touch the database: a 401 would come without the gate.
      const rest = await handleRestRequest(new Request("http://localhost/api/v1/cases"), { user: null });
      const trpc = await trpcGET(new Request("http://localhost/api/trpc/cases.list?input=%7B%7D"));
      expect(rest.status).toBe(503);
      expect(rest.headers.get("retry-after")).toBe("1");
      expect(await rest.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE", details: { reason: "OVERLOADED" } });
      expect(trpc.status).toBe(503);
      expect(trpc.headers.get("retry-after")).toBe("1");
      expect(JSON.stringify(await trpc.json())).toContain("OVERLOADED");
      // Refused by the gate's check, not by queueing: nothing else waits.
      // (Other files' background work may be refused by the same gate meanwhile: at least these two.)
      expect(small.admission().waiting).toBe(1);
      expect(small.admission().refused).toBeGreaterThanOrEqual(refusedBefore + 2);
      await waiting;
    } finally {
      await release();
    }
    await vi.waitFor(() => expect(small.admission()).toMatchObject({ inUse: 0, waiting: 0 }), { timeout: 2_000 });
  });

  it("a request whose credential was cached is a newcomer at its tenant transaction; a job's is never refused for the queue's length", async () => {
    setDatabase(Promise.resolve(small));
    const release = await holdEveryConnection();
    let jobTurn: Promise<number> | undefined;
    try {
      const waiting = restGet(); // fills the queue (limit 1)
      // Generous: on a loaded machine the first request takes a while to reach the queue.
      await vi.waitFor(() => expect(small.admission().waiting).toBe(1), { timeout: 10_000 });
      const asRequest = runWithContext({ requestId: `req-${Date.now()}`, actor: { type: "apiKey", id: "k" } }, () =>
        withTenantDb(tenantId, (db) => db.case.count()),
      );
      expect((await rejectionOf(asRequest)).details?.reason).toBe("OVERLOADED");
      jobTurn = runWithContext({ requestId: `job-${Date.now()}`, actor: { type: "system", id: "job:test" } }, () =>
        withTenantDb(tenantId, (db) => db.case.count()),
      );
      await vi.waitFor(() => expect(small.admission().waiting).toBe(2), { timeout: 10_000 });
      await waiting;
    } finally {
      await release();
    }
    expect(await jobTurn).toBeGreaterThanOrEqual(0);
    await vi.waitFor(() => expect(small.admission()).toMatchObject({ inUse: 0, waiting: 0 }), { timeout: 2_000 });
  });

  it("a privileged transaction, a plain Prisma query and the SQL executor pass the same gate", async () => {
    setDatabase(Promise.resolve(small));
    const release = await holdEveryConnection();
    try {
      // The first waits out its 400 ms, the others find the queue full.
      const outcomes = await Promise.all(
        [withPrivilegedDb("test: admission", (db) => db.$queryRaw`SELECT 1`), small.prisma.$queryRaw`SELECT 1`, small.sql.query("SELECT 1")].map((p) => rejectionOf(p)),
      );
      expect(outcomes.map((e) => [e.code, e.details?.reason])).toEqual(Array(3).fill(["SERVICE_UNAVAILABLE", "OVERLOADED"]));
    } finally {
      await release();
    }
    // Served again once the holders let go. The gate is the process's for this test, so work a
    // loaded machine left running from earlier files may queue at it first: ask until it answers.
    await vi.waitFor(async () => expect(await small.sql.query("SELECT 1 AS ok")).toEqual([{ ok: 1 }]), { timeout: 10_000, interval: 100 });
  });
});

describe("AdmissionPool", () => {
  it.runIf(testDatabaseUrl)("gives the permit back with the client, also for pool.query and a client destroyed on release", async () => {
    const pool = new AdmissionPool({ connectionString: testDatabaseUrl!, max: 1 }, { queueLimit: 0, queueTimeoutMs: 100 });
    try {
      await pool.query("SELECT 1");
      expect(pool.gate.stats.inUse).toBe(0);
      const client = await pool.connect();
      await expect(pool.connect()).rejects.toMatchObject({ why: "queue full" });
      client.release(true);
      expect(pool.gate.stats.inUse).toBe(0);
      const again = await pool.connect();
      again.release();
      await expect(pool.query("SELECT nothing_here")).rejects.toMatchObject({ code: "42703" });
      expect(pool.gate.stats.inUse).toBe(0);
    } finally {
      await pool.end();
    }
  });
});
