// Job metrics of this process: counters and attempt durations by job type, and the queue depth
// as last measured. snapshot() returns plain data for a /metrics endpoint to render. Kept on
// globalThis because Next loads route handlers and instrumentation as separate module graphs,
// and a runner in one must show up in an endpoint served by the other.
import { withPrivilegedDb } from "@/server/db/privileged-db";

export type JobCounter = "enqueued" | "succeeded" | "failed" | "dead" | "cancelled" | "released" | "leaseLost";

/** Upper bounds (ms) of the duration histogram buckets; a last, unbounded bucket is implied. */
export const DURATION_BUCKETS_MS = [10, 50, 100, 500, 1_000, 5_000, 30_000, 120_000, 600_000] as const;

interface DurationStats {
  count: number;
  sumMs: number;
  maxMs: number;
  /** Counts per bucket (not cumulative), one more than DURATION_BUCKETS_MS for +Inf. */
  buckets: number[];
}

export interface QueueDepth {
  /** Pending or retrying jobs whose time has come. */
  due: number;
  /** Pending or retrying jobs, due or scheduled later. */
  waiting: number;
  running: number;
  measuredAt: string;
}

export interface JobMetricsSnapshot {
  counters: Record<JobCounter, { total: number; byType: Record<string, number> }>;
  durations: Record<string, Omit<DurationStats, "buckets"> & { buckets: { leMs: number | null; count: number }[] }>;
  queueDepth: QueueDepth | null;
}

interface Registry {
  counters: Map<JobCounter, Map<string, number>>;
  durations: Map<string, DurationStats>;
  queueDepth: QueueDepth | null;
}

const COUNTERS: JobCounter[] = ["enqueued", "succeeded", "failed", "dead", "cancelled", "released", "leaseLost"];

function createRegistry(): Registry {
  return { counters: new Map(COUNTERS.map((c) => [c, new Map()])), durations: new Map(), queueDepth: null };
}

const globalForMetrics = globalThis as unknown as { caseboardJobMetrics?: Registry };
const registry = (globalForMetrics.caseboardJobMetrics ??= createRegistry());

export function countJob(counter: JobCounter, type: string, n = 1): void {
  const byType = registry.counters.get(counter)!;
  byType.set(type, (byType.get(type) ?? 0) + n);
}

/** Duration of one attempt, whatever its outcome. */
export function recordJobDuration(type: string, ms: number): void {
  let stats = registry.durations.get(type);
  if (!stats) {
    stats = { count: 0, sumMs: 0, maxMs: 0, buckets: new Array<number>(DURATION_BUCKETS_MS.length + 1).fill(0) };
    registry.durations.set(type, stats);
  }
  stats.count += 1;
  stats.sumMs += ms;
  stats.maxMs = Math.max(stats.maxMs, ms);
  const bucket = DURATION_BUCKETS_MS.findIndex((le) => ms <= le);
  stats.buckets[bucket === -1 ? DURATION_BUCKETS_MS.length : bucket]! += 1;
}

/** Counts the queue (two index scans: the due index and the lease index) and keeps the result. */
export async function refreshQueueDepth(): Promise<QueueDepth> {
  const [row] = await withPrivilegedDb("measure job queue depth", (db) =>
    db.$queryRaw<{ due: number; waiting: number; running: number }[]>`
      SELECT count(*) FILTER (WHERE status IN ('PENDING', 'FAILED') AND run_at <= now())::int AS due,
             count(*) FILTER (WHERE status IN ('PENDING', 'FAILED'))::int AS waiting,
             count(*) FILTER (WHERE status = 'RUNNING')::int AS running
        FROM jobs
       WHERE status IN ('PENDING', 'FAILED', 'RUNNING')`,
  );
  registry.queueDepth = { due: row?.due ?? 0, waiting: row?.waiting ?? 0, running: row?.running ?? 0, measuredAt: new Date().toISOString() };
  return registry.queueDepth;
}

export function snapshot(): JobMetricsSnapshot {
  const counters = {} as JobMetricsSnapshot["counters"];
  for (const [name, byType] of registry.counters) {
    const entries = Object.fromEntries(byType);
    counters[name] = { total: Object.values(entries).reduce((a, b) => a + b, 0), byType: entries };
  }
  const durations: JobMetricsSnapshot["durations"] = {};
  for (const [type, stats] of registry.durations) {
    durations[type] = {
      count: stats.count,
      sumMs: Math.round(stats.sumMs * 10) / 10,
      maxMs: Math.round(stats.maxMs * 10) / 10,
      buckets: stats.buckets.map((count, i) => ({ leMs: DURATION_BUCKETS_MS[i] ?? null, count })),
    };
  }
  return { counters, durations, queueDepth: registry.queueDepth ? { ...registry.queueDepth } : null };
}

/** For tests. */
export function resetJobMetrics(): void {
  const fresh = createRegistry();
  registry.counters = fresh.counters;
  registry.durations = fresh.durations;
  registry.queueDepth = null;
}
