// Two app instances as separate processes on one PostgreSQL (and one Redis), as a deployment runs
// them behind a load balancer (src/test/instances/app-instance.ts: the app's start-up and its API
// route handlers, jobs in-process). What must hold across instances:
// - background jobs run exactly once, whichever instance's runner claims them;
// - a revoked API key is refused by the other instance at once, not when its credential cache
//   (5 s) would have let go of the key anyway: the invalidation crosses over the realtime bus;
// - with Redis, a key's rate limit is one budget for the deployment, not one per instance.
//
// PostgreSQL only (DATABASE_URL set): the embedded database lives inside the test process, so no
// other process can reach it. The rate-limit check also needs Redis (REDIS_URL): without it limits
// are per instance by design, and the bus is PostgreSQL NOTIFY (which the revocation check then covers).
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { AUTH_CACHE_TTL_MS } from "@/server/auth/auth-cache";
import { hashApiKey } from "@/server/auth/api-keys";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { errorBodySchema } from "@/server/errors/to-app-error";
import { defineJob, enqueue, PermanentJobError, registerJob } from "@/server/jobs";
import { uniqueType } from "@/server/jobs/test-kit";
import { createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { startInstance, type AppInstance } from "@/test/instances/spawn-instance";

const databaseUrl = inject("testDatabaseUrl");
const redisUrl = process.env.REDIS_URL;
const JOB_TYPE = uniqueType("two-instances");
const JOBS = 40;
/** Each job's run: long enough that one runner (4 at a time) cannot finish them all before the other's next look. */
const JOB_MS = 100;
/** Requests per minute per API key on the instances: small, so the shared budget is spent in a few requests. */
const PER_MINUTE = 12;
/** How long the other instance may take to hear of a revocation: well under the cache's life. */
const REVOCATION_WITHIN_MS = 1_000;
/**
 * Every request claims to come from this address (through a trusted proxy): refused keys spend the
 * address's budget in Redis, which outlives a run by a minute, so each run has an address of its own.
 */
const CLIENT_IP = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

// Registered here only so the test can enqueue it; the instances register their own handler.
registerJob(
  defineJob({
    type: JOB_TYPE,
    scope: "system",
    payload: z.object({ ms: z.number().int() }),
    async handler() {
      throw new PermanentJobError("runs only in the instances");
    },
  }),
);

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

async function call(instance: AppInstance, key: string, method: string, path: string): Promise<Answer> {
  const res = await fetch(`${instance.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "x-forwarded-for": CLIENT_IP },
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Kept as text: the status assertions then show it.
  }
  return { status: res.status, body, headers: res.headers };
}

const listCases = (instance: AppInstance, key: string) => call(instance, key, "GET", "/cases");

async function keyId(key: string): Promise<string> {
  const row = await withPrivilegedDb("test check", (db) => db.apiKey.findFirstOrThrow({ where: { hash: hashApiKey(key) }, select: { id: true } }));
  return row.id;
}

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs: number, instances: AppInstance[]): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) {
      throw new Error(`timed out waiting for ${what}\n${instances.map((i) => `instance ${i.name}:\n${i.tail(6)}`).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!databaseUrl)("two app instances on one database", () => {
  let a: AppInstance;
  let b: AppInstance;
  let tenant: TestTenant;

  beforeAll(async () => {
    const env = {
      DATABASE_URL: databaseUrl!,
      REDIS_URL: redisUrl,
      APP_ENV: "test",
      LOG_LEVEL: "warn",
      // The test's setup has migrated this database.
      DB_AUTO_MIGRATE: "false",
      // The instance starts the app's ticker itself, looking for jobs every 100 ms instead of 5 s.
      JOBS_IN_PROCESS: "false",
      CASEBOARD_TEST_TICK_MS: "100",
      CASEBOARD_TEST_JOB_TYPE: JOB_TYPE,
      RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
      TRUSTED_PROXIES: "127.0.0.1",
    };
    const started = await Promise.allSettled([startInstance("A", env), startInstance("B", env)]);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) {
      for (const s of started) if (s.status === "fulfilled") await s.value.stop();
      throw failed.reason;
    }
    [a, b] = started.map((s) => (s as PromiseFulfilledResult<AppInstance>).value) as [AppInstance, AppInstance];
    tenant = await createTestTenant("twoinst");
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("runs every job exactly once, claimed by both instances' in-process runners", async () => {
    // One transaction: every job is due at the same moment, for both runners to compete for. Ahead
    // of anything else due in the database (earlier test files' leftovers of the app's job types).
    const ids = await withPrivilegedDb("test fixture", async (db) => {
      const created: string[] = [];
      for (let i = 0; i < JOBS; i++) created.push(await enqueue(JOB_TYPE, { ms: JOB_MS }, { db, priority: 100 }));
      return created;
    });
    const readJobs = () =>
      withPrivilegedDb("test check", (db) => db.job.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, attempts: true, result: true } }));
    const jobs = await waitFor("the jobs to finish", async () => {
      const rows = await readJobs();
      return rows.every((j) => j.status !== "PENDING" && j.status !== "RUNNING") && rows;
    }, 20_000, [a, b]);
    const runsOf = (instance: AppInstance) =>
      instance.messages.filter((m) => m.type === "job-ran" && ids.includes(m.jobId as string)).map((m) => m.jobId as string);
    // A run reports itself when it starts, over IPC, which may arrive after the row says SUCCEEDED.
    await waitFor("every run's report", async () => runsOf(a).length + runsOf(b).length >= JOBS, 5_000, [a, b]);
    await new Promise((r) => setTimeout(r, 200));

    expect(jobs.map((j) => j.status)).toEqual(ids.map(() => "SUCCEEDED"));
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    const runs = [...runsOf(a), ...runsOf(b)];
    const timesRun = new Map<string, number>();
    for (const id of runs) timesRun.set(id, (timesRun.get(id) ?? 0) + 1);
    expect([...timesRun.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(runs.toSorted()).toEqual(ids.toSorted());
    // The instance that reported a run is the one whose result was kept.
    const ranOn = new Map([...runsOf(a).map((id) => [id, a.pid] as const), ...runsOf(b).map((id) => [id, b.pid] as const)]);
    for (const job of jobs) expect(job.result).toEqual({ pid: ranOn.get(job.id) });
    process.stdout.write(`jobs: ${JOBS} run once each, ${runsOf(a).length} on instance A and ${runsOf(b).length} on instance B\n`);
    expect(runsOf(a).length).toBeGreaterThan(0);
    expect(runsOf(b).length).toBeGreaterThan(0);
  });

  it("refuses a key revoked through one instance on the other at once, not when its cache expires", async () => {
    const admin = await createTestApiKey(tenant, { role: "ADMIN" });
    const key = await createTestApiKey(tenant);
    const control = await createTestApiKey(tenant);
    // Both instances look the keys up and cache them.
    expect((await listCases(a, key)).status).toBe(200);
    expect((await listCases(a, control)).status).toBe(200);
    const cachedOnB = Date.now();
    expect((await listCases(b, key)).status).toBe(200);
    expect((await listCases(b, control)).status).toBe(200);

    // The control: a revocation written behind the services' back is announced to no one, and B
    // still answers from its cache. So what refuses the key below is the announcement.
    const controlId = await keyId(control);
    await withPrivilegedDb("test fixture", (db) => db.apiKey.update({ where: { id: controlId }, data: { revokedAt: new Date() } }));
    expect((await listCases(b, control)).status).toBe(200);

    const revoked = await call(a, admin, "DELETE", `/api-keys/${await keyId(key)}`);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ revokedAt: expect.any(String) });
    const revokedAt = Date.now();

    let refused: Answer | undefined;
    let tries = 0;
    while (Date.now() - revokedAt < REVOCATION_WITHIN_MS) {
      tries++;
      const answer = await listCases(b, key);
      if (answer.status !== 200) {
        refused = answer;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const refusedAt = Date.now();
    if (refused) process.stdout.write(`revocation: instance B refused the key ${refusedAt - revokedAt} ms after instance A revoked it (try ${tries})\n`);
    expect(refused?.status, `instance B still accepted the revoked key after ${tries} tries over ${refusedAt - revokedAt} ms`).toBe(401);
    expect(errorBodySchema.parse(refused!.body)).toMatchObject({ code: "UNAUTHORIZED" });
    // B's entry would still have been alive: the refusal is the bus's doing, not the cache's expiry.
    expect(refusedAt - cachedOnB).toBeLessThan(AUTH_CACHE_TTL_MS);
    expect((await listCases(a, key)).status).toBe(401);
    // The announcement dropped the tenant's cached keys on B, so the control key's revocation shows now too.
    expect((await listCases(b, control)).status).toBe(401);
  });

  it.skipIf(!redisUrl)("spends one rate-limit budget per key across both instances, then answers 429 in the one error shape", async () => {
    const key = await createTestApiKey(tenant);
    const answers: (Answer & { on: string })[] = [];
    for (let i = 0; i < PER_MINUTE + 8; i++) {
      const instance = i % 2 === 0 ? a : b;
      answers.push({ ...(await listCases(instance, key)), on: instance.name });
    }
    const accepted = answers.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(PER_MINUTE);
    // The first PER_MINUTE, half on each instance; every one after them refused, on either instance.
    expect(answers.slice(0, PER_MINUTE).every((r) => r.status === 200)).toBe(true);
    expect(new Set(accepted.map((r) => r.on))).toEqual(new Set(["A", "B"]));
    const refused = answers.slice(PER_MINUTE);
    expect(new Set(refused.map((r) => r.on))).toEqual(new Set(["A", "B"]));
    for (const r of refused) {
      expect(r.status).toBe(429);
      const body = errorBodySchema.parse(r.body);
      expect(body).toMatchObject({ code: "TOO_MANY_REQUESTS", requestId: r.headers.get("x-request-id") });
      const retryAfter = Number(r.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(body.details).toMatchObject({ retryAfterSeconds: retryAfter });
    }
  });
});
