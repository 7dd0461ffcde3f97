// Prometheus metrics of this process: the job queue's counters, attempt durations and depth
// (src/server/jobs/metrics.ts) plus Node's process metrics, in one prom-client registry per
// process. Job values are read from the jobs' own snapshot at scrape time, so nothing is counted twice.
import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Registry, type Metric } from "prom-client";
import { jobMetricsSnapshot } from "@/server/jobs";

function jobDurationHistogram(): Metric {
  const name = "caseboard_job_duration_seconds";
  const help = "Duration of job attempts by job type";
  const read = () => {
    const values: { value: number; labels: Record<string, string | number>; metricName: string }[] = [];
    for (const [type, stats] of Object.entries(jobMetricsSnapshot().durations)) {
      let cumulative = 0;
      for (const bucket of stats.buckets) {
        cumulative += bucket.count;
        const le = bucket.leMs === null ? "+Inf" : String(bucket.leMs / 1000);
        values.push({ metricName: `${name}_bucket`, labels: { type, le }, value: cumulative });
      }
      values.push({ metricName: `${name}_sum`, labels: { type }, value: stats.sumMs / 1000 });
      values.push({ metricName: `${name}_count`, labels: { type }, value: stats.count });
    }
    return { name, help, type: "histogram", aggregator: "sum", values };
  };
  // prom-client formats any object with get(); its Histogram cannot take pre-counted buckets.
  return { name, help, type: "histogram", aggregator: "sum", get: async () => read() } as unknown as Metric;
}

function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Counter({
    name: "caseboard_jobs_total",
    help: "Job events in this process by event (enqueued, succeeded, failed, dead, cancelled, released, leaseLost) and job type",
    labelNames: ["event", "type"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [event, counter] of Object.entries(jobMetricsSnapshot().counters)) {
        for (const [type, n] of Object.entries(counter.byType)) this.inc({ event, type }, n);
      }
    },
  });
  new Gauge({
    name: "caseboard_job_queue_depth",
    help: "Jobs waiting (due: may run now; waiting: due or scheduled later) and running",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const depth = jobMetricsSnapshot().queueDepth;
      this.reset();
      if (!depth) return;
      this.set({ state: "due" }, depth.due);
      this.set({ state: "waiting" }, depth.waiting);
      this.set({ state: "running" }, depth.running);
    },
  });
  registry.registerMetric(jobDurationHistogram());
  return registry;
}

const globalForMetrics = globalThis as unknown as { caseboardPromRegistry?: Registry };

export function metricsRegistry(): Registry {
  globalForMetrics.caseboardPromRegistry ??= createRegistry();
  return globalForMetrics.caseboardPromRegistry;
}
