// Cancellation is cooperative and final: a cancelled job never runs again unless retried, a
// running handler sees the signal, and a cancel written by another instance arrives with the next
// heartbeat. Jobs stopped by a shutdown go back to the queue without using up an attempt.
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { defineJob, JobAbortedError } from "./define";
import { cancelJob, enqueue, retryJob } from "./queue";
import { registerJob } from "./registry";
import { abortOf, countingJob, deferred, FAST_TIMING, noPayload, readJob, runOnly, sleep, uniqueType } from "./test-kit";

describe("cancellation", () => {
  it("cancels a pending job at once; it never runs, until retried", async () => {
    const { type, calls } = countingJob("cancel-pending");
    const id = await enqueue(type, {});
    expect(await cancelJob(id)).toBe("CANCELLED");
    const job = await readJob(id);
    expect(job).toMatchObject({ status: "CANCELLED" });
    expect(job.cancelRequestedAt).not.toBeNull();
    expect(await runOnly([type])).toMatchObject({ claimed: 0 });
    expect(calls.get(id)).toBeUndefined();
    expect(await cancelJob(id)).toBe("CANCELLED");

    expect(await retryJob(id)).toBe("PENDING");
    expect(await runOnly([type])).toMatchObject({ succeeded: 1 });
    expect(calls.get(id)).toBe(1);
  });

  it("cancels a job waiting for its next attempt", async () => {
    const { type, calls } = countingJob("cancel-failed", async () => {
      throw new Error("try later");
    });
    const id = await enqueue(type, {});
    await runOnly([type]);
    expect((await readJob(id)).status).toBe("FAILED");
    // On a slow machine the first run may already have retried it (the test backoff is a few ms):
    // what matters is that no attempt follows the cancel.
    const attemptsBeforeCancel = calls.get(id);
    expect(attemptsBeforeCancel).toBeGreaterThanOrEqual(1);
    expect(await cancelJob(id)).toBe("CANCELLED");
    await sleep(FAST_TIMING.backoff.baseMs + 5);
    expect(await runOnly([type])).toMatchObject({ claimed: 0 });
    expect(calls.get(id)).toBe(attemptsBeforeCancel);
  });

  it("stops a running job holding its transaction: the handler sees the signal and the job ends cancelled", async () => {
    const started = deferred();
    let reason: unknown;
    const type = registerJob(
      defineJob({
        type: uniqueType("cancel-running"),
        scope: "system",
        payload: noPayload,
        async handler(_p, { signal, db }) {
          await db.$queryRaw`SELECT 1`;
          started.resolve();
          try {
            await abortOf(signal);
          } catch (error) {
            reason = error;
            throw error;
          }
        },
      }),
    ).type;
    const id = await enqueue(type, {});
    const run = runOnly([type]);
    await started.promise;
    expect(["RUNNING", "CANCELLED"]).toContain(await cancelJob(id));
    expect(await run).toMatchObject({ cancelled: 1, failed: 0 });
    expect(reason).toBeInstanceOf(JobAbortedError);
    expect((reason as JobAbortedError).reason).toBe("cancelled");
    const job = await readJob(id);
    expect(job).toMatchObject({ status: "CANCELLED", attempts: 1 });
    expect(job.errorHistory).toEqual([]);
    await sleep(FAST_TIMING.backoff.baseMs);
    expect(await runOnly([type])).toMatchObject({ claimed: 0 });
  });

  it("hears of a cancel written by another instance at its next heartbeat", async () => {
    const started = deferred();
    const { type } = { type: uniqueType("cancel-remote") };
    registerJob(
      defineJob({
        type,
        scope: "system",
        transaction: "per-call",
        payload: noPayload,
        async handler(_p, { signal }) {
          started.resolve();
          await abortOf(signal);
        },
      }),
    );
    const id = await enqueue(type, {});
    const run = runOnly([type]);
    await started.promise;
    // As another instance's cancelJob would: only the row changes, no local signal.
    await withPrivilegedDb("test: remote cancel", (db) =>
      db.job.update({ where: { id }, data: { cancelRequestedAt: new Date() } }),
    );
    expect(await run).toMatchObject({ cancelled: 1 });
    expect((await readJob(id)).status).toBe("CANCELLED");
  });

  it("puts jobs stopped by a shutdown back on the queue without using up an attempt", async () => {
    const started = deferred();
    let runs = 0;
    const type = registerJob(
      defineJob({
        type: uniqueType("shutdown"),
        scope: "system",
        transaction: "per-call",
        payload: noPayload,
        async handler(_p, { signal }) {
          runs += 1;
          if (runs > 1) return "done";
          started.resolve();
          await abortOf(signal);
        },
      }),
    ).type;
    const id = await enqueue(type, {});
    const shutdown = new AbortController();
    const run = runOnly([type], { signal: shutdown.signal });
    await started.promise;
    shutdown.abort();
    expect(await run).toMatchObject({ released: 1, stoppedBy: "signal" });
    expect(await readJob(id)).toMatchObject({ status: "PENDING", attempts: 0, lockedBy: null });
    expect(await runOnly([type])).toMatchObject({ succeeded: 1 });
    expect(await readJob(id)).toMatchObject({ status: "SUCCEEDED", attempts: 1, result: "done" });
  });
});
