import { describe, expect, it } from "vitest";
import { z } from "zod";
import { env } from "@/env";
import type { Database } from "@/server/db/connection";
import { getDatabase, setDatabase } from "@/server/db/database";
import { defineJob, enqueue, registerJob, runDueJobs } from "@/server/jobs";
import { readJob, runOnly, uniqueType } from "@/server/jobs/test-kit";
import { getHub } from "@/server/realtime/hub";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestCases, createTestTenant } from "@/test/factories";
import { openStream } from "@/test/realtime-stream";
import { DB_READ_TIMEOUT_MS, metricsRegistry, TOP_TENANTS } from "./prometheus";
import { GET } from "./route";

const scrape = (authorization?: string) =>
  GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

async function scrapeText(): Promise<string> {
  const response = await scrape(`Bearer ${env.CRON_SECRET}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The samples of one metric, keyed by their label set as printed (`type="x",status="pending"`, or ""). */
function samples(text: string, name: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] === name) found.set(match[2] ?? "", Number(match[3]));
  }
  return found;
}

const value = (text: string, name: string, labels = "") => samples(text, name).get(labels);

async function until(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Replaces the process database for the duration of `fn` (the other tests' one comes back after). */
async function withDatabase(replacement: Partial<Database>, fn: () => Promise<void>): Promise<void> {
  const original = getDatabase();
  setDatabase(Promise.resolve({ kind: "postgres", ...replacement } as Database));
  try {
    await fn();
  } finally {
    setDatabase(original);
  }
}

describe("GET /api/metrics", () => {
  it("refuses scrapers without the secret, in the standard error shape", async () => {
    for (const auth of [undefined, "Bearer wrong-secret-value", `Basic ${env.CRON_SECRET}`]) {
      const response = await scrape(auth);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await response.json()).toMatchObject({ code: "UNAUTHORIZED", requestId: expect.any(String) });
    }
  });

  it("exposes job counters, durations, queue depth and process metrics in Prometheus format", async () => {
    const type = uniqueType("metrics");
    registerJob(defineJob({ type, scope: "system", payload: z.object({}), handler: async () => "ok" }));
    await enqueue(type, {});
    await enqueue(type, {}, { runAt: new Date(Date.now() + 3_600_000) });
    await runDueJobs({ types: [type], recurring: false, budgetMs: 10_000 });

    const response = await scrape(`Bearer ${env.CRON_SECRET}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain("# TYPE caseboard_jobs_total counter");
    expect(text).toContain(`caseboard_jobs_total{event="enqueued",type="${type}"} 2`);
    expect(text).toContain(`caseboard_jobs_total{event="succeeded",type="${type}"} 1`);
    expect(text).toContain("# TYPE caseboard_job_duration_seconds histogram");
    expect(text).toContain(`caseboard_job_duration_seconds_bucket{type="${type}",le="+Inf"} 1`);
    expect(text).toContain(`caseboard_job_duration_seconds_count{type="${type}"} 1`);
    expect(text).toMatch(/caseboard_job_queue_depth\{state="waiting"\} [1-9]\d*/);
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_heap_size_used_bytes");
    // Event-loop lag: the last delay measured, and percentiles since the previous scrape.
    for (const name of ["nodejs_eventloop_lag_seconds", "nodejs_eventloop_lag_p50_seconds", "nodejs_eventloop_lag_p99_seconds"]) {
      expect(value(text, name)).toBeGreaterThanOrEqual(0);
    }
  });

  it("counts procedure calls by procedure and outcome, with a duration histogram, and reports load shedding", async () => {
    const tenant = await createTestTenant("metrics-procedures");
    const before = await scrapeText();
    const calls = (code: string, text: string) => value(text, "caseboard_procedure_calls_total", `procedure="cases.list",code="${code}"`) ?? 0;
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await agent.cases.list({});
    await agent.cases.list({});
    await expectAppError((await callerFor(tenant.users.VIEWER, tenant.slug)).cases.create({ title: "Not allowed" }), "FORBIDDEN");
    const after = await scrapeText();
    expect(calls("OK", after) - calls("OK", before)).toBe(2);
    const forbidden = (text: string) => value(text, "caseboard_procedure_calls_total", `procedure="cases.create",code="FORBIDDEN"`) ?? 0;
    expect(forbidden(after) - forbidden(before)).toBe(1);
    expect(after).toContain("# TYPE caseboard_procedure_duration_seconds histogram");
    const count = (text: string) => value(text, "caseboard_procedure_duration_seconds_count", `procedure="cases.list"`) ?? 0;
    expect(count(after) - count(before)).toBe(2);
    expect(value(after, "caseboard_procedure_duration_seconds_bucket", `procedure="cases.list",le="+Inf"`)).toBe(count(after));
    for (const name of ["caseboard_http_requests_in_flight", "caseboard_http_requests_shed_total", "caseboard_db_admission_waiting", "caseboard_db_admission_refused_total"]) {
      expect(value(after, name), name).toBeGreaterThanOrEqual(0);
    }
  });

  it("counts the realtime streams and feeds open on this instance", async () => {
    const tenant = await createTestTenant("metrics-rt");
    const before = await scrapeText();
    const streams = value(before, "caseboard_realtime_streams")!;
    const feeds = value(before, "caseboard_realtime_feeds")!;
    expect(streams).toBe(getHub().stats().listeners);

    const opened = [
      await openStream({ user: tenant.users.AGENT, slug: tenant.slug }),
      await openStream({ user: tenant.users.VIEWER, slug: tenant.slug }),
    ];
    await Promise.all(opened.map((s) => s.next()));
    const during = await scrapeText();
    expect(value(during, "caseboard_realtime_streams")).toBe(streams + 2);
    // Two streams of one tenant share one feed.
    expect(value(during, "caseboard_realtime_feeds")).toBe(feeds + 1);

    // Closed the way a client goes away: the server side notices on its next read.
    for (const s of opened) s.close();
    await Promise.all(opened.map((s) => s.drain(1_000)));
    await until(() => getHub().stats().listeners === streams);
    const after = await scrapeText();
    expect(value(after, "caseboard_realtime_streams")).toBe(streams);
    expect(value(after, "caseboard_realtime_feeds")).toBe(feeds);
  });

  it("reads the queue by type and status from the database: counts, due jobs and the age of the oldest", async () => {
    const type = uniqueType("metrics-queue");
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    registerJob(
      defineJob({
        type,
        scope: "system",
        // Per call: a held attempt must not hold a transaction (on the embedded database, that
        // would hold every other query, the scrape's included).
        transaction: "per-call",
        payload: z.object({ hold: z.boolean().default(false) }),
        handler: async ({ hold }) => (hold ? released : "ok"),
      }),
    );
    const series = (status: string) => `type="${type}",status="${status}"`;

    const empty = await scrapeText();
    expect(value(empty, "caseboard_metrics_db_up")).toBe(1);
    expect(value(empty, "caseboard_job_queue_jobs", series("pending"))).toBeUndefined();

    await enqueue(type, {}, { runAt: new Date(Date.now() - 90_000) });
    await enqueue(type, {});
    await enqueue(type, {}, { runAt: new Date(Date.now() + 3_600_000) });
    const queued = await scrapeText();
    expect(value(queued, "caseboard_job_queue_jobs", series("pending"))).toBe(3);
    expect(value(queued, "caseboard_job_queue_due_jobs", series("pending"))).toBe(2);
    expect(value(queued, "caseboard_job_queue_oldest_seconds", series("pending"))).toBeGreaterThanOrEqual(89);
    expect(value(queued, "caseboard_job_queue_oldest_seconds", series("pending"))).toBeLessThan(600);

    await runOnly([type]);
    const ran = await scrapeText();
    expect(value(ran, "caseboard_job_queue_jobs", series("pending"))).toBe(1);
    expect(value(ran, "caseboard_job_queue_due_jobs", series("pending"))).toBe(0);
    // The one left is not due yet: it has no age.
    expect(value(ran, "caseboard_job_queue_oldest_seconds", series("pending"))).toBeUndefined();
    // The runner that just ran them is counted (heartbeats are whole-database).
    expect(value(ran, "caseboard_job_runners_seen")).toBeGreaterThanOrEqual(1);

    const held = await enqueue(type, { hold: true });
    const running = runOnly([type]);
    await until(async () => (await readJob(held)).status === "RUNNING");
    const busy = await scrapeText();
    expect(value(busy, "caseboard_job_queue_jobs", series("running"))).toBe(1);
    expect(value(busy, "caseboard_job_queue_oldest_seconds", series("running"))).toBeGreaterThanOrEqual(0);
    expect(value(busy, "caseboard_job_queue_due_jobs", series("running"))).toBeUndefined();
    release();
    await running;
    const done = await scrapeText();
    expect(value(done, "caseboard_job_queue_jobs", series("running"))).toBeUndefined();
  });

  it("names the tenants that changed most lately, a bounded few", async () => {
    const tenant = await createTestTenant("metrics-top");
    await createTestCases(tenant, ["One", "Two", "Three"]);
    const top = samples(await scrapeText(), "caseboard_top_tenant_changes");
    expect(top.size).toBeGreaterThan(0);
    expect(top.size).toBeLessThanOrEqual(TOP_TENANTS);
    const mine = top.get(`tenant="${tenant.slug}"`);
    // Other tests of the run write to the same database: this tenant is listed unless ten others
    // changed more.
    if (mine === undefined) {
      expect(top.size).toBe(TOP_TENANTS);
      expect(Math.min(...top.values())).toBeGreaterThanOrEqual(3);
    } else {
      expect(mine).toBeGreaterThanOrEqual(3);
    }
  });

  it("shows this instance's database connections and its pool size", async () => {
    const text = await scrapeText();
    expect(value(text, "caseboard_db_pool_max")).toBe(env.DB_POOL_SIZE);
    const connections = samples(text, "caseboard_db_connections");
    if ((await getDatabase()).kind === "postgres") {
      // At least the connection that asked.
      expect(connections.get(`state="active"`)).toBeGreaterThanOrEqual(1);
    } else {
      expect(connections.size).toBe(0);
    }
  });

  it("still answers when the database refuses connections, without the database readings", async () => {
    const tenant = await createTestTenant("metrics-down");
    const stream = await openStream({ user: tenant.users.AGENT, slug: tenant.slug });
    await stream.next();
    const refused = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    try {
      await withDatabase({ prisma: { $transaction: refused } as unknown as Database["prisma"], sql: { query: refused } as unknown as Database["sql"] }, async () => {
        const text = await scrapeText();
        expect(value(text, "caseboard_metrics_db_up")).toBe(0);
        expect(samples(text, "caseboard_job_queue_jobs").size).toBe(0);
        expect(samples(text, "caseboard_top_tenant_changes").size).toBe(0);
        expect(samples(text, "caseboard_job_runners_seen").size).toBe(0);
        // What this process knows by itself is still there.
        expect(value(text, "caseboard_realtime_streams")).toBeGreaterThanOrEqual(1);
        expect(text).toContain("nodejs_eventloop_lag_p99_seconds");
      });
    } finally {
      stream.close();
      await stream.drain(1_000);
    }
    expect(value(await scrapeText(), "caseboard_metrics_db_up")).toBe(1);
  });

  it("gives up on a database that does not answer within the deadline", async () => {
    const never = () => new Promise<never>(() => {});
    await withDatabase({ prisma: { $transaction: never } as unknown as Database["prisma"], sql: { query: never } as unknown as Database["sql"] }, async () => {
      const started = Date.now();
      // The registry directly: the route also refreshes the queue depth, which waits on the pool's own timeout.
      const text = await metricsRegistry().metrics();
      expect(Date.now() - started).toBeLessThan(DB_READ_TIMEOUT_MS + 2_000);
      expect(value(text, "caseboard_metrics_db_up")).toBe(0);
      expect(samples(text, "caseboard_job_queue_jobs").size).toBe(0);
    });
  });
});
