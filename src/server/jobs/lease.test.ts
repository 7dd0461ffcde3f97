// The lease functions on their own, against the real database: what a claim writes (which jobs,
// in which order, for how long), how a heartbeat extends it, how an expired lease is taken back,
// and that an outcome is recorded only by the runner that still holds the job.
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestTenant } from "@/test/factories";
import type { AnyJobDefinition, JobTransaction } from "./define";
import { BACKGROUND_PRIORITY, defineJob } from "./define";
import { claimJobs, DEFAULT_TIMING, finish, heartbeat, leaseFor, MAX_LOST_LEASES, newWorkerId, reapExpiredLeases, retryDelayMs, type ClaimedJob } from "./lease";
import { snapshot } from "./metrics";
import { enqueue } from "./queue";
import { registerJob } from "./registry";
import { FAST_TIMING, noPayload, readJob, uniqueType } from "./test-kit";

/** A registered system job type; the handler never runs here (no runner claims these types). */
function jobType(label: string, options: { transaction?: JobTransaction; timeoutMs?: number; maxAttempts?: number } = {}) {
  return registerJob(defineJob({ type: uniqueType(label), scope: "system", payload: noPayload, ...options, handler: async () => null })).type;
}

/** A registered tenant job type (per-call, so its lease is the plain one). */
function tenantJobType(label: string) {
  return registerJob(defineJob({ type: uniqueType(label), scope: "tenant", transaction: "per-call", payload: noPayload, handler: async () => null })).type;
}

/** The realtime events written about a job, oldest first. */
const jobEvents = (tenantId: string, jobId: string) =>
  withPrivilegedDb("test check", (db) =>
    db.realtimeEvent.findMany({ where: { tenantId, entityId: jobId }, orderBy: { seq: "asc" }, select: { kind: true, data: true } }),
  );

/** Enqueues one job of `type` and claims it for `workerId`. */
async function claimOne(type: string, workerId: string, options: Parameters<typeof enqueue>[2] = {}): Promise<ClaimedJob> {
  const id = await enqueue(type, {}, options);
  const [job] = await claimJobs(workerId, 1, [type], FAST_TIMING);
  expect(job?.id).toBe(id);
  return job!;
}

const leaseLength = async (id: string) => {
  const job = await readJob(id);
  // started_at and locked_until come from the same now(): their difference is the lease exactly.
  return job.lockedUntil!.getTime() - job.startedAt!.getTime();
};

const setColumns = (id: string, sql: "expire" | "cancel") =>
  withPrivilegedDb("test fixture", (db) =>
    sql === "expire"
      ? db.$executeRaw`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = ${id}::uuid`
      : db.$executeRaw`UPDATE jobs SET cancel_requested_at = now() WHERE id = ${id}::uuid`,
  );

const noProgress = { dirty: false };

describe("lease timing", () => {
  it("names a worker by host, process, label and a random suffix", () => {
    const host = hostname().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(newWorkerId()).toMatch(new RegExp(`^${host}:${process.pid}:runner:[0-9a-f]{6}$`));
    expect(newWorkerId("ticker")).toMatch(new RegExp(`^${host}:${process.pid}:ticker:[0-9a-f]{6}$`));
    expect(newWorkerId()).not.toBe(newWorkerId());
  });

  it("backs off exponentially from the base, between half and all of the step, capped at the maximum", () => {
    const backoff = { baseMs: 1_000, maxMs: 5_000 };
    const cases: [attempt: number, lowest: number, highest: number][] = [
      [0, 500, 1_000],
      [1, 500, 1_000],
      [2, 1_000, 2_000],
      [3, 2_000, 4_000],
      [4, 2_500, 5_000],
      [12, 2_500, 5_000],
    ];
    for (const [attempt, lowest, highest] of cases) {
      expect(retryDelayMs(attempt, backoff, () => 0), `attempt ${attempt}`).toBe(lowest);
      expect(retryDelayMs(attempt, backoff, () => 1), `attempt ${attempt}`).toBe(highest);
      expect(retryDelayMs(attempt, backoff, () => 0.5), `attempt ${attempt}`).toBe((lowest + highest) / 2);
    }
    expect(retryDelayMs(1, { baseMs: 999, maxMs: 10_000 }, () => 0.25)).toBe(624); // 499.5 + 124.875, rounded
    const random = retryDelayMs(3, backoff);
    expect(random).toBeGreaterThanOrEqual(2_000);
    expect(random).toBeLessThanOrEqual(4_000);
  });

  it("leases a one-transaction attempt for its whole timeout plus the lease, a per-call handler for the lease", () => {
    const definition = (transaction?: JobTransaction, timeoutMs?: number) => ({ transaction, timeoutMs }) as AnyJobDefinition;
    expect(leaseFor(definition(), FAST_TIMING)).toBe(FAST_TIMING.timeoutMs + FAST_TIMING.leaseMs);
    expect(leaseFor(definition("attempt"), FAST_TIMING)).toBe(15_000);
    expect(leaseFor(definition("attempt", 60_000), FAST_TIMING)).toBe(65_000);
    expect(leaseFor(definition(undefined, 60_000), FAST_TIMING)).toBe(65_000);
    expect(leaseFor(definition("per-call", 60_000), FAST_TIMING)).toBe(5_000);
    expect(leaseFor(definition("per-call"), DEFAULT_TIMING)).toBe(30_000);
    expect(leaseFor(definition(), DEFAULT_TIMING)).toBe(5 * 60_000 + 30_000);
  });

  it("defaults: a 30 s lease renewed every 10 s, a 5 min attempt, backoff from 10 s up to an hour", () => {
    expect(DEFAULT_TIMING).toEqual({
      leaseMs: 30_000,
      heartbeatMs: 10_000,
      progressFlushMs: 1_000,
      timeoutMs: 300_000,
      backoff: { baseMs: 10_000, maxMs: 3_600_000 },
    });
    // A lease survives two missed heartbeats.
    expect(DEFAULT_TIMING.leaseMs).toBeGreaterThanOrEqual(3 * DEFAULT_TIMING.heartbeatMs);
  });
});

describe("claimJobs", () => {
  it("writes each type's lease into locked_until, and the plain lease for a type this process does not know", async () => {
    const attempt = jobType("lease-attempt", { timeoutMs: 60_000 });
    const perCall = jobType("lease-per-call", { transaction: "per-call", timeoutMs: 60_000 });
    const unknown = uniqueType("lease-unknown"); // never registered: another instance's type
    const [a, p] = [await enqueue(attempt, {}), await enqueue(perCall, {})];
    const [u] = await withPrivilegedDb("test fixture", (db) => db.job.createManyAndReturn({ data: [{ type: unknown }], select: { id: true } }));
    const claimed = await claimJobs("lease-worker", 5, [attempt, perCall, unknown], FAST_TIMING);
    expect(claimed.map((j) => j.id).sort()).toEqual([a, p, u!.id].sort());
    expect({ attempt: await leaseLength(a), perCall: await leaseLength(p), unknown: await leaseLength(u!.id) }).toEqual({
      attempt: 65_000,
      perCall: 5_000,
      unknown: 5_000,
    });
    expect(await readJob(a)).toMatchObject({ status: "RUNNING", attempts: 1, lockedBy: "lease-worker", finishedAt: null });
  });

  it("claims nothing for a limit below one or an empty list of types", async () => {
    const type = jobType("lease-none");
    const id = await enqueue(type, {});
    expect(await claimJobs("w", 0, [type], FAST_TIMING)).toEqual([]);
    expect(await claimJobs("w", -1, [type], FAST_TIMING)).toEqual([]);
    expect(await claimJobs("w", 1, [], FAST_TIMING)).toEqual([]);
    expect(await readJob(id)).toMatchObject({ status: "PENDING", attempts: 0, lockedBy: null });
  });

  it("returns the jobs of one claim by priority, then run time, then id, with what the runner needs", async () => {
    const type = jobType("lease-order", { maxAttempts: 3 });
    // One base for every timestamp: computed per call, a second boundary between the enqueue and
    // the assertion would move the expected run time by a second.
    const base = Math.floor(Date.now() / 1000) * 1000;
    const at = (secondsAgo: number) => new Date(base - secondsAgo * 1000);
    const low = await enqueue(type, {}, { priority: -1, runAt: at(60) });
    const newer = await enqueue(type, {}, { runAt: at(5) });
    const older = await enqueue(type, {}, { runAt: at(30) });
    const high = await enqueue(type, {}, { priority: 7, runAt: at(1) });
    const twins = [await enqueue(type, {}, { runAt: at(10) }), await enqueue(type, {}, { runAt: at(10) })].sort();
    const claimed = await claimJobs("order-worker", 10, [type], FAST_TIMING);
    expect(claimed.map((j) => j.id)).toEqual([high, older, ...twins, newer, low]);
    expect(claimed[0]).toMatchObject({ id: high, tenantId: null, tenantSlug: null, type, payload: {}, attempts: 1, maxAttempts: 3, runAt: at(1) });
  });

  it("claims a type's own priority unless the enqueue names one, so background counting waits behind a member's job", async () => {
    const background = registerJob(defineJob({ type: uniqueType("lease-background"), scope: "system", payload: noPayload, priority: BACKGROUND_PRIORITY, handler: async () => null }));
    const interactive = jobType("lease-interactive");
    const earlier = new Date(Date.now() - 60_000);
    const counting = await enqueue(background, {}, { runAt: earlier });
    const urgentCounting = await enqueue(background, {}, { runAt: earlier, priority: 3 });
    const waitedOn = await enqueue(interactive, {}, {});
    const claimed = await claimJobs("priority-worker", 10, [background.type, interactive], FAST_TIMING);
    expect(claimed.map((j) => j.id)).toEqual([urgentCounting, waitedOn, counting]);
    expect(await readJob(counting)).toMatchObject({ priority: BACKGROUND_PRIORITY });
  });

  it("sorts the claimed jobs itself, whatever order the database returns them in", async () => {
    const type = jobType("lease-resort");
    const base = Math.floor(Date.now() / 1000) * 1000;
    const at = (secondsAgo: number) => new Date(base - secondsAgo * 1000);
    // Enqueued (and so numbered: ids are time-ordered) in the reverse of the order they run in,
    // except the twins, whose ids decide between them.
    const low = await enqueue(type, {}, { priority: -1, runAt: at(60) });
    const newer = await enqueue(type, {}, { runAt: at(5) });
    const twins = [await enqueue(type, {}, { runAt: at(10) }), await enqueue(type, {}, { runAt: at(10) })].sort();
    const older = await enqueue(type, {}, { runAt: at(30) });
    const high = await enqueue(type, {}, { priority: 7, runAt: at(1) });
    // A merge join on id makes the UPDATE … RETURNING come back in id order, not the CTE's
    // (the embedded database has one session; on a pooled server the settings may not apply,
    // and the assertion still holds).
    const { sql } = await getDatabase();
    await sql.exec("SET enable_hashjoin = off; SET enable_nestloop = off");
    let claimed: ClaimedJob[];
    try {
      claimed = await claimJobs("resort-worker", 10, [type], FAST_TIMING);
    } finally {
      await sql.exec("RESET enable_hashjoin; RESET enable_nestloop");
    }
    expect(claimed.map((j) => j.id)).toEqual([high, older, ...twins, newer, low]);
  });
});

describe("reapExpiredLeases", () => {
  it("puts a dead runner's job back on the queue without using an attempt, CANCELLED when asked to stop, and counts each", async () => {
    const [retry, last, cancelled] = [jobType("reap-retry"), jobType("reap-last", { maxAttempts: 1 }), jobType("reap-cancel")];
    const jobs = [await claimOne(retry, "doomed"), await claimOne(last, "doomed"), await claimOne(cancelled, "doomed")];
    await setColumns(jobs[2]!.id, "cancel");
    const still = await reapExpiredLeases();
    expect(still.filter((r) => jobs.some((j) => j.id === r.id))).toEqual([]);
    for (const job of jobs) await setColumns(job.id, "expire");

    const reaped = (await reapExpiredLeases()).filter((r) => jobs.some((j) => j.id === r.id));
    expect(reaped.sort((x, y) => x.type.localeCompare(y.type))).toEqual(
      [
        { id: jobs[0]!.id, type: retry, status: "PENDING" },
        // One attempt only, and still not dead: the runner died, the handler never failed.
        { id: jobs[1]!.id, type: last, status: "PENDING" },
        { id: jobs[2]!.id, type: cancelled, status: "CANCELLED" },
      ].sort((x, y) => x.type.localeCompare(y.type)),
    );
    const counters = snapshot().counters;
    expect([counters.released.byType[retry], counters.failed.byType[retry], counters.dead.byType[retry]]).toEqual([1, undefined, undefined]);
    expect([counters.released.byType[last], counters.failed.byType[last], counters.dead.byType[last]]).toEqual([1, undefined, undefined]);
    expect([counters.failed.byType[cancelled], counters.dead.byType[cancelled], counters.cancelled.byType[cancelled]]).toEqual([
      undefined,
      undefined,
      1,
    ]);
    expect(await readJob(jobs[0]!.id)).toMatchObject({ status: "PENDING", attempts: 0, lockedBy: null, lockedUntil: null, lastError: "Runner doomed stopped renewing its lease" });
    expect(await readJob(jobs[1]!.id)).toMatchObject({ status: "PENDING", attempts: 0, finishedAt: null });
    // Runnable at once by another runner.
    expect((await claimJobs("heir", 1, [last], FAST_TIMING)).map((j) => [j.id, j.attempts])).toEqual([[jobs[1]!.id, 1]]);
  });

  it("makes a job dead once it has lost its runner MAX_LOST_LEASES times", async () => {
    const type = jobType("reap-crasher");
    const id = await enqueue(type, {});
    let status = "";
    for (let i = 0; i < MAX_LOST_LEASES; i++) {
      expect((await claimJobs(`crasher-${i}`, 1, [type], FAST_TIMING)).map((j) => j.id)).toEqual([id]);
      await setColumns(id, "expire");
      status = (await reapExpiredLeases()).find((r) => r.id === id)!.status;
      if (i < MAX_LOST_LEASES - 1) expect(status).toBe("PENDING");
    }
    expect(status).toBe("DEAD");
    // Counted as released each time it went back on the queue, and once as dead.
    const counters = snapshot().counters;
    expect([counters.released.byType[type], counters.dead.byType[type], counters.failed.byType[type]]).toEqual([MAX_LOST_LEASES - 1, 1, undefined]);
  });
});

describe("heartbeat", () => {
  it("extends the lease and writes progress only while this runner holds this attempt, and reports a cancel", async () => {
    const type = jobType("beat", { transaction: "per-call" });
    const job = await claimOne(type, "beater");
    expect(await heartbeat(job, "beater", 60_000, { percent: 40, stage: "copying", dirty: true })).toEqual({ owned: true, cancelRequested: false });
    const afterBeat = await readJob(job.id);
    expect(afterBeat).toMatchObject({ progress: 40, stage: "copying" });
    expect(afterBeat.lockedUntil!.getTime() - afterBeat.updatedAt.getTime()).toBe(60_000);

    // Nothing new to report: progress and stage stay; a shorter lease never shortens the current one.
    expect(await heartbeat(job, "beater", 1_000, noProgress)).toEqual({ owned: true, cancelRequested: false });
    expect(await readJob(job.id)).toMatchObject({ progress: 40, stage: "copying", lockedUntil: afterBeat.lockedUntil });

    await setColumns(job.id, "cancel");
    expect(await heartbeat(job, "beater", 60_000, noProgress)).toEqual({ owned: true, cancelRequested: true });
    expect(await heartbeat(job, "someone-else", 60_000, { percent: 90, dirty: true })).toEqual({ owned: false, cancelRequested: false });
    expect(await heartbeat({ ...job, attempts: job.attempts + 1 }, "beater", 60_000, { percent: 90, dirty: true })).toEqual({
      owned: false,
      cancelRequested: false,
    });
    expect((await readJob(job.id)).progress).toBe(40);
  });
});

describe("finish", () => {
  it("records a success with its result and final stage, and ignores a runner that does not hold the job", async () => {
    const type = jobType("finish-ok", { transaction: "per-call" });
    const job = await claimOne(type, "finisher");
    await heartbeat(job, "finisher", 5_000, { stage: "working", dirty: true });
    expect(await finish(job, "intruder", { kind: "succeeded", result: { n: 1 } }, noProgress)).toBeNull();
    expect(await finish({ ...job, attempts: 2 }, "finisher", { kind: "succeeded", result: { n: 1 } }, noProgress)).toBeNull();
    expect((await readJob(job.id)).status).toBe("RUNNING");

    expect(await finish(job, "finisher", { kind: "succeeded", result: { n: 1 } }, noProgress)).toBe("SUCCEEDED");
    expect(await readJob(job.id)).toMatchObject({ status: "SUCCEEDED", result: { n: 1 }, progress: 100, stage: "working", lockedBy: null, lockedUntil: null });
    // Once finished, nobody's outcome counts any more.
    expect(await finish(job, "finisher", { kind: "succeeded", result: { n: 2 } }, noProgress)).toBeNull();

    const other = await claimOne(type, "finisher");
    expect(await finish(other, "finisher", { kind: "succeeded", result: undefined }, { stage: "done", dirty: true })).toBe("SUCCEEDED");
    expect(await readJob(other.id)).toMatchObject({ result: null, stage: "done" });
  });

  it("a release hands the attempt back (or ends a cancelled job) and keeps the progress", async () => {
    const type = jobType("finish-release", { transaction: "per-call" });
    const job = await claimOne(type, "releaser");
    expect(await finish(job, "releaser", { kind: "released" }, { percent: 30, stage: "half", dirty: true })).toBe("PENDING");
    expect(await readJob(job.id)).toMatchObject({ status: "PENDING", attempts: 0, progress: 30, stage: "half", lockedBy: null, finishedAt: null });

    const again = (await claimJobs("releaser", 1, [type], FAST_TIMING))[0]!;
    await setColumns(again.id, "cancel");
    expect(await finish(again, "releaser", { kind: "released" }, noProgress)).toBe("CANCELLED");
    const cancelled = await readJob(again.id);
    expect(cancelled).toMatchObject({ status: "CANCELLED", attempts: 1, progress: 30, stage: "half" });
    expect(cancelled.finishedAt).not.toBeNull();
  });

  it("a failure records the error (any thrown value, bounded), schedules the retry, or ends the job", async () => {
    const type = jobType("finish-fail", { transaction: "per-call", maxAttempts: 3 });
    const failed = (error: unknown, extra: { retryInMs?: number; permanent?: boolean; cancelled?: boolean } = {}) =>
      ({ kind: "failed", error, retryInMs: 0, permanent: false, cancelled: false, ...extra }) as const;

    const plain = await claimOne(type, "failer");
    expect(await finish(plain, "intruder", failed(new Error("not yours")), noProgress)).toBeNull();
    expect(await finish(plain, "failer", failed("a plain string", { retryInMs: 45_000 }), { percent: 70, stage: "parsing", dirty: true })).toBe(
      "FAILED",
    );
    const row = await readJob(plain.id);
    expect(row).toMatchObject({ status: "FAILED", lastError: "a plain string", progress: 70, stage: "parsing", lockedBy: null, finishedAt: null });
    expect(row.runAt.getTime() - row.updatedAt.getTime()).toBe(45_000);
    expect(row.errorHistory).toEqual([expect.objectContaining({ attempt: 1, message: "a plain string", stack: expect.any(String) })]);

    const unnamed = await claimOne(type, "failer");
    const long = new Error("x".repeat(5_000));
    long.stack = "s".repeat(10_000);
    const noStack = new TypeError("");
    noStack.stack = undefined;
    expect(await finish(unnamed, "failer", failed(noStack), noProgress)).toBe("FAILED");
    expect((await readJob(unnamed.id)).lastError).toBe("TypeError");
    expect((await readJob(unnamed.id)).errorHistory).toEqual([expect.not.objectContaining({ stack: expect.anything() })]);
    const second = (await claimJobs("failer", 1, [type], FAST_TIMING))[0]!;
    expect(second.id).toBe(unnamed.id);
    expect(await finish(second, "failer", failed(long, { permanent: true }), noProgress)).toBe("DEAD");
    const dead = await readJob(unnamed.id);
    expect(dead.lastError).toBe("x".repeat(2_000));
    expect((dead.errorHistory as { stack?: string }[])[1]!.stack).toBe("s".repeat(8_000));
    expect(dead.finishedAt).not.toBeNull();

    const stopped = await claimOne(type, "failer");
    expect(await finish(stopped, "failer", failed(new Error("aborted"), { cancelled: true }), noProgress)).toBe("CANCELLED");
    expect(await readJob(stopped.id)).toMatchObject({ status: "CANCELLED", lastError: null, errorHistory: [] });
  });
});

describe("job events", () => {
  it("tells the tenant when its job is claimed, reports progress, and ends; a plain renewal or a runner not holding the job tells nothing", async () => {
    const tenant = await createTestTenant("lease-events");
    const type = tenantJobType("lease-events");
    const running = (progress: number | null, stage: string | null) => ({ kind: "job.updated", data: { type, status: "RUNNING", progress, stage } });

    const id = await enqueue(type, {}, { tenantId: tenant.id });
    const enqueued = (await jobEvents(tenant.id, id)).length; // the enqueue's own event
    const [job] = await claimJobs("eventful", 1, [type], FAST_TIMING);
    expect(job).toMatchObject({ id, tenantId: tenant.id, tenantSlug: tenant.slug });
    const since = async () => (await jobEvents(tenant.id, id)).slice(enqueued);
    expect(await since()).toEqual([running(null, null)]);

    expect(await heartbeat(job!, "eventful", 5_000, noProgress)).toMatchObject({ owned: true });
    expect(await heartbeat(job!, "intruder", 5_000, { percent: 90, dirty: true })).toMatchObject({ owned: false });
    expect(await since()).toEqual([running(null, null)]);
    await heartbeat(job!, "eventful", 5_000, { percent: 40, stage: "copying", dirty: true });
    // Progress as stored: a stage alone keeps the percent reported before.
    await heartbeat(job!, "eventful", 5_000, { stage: "checking", dirty: true });
    expect(await since()).toEqual([running(null, null), running(40, "copying"), running(40, "checking")]);

    expect(await finish(job!, "intruder", { kind: "succeeded", result: null }, noProgress)).toBeNull();
    expect(await finish(job!, "eventful", { kind: "succeeded", result: null }, noProgress)).toBe("SUCCEEDED");
    expect((await since()).slice(3)).toEqual([{ kind: "job.updated", data: { type, status: "SUCCEEDED", progress: 100, stage: null } }]);
  });

  it("tells the tenant of a failure or a release with the progress the runner last had", async () => {
    const tenant = await createTestTenant("lease-events-fail");
    const type = tenantJobType("lease-events-fail");
    const id = await enqueue(type, {}, { tenantId: tenant.id });
    const last = async () => (await jobEvents(tenant.id, id)).at(-1)?.data;

    const [first] = await claimJobs("eventful", 1, [type], FAST_TIMING);
    const failure = { kind: "failed", error: new Error("boom"), retryInMs: 0, permanent: false, cancelled: false } as const;
    expect(await finish(first!, "eventful", failure, { percent: 70, stage: "parsing", dirty: true })).toBe("FAILED");
    expect(await last()).toEqual({ type, status: "FAILED", progress: 70, stage: "parsing" });

    const [second] = await claimJobs("eventful", 1, [type], FAST_TIMING);
    expect(second?.id).toBe(id);
    expect(await finish(second!, "eventful", { kind: "released" }, { percent: 20, dirty: true })).toBe("PENDING");
    expect(await last()).toEqual({ type, status: "PENDING", progress: 20, stage: null });
  });

  it("writes no events for a system job, which no tenant watches", async () => {
    const type = jobType("lease-events-system");
    const job = await claimOne(type, "quiet");
    await heartbeat(job, "quiet", 5_000, { percent: 10, dirty: true });
    await finish(job, "quiet", { kind: "succeeded", result: null }, noProgress);
    const events = await withPrivilegedDb("test check", (db) => db.realtimeEvent.count({ where: { entityId: job.id } }));
    expect(events).toBe(0);
  });
});
