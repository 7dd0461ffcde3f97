// Prometheus metrics of this process, in one prom-client registry per process:
// - Node's process metrics (collectDefaultMetrics: CPU, memory, GC, event-loop lag as
//   nodejs_eventloop_lag_*; the lag percentiles cover the time since the previous scrape);
// - the job queue's counters and attempt durations of this process (src/server/jobs/metrics.ts),
//   read from the jobs' own snapshot at scrape time, so nothing is counted twice;
// - realtime streams and feeds open on this instance (the hub);
// - read from the database at scrape time: the queue by job type and status with the age of its
//   oldest job, the tenants that changed most in the last minutes, the job runners seen, and this
//   instance's database connections. These readings are skipped (the series vanish, and
//   caseboard_metrics_db_up says 0) when the database does not answer within DB_READ_TIMEOUT_MS:
//   a scrape never fails or hangs because of the database.
import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Registry, type Metric } from "prom-client";
import { env } from "@/env";
import { getDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { jobMetricsSnapshot, RUNNER_STALE_AFTER_MS } from "@/server/jobs";
import { logger } from "@/server/logger";
import { loadSheddingStats } from "@/server/http/load-shedding";
import { procedureMetricsSnapshot } from "@/server/http/request-metrics";
import { getHub } from "@/server/realtime/hub";
import { registerAiMetrics } from "./ai-metrics";

/** The database readings give up after this; Prometheus' default scrape timeout is 10 s. */
export const DB_READ_TIMEOUT_MS = 3_000;
/** "Top tenants": how many, over which window, and at most how many recent events are counted. */
export const TOP_TENANTS = 10;
export const TOP_TENANTS_WINDOW_MINUTES = 5;
const TOP_TENANTS_MAX_EVENTS = 50_000;
/** Job types are registered in code (a few dozen rows at most); this only guards against a runaway. */
const MAX_QUEUE_ROWS = 1_000;

interface QueueRow {
  type: string;
  status: string;
  jobs: number;
  due: number;
  oldestSeconds: number | null;
}

interface DbReadings {
  queue: QueueRow[];
  topTenants: { tenant: string; changes: number }[];
  runners: number;
  /** Null on the embedded database (one backend, no pool). */
  connections: { state: string; count: number }[] | null;
}

async function readDatabase(): Promise<DbReadings> {
  const readings = await withPrivilegedDb("metrics scrape", async (db) => {
    // Bounded even if an index goes missing: a slow reading is dropped, never waited for.
    await db.$executeRawUnsafe(`SET LOCAL statement_timeout = ${DB_READ_TIMEOUT_MS}`);
    // Unfinished jobs only, one branch per partial index (jobs_due_idx, jobs_lease_idx), so the cost
    // follows the unfinished jobs and not the finished ones the table keeps (a single
    // `status IN (...)` over both would scan the table). Waiting jobs age from when they became
    // due; running ones from the start of their attempt.
    const queue = await db.$queryRaw<QueueRow[]>`
      SELECT * FROM (
        SELECT type, lower(status::text) AS status, count(*)::int AS jobs,
               count(*) FILTER (WHERE run_at <= now())::int AS due,
               extract(epoch FROM now() - min(run_at) FILTER (WHERE run_at <= now()))::float8 AS "oldestSeconds"
          FROM jobs
         WHERE status IN ('PENDING', 'FAILED')
         GROUP BY type, status
        UNION ALL
        SELECT type, 'running', count(*)::int, 0, extract(epoch FROM now() - min(started_at))::float8
          FROM jobs
         WHERE status = 'RUNNING'
         GROUP BY type
      ) unfinished
      ORDER BY type, status
      LIMIT ${MAX_QUEUE_ROWS}`;
    // Every change others should see writes one event to its tenant's log, so the log is a cheap
    // measure of write load per tenant: the newest events only (index on created_at), top few.
    const topTenants = await db.$queryRaw<{ tenant: string; changes: number }[]>`
      SELECT t.slug AS tenant, recent.changes
        FROM (SELECT tenant_id, count(*)::int AS changes
                FROM (SELECT tenant_id FROM realtime_events
                       WHERE created_at > now() - make_interval(mins => ${TOP_TENANTS_WINDOW_MINUTES}::int)
                       ORDER BY created_at DESC
                       LIMIT ${TOP_TENANTS_MAX_EVENTS}) newest
               GROUP BY tenant_id
               ORDER BY changes DESC
               LIMIT ${TOP_TENANTS}) recent
        JOIN tenants t ON t.id = recent.tenant_id
       ORDER BY recent.changes DESC, t.slug`;
    const [runners] = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM job_runners
       WHERE last_seen_at > now() - make_interval(secs => ${RUNNER_STALE_AFTER_MS / 1000}::int)`;
    return { queue, topTenants, runners: runners?.count ?? 0 };
  });
  return { ...readings, connections: await readConnections() };
}

/**
 * This instance's connections to its database, by state, as PostgreSQL sees them: the pool
 * itself (src/server/db/connection.ts) is not reachable from here. Its connections are those of
 * the same role from this process's address (one container, one address), so processes sharing
 * an address (several on one host) are counted together. As the connecting role, not the
 * privileged one: pg_stat_activity hides other roles' connection details.
 */
async function readConnections(): Promise<DbReadings["connections"]> {
  const db = await getDatabase();
  if (db.kind !== "postgres") return null;
  const rows = await db.sql.query<{ state: string; count: number }>(
    `SELECT coalesce(state, 'unknown') AS state, count(*)::int AS count
       FROM pg_stat_activity
      WHERE datname = current_database() AND usename = current_user AND backend_type = 'client backend'
        AND client_addr IS NOT DISTINCT FROM inet_client_addr()
      GROUP BY 1`,
  );
  return rows;
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** One reading per scrape, shared by every gauge that needs it (prom-client collects them concurrently). */
function databaseReader(): () => Promise<DbReadings | null> {
  let inFlight: Promise<DbReadings | null> | null = null;
  return () => {
    inFlight ??= withDeadline(readDatabase(), DB_READ_TIMEOUT_MS)
      .catch((err: unknown) => {
        logger.warn({ err }, "database readings skipped in this metrics scrape");
        return null;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}

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

function procedureMetrics(): Metric[] {
  const durations = "caseboard_procedure_duration_seconds";
  const calls = "caseboard_procedure_calls_total";
  const histogram = {
    name: durations,
    help: "Duration of tRPC and REST procedure calls (subscriptions excluded) by procedure",
    type: "histogram",
    aggregator: "sum",
    get: async () => ({
      name: durations,
      help: "Duration of tRPC and REST procedure calls (subscriptions excluded) by procedure",
      type: "histogram",
      aggregator: "sum",
      values: procedureMetricsSnapshot().flatMap((p) => [
        ...p.cumulative.map((b) => ({ metricName: `${durations}_bucket`, labels: { procedure: p.procedure, le: b.leMs === null ? "+Inf" : String(b.leMs / 1000) }, value: b.count })),
        { metricName: `${durations}_sum`, labels: { procedure: p.procedure }, value: p.sumMs / 1000 },
        { metricName: `${durations}_count`, labels: { procedure: p.procedure }, value: p.count },
      ]),
    }),
  } as unknown as Metric;
  const counter = {
    name: calls,
    help: "tRPC and REST procedure calls by procedure and outcome (OK or the error code)",
    type: "counter",
    aggregator: "sum",
    get: async () => ({
      name: calls,
      help: "tRPC and REST procedure calls by procedure and outcome (OK or the error code)",
      type: "counter",
      aggregator: "sum",
      values: procedureMetricsSnapshot().flatMap((p) => p.calls.map((c) => ({ labels: { procedure: p.procedure, code: c.code }, value: c.count }))),
    }),
  } as unknown as Metric;
  return [histogram, counter];
}

/** The admission queue's counters; null when the database is not open (a scrape never fails for it). */
async function admissionStats(): Promise<{ waiting: number; refused: number } | null> {
  try {
    return (await getDatabase()).admission?.() ?? null;
  } catch {
    return null;
  }
}

function registerLoadMetrics(registry: Registry): void {
  new Gauge({
    name: "caseboard_http_requests_in_flight",
    help: "API requests (tRPC and REST, event streams excluded) being served by this instance",
    registers: [registry],
    collect() {
      this.set(loadSheddingStats().inFlight);
    },
  });
  new Gauge({
    name: "caseboard_http_requests_waiting",
    help: "API requests waiting for a place among those in flight (MAX_QUEUED_REQUESTS, at most MAX_QUEUE_WAIT_MS each)",
    registers: [registry],
    collect() {
      this.set(loadSheddingStats().waiting);
    },
  });
  new Gauge({
    name: "caseboard_http_requests_in_flight_limit",
    help: "Requests this instance serves at once before the next waits, then is answered 503 OVERLOADED (MAX_IN_FLIGHT_REQUESTS)",
    registers: [registry],
    collect() {
      this.set(loadSheddingStats().limit);
    },
  });
  new Counter({
    name: "caseboard_http_requests_shed_total",
    help: "API requests answered 503 OVERLOADED at the HTTP entry (no place in flight within the wait, or the database queue)",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(loadSheddingStats().shed);
    },
  });
  new Gauge({
    name: "caseboard_db_admission_waiting",
    help: "Callers waiting for a database connection in this instance's admission queue",
    registers: [registry],
    async collect() {
      const admission = await admissionStats();
      if (admission) this.set(admission.waiting);
    },
  });
  new Counter({
    name: "caseboard_db_admission_refused_total",
    help: "Callers refused a database connection (503 OVERLOADED) by this instance's admission queue",
    registers: [registry],
    async collect() {
      const admission = await admissionStats();
      this.reset();
      if (admission) this.inc(admission.refused);
    },
  });
}

function registerRealtimeMetrics(registry: Registry): void {
  new Gauge({
    name: "caseboard_realtime_streams",
    help: "Realtime event streams (realtime.events subscriptions) open on this instance",
    registers: [registry],
    collect() {
      this.set(getHub().stats().listeners);
    },
  });
  new Gauge({
    name: "caseboard_realtime_feeds",
    help: "Tenants with at least one stream open on this instance (each feed reads its tenant's event log once per change)",
    registers: [registry],
    collect() {
      this.set(getHub().stats().feeds);
    },
  });
}

type Sample = { labels: Record<string, string>; value: number };

/**
 * A gauge computed at scrape time. Unlike prom-client's Gauge, it prints no sample at all when
 * `read` returns none, even without labels: a skipped reading must not look like a zero.
 */
function scrapeGauge(name: string, help: string, read: () => Promise<Sample[]>): Metric {
  const get = async () => ({ name, help, type: "gauge", aggregator: "sum", values: await read() });
  return { name, help, type: "gauge", aggregator: "sum", get } as unknown as Metric;
}

function registerDatabaseMetrics(registry: Registry): void {
  const read = databaseReader();
  /** Samples from the scrape's database reading, none when there is no reading. */
  const fromDatabase = (name: string, help: string, samples: (readings: DbReadings) => Sample[]) =>
    registry.registerMetric(scrapeGauge(name, help, async () => {
      const readings = await read();
      return readings ? samples(readings) : [];
    }));
  const byTypeAndStatus = (row: QueueRow, value: number): Sample => ({ labels: { type: row.type, status: row.status }, value });

  registry.registerMetric(
    scrapeGauge(
      "caseboard_metrics_db_up",
      "1 when this scrape's database readings succeeded, 0 when the database did not answer in time (those series are then absent)",
      async () => [{ labels: {}, value: (await read()) ? 1 : 0 }],
    ),
  );
  fromDatabase(
    "caseboard_job_queue_jobs",
    "Unfinished jobs by type and status (pending, failed = waiting to be retried, running), whole database",
    ({ queue }) => queue.map((row) => byTypeAndStatus(row, row.jobs)),
  );
  fromDatabase(
    "caseboard_job_queue_due_jobs",
    "Pending or failed jobs whose run time has come (could run now), by type and status, whole database",
    ({ queue }) => queue.filter((row) => row.status !== "running").map((row) => byTypeAndStatus(row, row.due)),
  );
  fromDatabase(
    "caseboard_job_queue_oldest_seconds",
    "Age of the oldest job by type and status: pending and failed since they became due, running since the attempt started",
    ({ queue }) => queue.flatMap((row) => (row.oldestSeconds === null ? [] : [byTypeAndStatus(row, Math.max(0, row.oldestSeconds))])),
  );
  fromDatabase(
    "caseboard_job_runners_seen",
    "Job runners (workers, in-process tickers, cron calls) that ran jobs in the last minute, whole database",
    ({ runners }) => [{ labels: {}, value: runners }],
  );
  fromDatabase(
    "caseboard_top_tenant_changes",
    `Changes written (events in the tenant's realtime log) in the last ${TOP_TENANTS_WINDOW_MINUTES} minutes, for the ${TOP_TENANTS} tenants with most (of the newest ${TOP_TENANTS_MAX_EVENTS} events), by tenant slug`,
    ({ topTenants }) => topTenants.map((row) => ({ labels: { tenant: row.tenant }, value: row.changes })),
  );
  fromDatabase(
    "caseboard_db_connections",
    "This instance's connections to PostgreSQL by state (active, idle, idle in transaction), as pg_stat_activity sees them; absent on the embedded database",
    ({ connections }) => (connections ?? []).map((row) => ({ labels: { state: row.state }, value: row.count })),
  );
  new Gauge({
    name: "caseboard_db_pool_max",
    help: "Size of this instance's database connection pool (DB_POOL_SIZE)",
    registers: [registry],
    collect() {
      this.set(env.DB_POOL_SIZE);
    },
  });
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
  for (const metric of procedureMetrics()) registry.registerMetric(metric);
  registerRealtimeMetrics(registry);
  registerAiMetrics(registry);
  registerLoadMetrics(registry);
  registerDatabaseMetrics(registry);
  return registry;
}

const globalForMetrics = globalThis as unknown as { caseboardPromRegistry?: Registry };

export function metricsRegistry(): Registry {
  globalForMetrics.caseboardPromRegistry ??= createRegistry();
  return globalForMetrics.caseboardPromRegistry;
}
