// Throughput of the job queue for jobs that do nothing, so what is measured is the queue itself:
// claim (FOR UPDATE SKIP LOCKED, lease), context, finish, each a short transaction.
//   enqueue                one enqueue() per call, sequential (its own transaction each)
//   no-op, concurrency N   runDueJobs draining a backlog of jobs whose handler opens no transaction
//   2 runners × 4          two runDueJobs racing on the same backlog (parallel only on PostgreSQL)
//   tenant tx              the handler runs inside its tenant's transaction (SET ROLE, RLS), as real jobs do
// For the run rows, ops/s is jobs per second of wall time for the whole backlog; p50/p99 are the
// time each job spent claimed (started_at → finished_at).
import { z } from "zod";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { defineJob, enqueue, registerJob, runDueJobs, type RunOptions } from "@/server/jobs";
import { summarize, type Stats } from "./lib/measure";
import type { BenchModule, BenchRow } from "./lib/types";

const noop = defineJob({
  type: "bench.noop",
  scope: "system",
  transaction: "per-call",
  payload: z.object({}),
  async handler() {},
});
const tenantNoop = defineJob({
  type: "bench.noop-tenant",
  scope: "tenant",
  payload: z.object({}),
  async handler() {},
});

async function clear(): Promise<void> {
  await withPrivilegedDb("bench cleanup", (db) => db.job.deleteMany({ where: { type: { in: [noop.type, tenantNoop.type] } } }));
}

async function backlog(type: string, n: number, tenantId: string | null): Promise<void> {
  await withPrivilegedDb("bench backlog", async (db) => {
    for (let i = 0; i < n; i += 5_000) {
      const size = Math.min(5_000, n - i);
      await db.job.createMany({ data: Array.from({ length: size }, () => ({ type, tenantId, payload: {} })) });
    }
  });
}

/** Drains a backlog of `n` jobs with `runners` parallel runDueJobs calls and reports jobs/s. */
async function drain(type: string, n: number, tenantId: string | null, runners: number, options: RunOptions): Promise<Stats> {
  await clear();
  await backlog(type, n, tenantId);
  const started = performance.now();
  const summaries = await Promise.all(
    Array.from({ length: runners }, () => runDueJobs({ ...options, types: [type], recurring: false, budgetMs: 10 * 60_000 })),
  );
  const wallMs = performance.now() - started;
  const succeeded = summaries.reduce((sum, s) => sum + s.succeeded, 0);
  if (succeeded !== n) throw new Error(`jobs: ${succeeded} of ${n} ${type} jobs succeeded`);
  const rows = await withPrivilegedDb("bench check", (db) =>
    db.job.findMany({ where: { type }, select: { startedAt: true, finishedAt: true } }),
  );
  const stats = summarize(rows.map((r) => r.finishedAt!.getTime() - r.startedAt!.getTime()));
  return { ...stats, opsPerSec: (n / wallMs) * 1000 };
}

export const jobsBench: BenchModule = {
  name: "jobs",
  title: "jobs — queue throughput for no-op jobs",
  async run(ctx) {
    registerJob(noop);
    registerJob(tenantNoop);
    const n = ctx.quick ? 200 : 2_000;
    const tenant = await ctx.syntheticTenant("bench-jobs", 100);

    ctx.log(`jobs: enqueue ×${n}`);
    await clear();
    const enqueueSamples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await enqueue(noop, {});
      enqueueSamples.push(performance.now() - t0);
    }

    const rows: BenchRow[] = [{ label: "enqueue (sequential, one tx each)", stats: summarize(enqueueSamples) }];
    const runs: [string, () => Promise<Stats>, boolean?][] = [
      ["no-op, concurrency 1", () => drain(noop.type, n, null, 1, { concurrency: 1 }), true],
      ["no-op, concurrency 4", () => drain(noop.type, n, null, 1, { concurrency: 4 })],
      ["no-op, 2 runners × concurrency 4", () => drain(noop.type, n, null, 2, { concurrency: 4 })],
      ["no-op in a tenant tx, concurrency 4", () => drain(tenantNoop.type, n, tenant.id, 1, { concurrency: 4 })],
    ];
    for (const [label, run, baseline] of runs) {
      ctx.log(`jobs: ${label}, ${n} jobs`);
      rows.push({ label, baseline, stats: await run() });
    }
    await clear();
    const best = rows.slice(1).reduce((a, b) => (b.stats.opsPerSec > a.stats.opsPerSec ? b : a));
    return {
      subtitle: `backlog of ${n.toLocaleString("en-US")} jobs per run row`,
      rows,
      notes: [
        `run rows: ops/s = jobs per second of wall time; p50/p99 = time a job was held (claim to finish)`,
        `best: ${Math.round(best.stats.opsPerSec).toLocaleString("en-US")} jobs/s (${best.label})`,
      ],
    };
  },
};
