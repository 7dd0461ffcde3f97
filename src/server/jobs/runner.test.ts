import { describe, expect, it } from "vitest";
import { z } from "zod";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { defineJob, PermanentJobError } from "./define";
import { snapshot } from "./metrics";
import { cancelJob, enqueue, retryJob } from "./queue";
import { registerJob } from "./registry";
import { claimJobs, retryDelayMs } from "./runner";
import { abortOf, countingJob, deferred, FAST_TIMING, noPayload, readJob, runOnly, sleep, uniqueType } from "./test-kit";

describe("job runner", () => {
  it("runs a due job once and records result, progress and timings", async () => {
    const type = registerJob(
      defineJob({
        type: uniqueType("basic"),
        scope: "system",
        payload: z.object({ n: z.number() }),
        async handler({ n }, { progress, job }) {
          progress(50, "halfway");
          return { doubled: n * 2, attempt: job.attempt };
        },
      }),
    ).type;
    const id = await enqueue(type, { n: 21 });
    expect((await readJob(id)).status).toBe("PENDING");

    const summary = await runOnly([type]);
    expect(summary).toMatchObject({ claimed: 1, succeeded: 1, failed: 0, stoppedBy: "idle" });
    const job = await readJob(id);
    expect(job).toMatchObject({
      status: "SUCCEEDED",
      result: { doubled: 42, attempt: 1 },
      attempts: 1,
      progress: 100,
      stage: "halfway",
      lockedBy: null,
      lockedUntil: null,
    });
    expect(job.startedAt!.getTime()).toBeLessThanOrEqual(job.finishedAt!.getTime());

    const metrics = snapshot();
    expect(metrics.counters.enqueued.byType[type]).toBe(1);
    expect(metrics.counters.succeeded.byType[type]).toBe(1);
    expect(metrics.durations[type]?.count).toBe(1);
    expect(metrics.queueDepth).not.toBeNull();
  });

  it("two runners racing never run one job twice", async () => {
    const { type, calls } = countingJob("race", async () => {
      await sleep(1);
      return null;
    });
    const ids = await Promise.all(Array.from({ length: 60 }, () => enqueue(type, {})));
    const [a, b] = await Promise.all([runOnly([type], { concurrency: 4 }), runOnly([type], { concurrency: 4 })]);
    expect(a.claimed + b.claimed).toBe(60);
    expect(a.succeeded + b.succeeded).toBe(60);
    expect(ids.map((id) => calls.get(id))).toEqual(ids.map(() => 1));
    const statuses = await withPrivilegedDb("test check", (db) =>
      db.job.groupBy({ by: ["status"], where: { type }, _count: true }),
    );
    expect(statuses).toEqual([{ status: "SUCCEEDED", _count: 60 }]);
  });

  it("past its budget, a long-lived runner keeps filling free slots while a long job runs; a bounded run only waits", async () => {
    const long = deferred();
    const slow = countingJob("slow", async () => {
      await long.promise;
      return null;
    });
    const quick = countingJob("quick");
    const types = [slow.type, quick.type];
    for (const keepClaiming of [true, false]) {
      await enqueue(slow.type, {});
      const run = runOnly(types, { budgetMs: 50, pollMs: 20, concurrency: 2, keepClaiming });
      // Past the budget, with the long job holding one slot, an export-like job arrives.
      await sleep(150);
      const quickId = await enqueue(quick.type, {});
      // Long enough for several polls; with keepClaiming, as long as it takes (a busy machine).
      let seen = "PENDING";
      for (const started = Date.now(); Date.now() - started < (keepClaiming ? 10_000 : 300); await sleep(20)) {
        seen = (await readJob(quickId)).status;
        if (seen === "SUCCEEDED") break;
      }
      long.resolve();
      const summary = await run;
      if (keepClaiming) {
        // Claimed and done while the long job still ran; the run ended once both had: at its next
        // look ("budget"), or at once if the long job ended while it was claiming ("idle").
        expect(seen).toBe("SUCCEEDED");
        expect(summary).toMatchObject({ claimed: 2, succeeded: 2, stoppedBy: expect.stringMatching(/^(budget|idle)$/) });
      } else {
        expect(seen).toBe("PENDING");
        expect(summary).toMatchObject({ claimed: 1, succeeded: 1, stoppedBy: "budget" });
        await runOnly(types);
      }
      Object.assign(long, deferred());
    }
  });

  it("runs higher priority first, then earlier runAt", async () => {
    const order: string[] = [];
    const type = registerJob(
      defineJob({
        type: uniqueType("priority"),
        scope: "system",
        payload: z.object({ name: z.string() }),
        async handler({ name }) {
          order.push(name);
        },
      }),
    ).type;
    const past = (s: number) => new Date(Date.now() - s * 1000);
    await enqueue(type, { name: "low-old" }, { priority: -1, runAt: past(30) });
    await enqueue(type, { name: "normal-new" }, { runAt: past(1) });
    await enqueue(type, { name: "normal-old" }, { runAt: past(20) });
    await enqueue(type, { name: "high" }, { priority: 5, runAt: past(1) });
    await enqueue(type, { name: "future" }, { priority: 9, runAt: new Date(Date.now() + 60_000) });
    await runOnly([type], { concurrency: 1 });
    expect(order).toEqual(["high", "normal-old", "normal-new", "low-old"]);
  });

  it("re-runs the job of a runner that died (expired lease) and succeeds exactly once", async () => {
    const { type, calls } = countingJob("killed");
    const id = await enqueue(type, {});
    // A runner claims the job, then dies before running it.
    const [claimed] = await claimJobs("doomed-runner", 1, [type], FAST_TIMING);
    expect(claimed?.id).toBe(id);
    expect(await runOnly([type])).toMatchObject({ claimed: 0 }); // still leased: nobody else takes it
    await withPrivilegedDb("test: expire the lease", (db) =>
      db.$executeRaw`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = ${id}::uuid`,
    );

    const summary = await runOnly([type]);
    expect(summary).toMatchObject({ reaped: 1, claimed: 1, succeeded: 1 });
    expect(calls.get(id)).toBe(1);
    const job = await readJob(id);
    // The lost lease used up no attempt: only the handler's own failures count.
    expect(job).toMatchObject({ status: "SUCCEEDED", attempts: 1, lockedBy: null });
    expect(job.errorHistory).toEqual([
      expect.objectContaining({ attempt: 1, leaseLost: true, message: expect.stringMatching(/doomed-runner stopped renewing its lease/) }),
    ]);
    expect(await runOnly([type])).toMatchObject({ claimed: 0, reaped: 0 });
    expect(calls.get(id)).toBe(1);
  });

  it("discards the late outcome of a runner whose lease was taken over", async () => {
    const firstStarted = deferred();
    const releaseFirst = deferred();
    let started = 0;
    // A lost lease hands the attempt back, so both runs are attempt 1: tell them apart by order.
    const { type, calls } = countingJob("zombie", async () => {
      if (++started === 1) {
        firstStarted.resolve();
        await releaseFirst.promise;
        return { by: "zombie" };
      }
      return { by: "second runner" };
    });
    const id = await enqueue(type, {});
    // The first runner stalls (no heartbeats within the test) after starting the handler.
    const zombie = runOnly([type], { timing: { heartbeatMs: 60_000 } });
    await firstStarted.promise;
    await withPrivilegedDb("test: expire the lease", (db) =>
      db.$executeRaw`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = ${id}::uuid`,
    );
    expect(await runOnly([type])).toMatchObject({ reaped: 1, succeeded: 1 });
    releaseFirst.resolve();
    expect(await zombie).toMatchObject({ claimed: 1, succeeded: 0, leaseLost: 1 });
    expect(calls.get(id)).toBe(2);
    expect(await readJob(id)).toMatchObject({ status: "SUCCEEDED", attempts: 1, result: { by: "second runner" } });
  });

  it("retries with growing, jittered backoff, then marks the job dead", async () => {
    const { type, calls } = countingJob("flaky", async (attempt) => {
      throw new Error(`boom ${attempt}`);
    });
    // A backoff long enough that no retry comes due during a run; the test moves time on instead.
    const backoff = { baseMs: 2_000, maxMs: 60_000 };
    const fastForward = (id: string) =>
      withPrivilegedDb("test: make the retry due", (db) => db.$executeRaw`UPDATE jobs SET run_at = now() WHERE id = ${id}::uuid`);
    const id = await enqueue(type, {}, { maxAttempts: 4 });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await runOnly([type], { timing: { backoff } })).toMatchObject({ claimed: 1 });
      const job = await readJob(id);
      expect(job).toMatchObject({ status: attempt < 4 ? "FAILED" : "DEAD", attempts: attempt, lastError: `boom ${attempt}` });
      if (attempt < 4) {
        waits.push(job.runAt.getTime() - job.updatedAt.getTime());
        await fastForward(id);
      }
    }
    expect(calls.get(id)).toBe(4);
    // Attempt n waits within [base·2^(n-1)/2, base·2^(n-1)], so never less than the wait before.
    waits.forEach((wait, i) => {
      const ceiling = backoff.baseMs * 2 ** i;
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2 - 1);
      expect(wait).toBeLessThanOrEqual(ceiling + 1);
    });
    expect(waits[1]!).toBeGreaterThanOrEqual(waits[0]! - 1);
    expect(waits[2]!).toBeGreaterThanOrEqual(waits[1]! - 1);

    const job = await readJob(id);
    const history = job.errorHistory as { attempt: number; at: string; message: string; stack?: string; retryAt?: string }[];
    expect(history.map((h) => h.attempt)).toEqual([1, 2, 3, 4]);
    expect(history.map((h) => h.message)).toEqual(["boom 1", "boom 2", "boom 3", "boom 4"]);
    expect(history[0]?.stack).toContain("boom 1");
    history.slice(0, 3).forEach((h, i) => expect(Math.abs(Date.parse(h.retryAt!) - Date.parse(h.at) - waits[i]!)).toBeLessThanOrEqual(1));
    expect(history[3]?.retryAt).toBeUndefined();
    expect(job.finishedAt).not.toBeNull();
    // Dead stays dead…
    expect(await runOnly([type])).toMatchObject({ claimed: 0 });
    // …until someone retries it, with a fresh set of attempts and the history kept.
    expect(await retryJob(id)).toBe("PENDING");
    expect(await readJob(id)).toMatchObject({ status: "PENDING", attempts: 0, finishedAt: null });
    await runOnly([type], { timing: { backoff } });
    expect(calls.get(id)).toBe(5);
    expect(await readJob(id)).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(((await readJob(id)).errorHistory as unknown[]).length).toBe(5);
    expect(await retryJob(id)).toBe("PENDING");
    await expect(retryJob(id)).rejects.toMatchObject({ code: "CONFLICT" });
    await cancelJob(id);
  });

  it("computes backoff within bounds and caps it", () => {
    const backoff = { baseMs: 1000, maxMs: 10_000 };
    expect(retryDelayMs(1, backoff, () => 0)).toBe(500);
    expect(retryDelayMs(1, backoff, () => 1)).toBe(1000);
    expect(retryDelayMs(3, backoff, () => 0)).toBe(2000);
    expect(retryDelayMs(3, backoff, () => 1)).toBe(4000);
    expect(retryDelayMs(30, backoff, () => 1)).toBe(10_000);
  });

  it("marks a job dead at once when its handler says no attempt can help", async () => {
    const { type, calls } = countingJob("permanent", async () => {
      throw new PermanentJobError("the file is gone");
    });
    const id = await enqueue(type, {}, { maxAttempts: 5 });
    expect(await runOnly([type])).toMatchObject({ dead: 1 });
    expect(await readJob(id)).toMatchObject({ status: "DEAD", attempts: 1, lastError: "the file is gone" });
    expect(calls.get(id)).toBe(1);
  });

  it("aborts an attempt that runs past its timeout and retries it", async () => {
    const type = registerJob(
      defineJob({
        type: uniqueType("slow"),
        scope: "system",
        transaction: "per-call",
        payload: noPayload,
        timeoutMs: 50,
        async handler(_p, { signal }) {
          await abortOf(signal);
        },
      }),
    ).type;
    const id = await enqueue(type, {}, { maxAttempts: 1 });
    expect(await runOnly([type])).toMatchObject({ dead: 1 });
    expect(await readJob(id)).toMatchObject({ status: "DEAD", lastError: "Job attempt timed out" });
  });

  it("does not run a job of an unregistered type, nor claim types it was not asked for", async () => {
    const { type } = countingJob("other");
    const id = await enqueue(type, {});
    expect(await runOnly([uniqueType("unrelated")])).toMatchObject({ claimed: 0 });
    expect((await readJob(id)).status).toBe("PENDING");
    await runOnly([type]);
  });
});

describe("enqueue", () => {
  it("returns the unfinished job for a repeated dedupe key, and a new one once it finished", async () => {
    const { type } = countingJob("dedupe");
    const [first, again] = await Promise.all([enqueue(type, {}, { dedupeKey: "k1" }), enqueue(type, {}, { dedupeKey: "k1" })]);
    expect(again).toBe(first);
    const other = await enqueue(type, {}, { dedupeKey: "k2" });
    expect(other).not.toBe(first);
    await runOnly([type]);
    const later = await enqueue(type, {}, { dedupeKey: "k1" });
    expect(later).not.toBe(first);
  });

  it("validates the payload and the options", async () => {
    const type = registerJob(
      defineJob({ type: uniqueType("strict"), scope: "system", payload: z.object({ n: z.number() }), async handler() {} }),
    ).type;
    await expect(enqueue(type, { n: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST", details: { fieldErrors: { n: expect.any(Array) } } });
    await expect(enqueue(type, { n: 1 }, { dedupeKey: "recurring:x" })).rejects.toThrow(/recurring/);
    await expect(enqueue(type, { n: 1 }, { tenantId: crypto.randomUUID() })).rejects.toThrow(/system job/);
    await expect(enqueue("no.such-type", {})).rejects.toThrow(/Unknown job type/);
  });

  it("inside a handler's transaction, enqueues into that transaction and refuses to open another", async () => {
    const { type: followUp } = countingJob("follow-up");
    const chain = registerJob(
      defineJob({
        type: uniqueType("chain"),
        scope: "system",
        payload: z.object({ passDb: z.boolean() }),
        async handler({ passDb }, { db }) {
          return passDb ? enqueue(followUp, {}, { db }) : enqueue(followUp, {});
        },
      }),
    ).type;
    const good = await enqueue(chain, { passDb: true });
    const bad = await enqueue(chain, { passDb: false }, { maxAttempts: 1 });
    expect(await runOnly([chain])).toMatchObject({ succeeded: 1, dead: 1 });
    expect((await readJob(bad)).lastError).toMatch(/pass its db/);
    const followUpId = (await readJob(good)).result as string;
    expect((await readJob(followUpId)).status).toBe("PENDING");
    await runOnly([followUp]);
  });
});
