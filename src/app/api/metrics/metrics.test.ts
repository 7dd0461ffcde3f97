import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { defineJob, enqueue, registerJob, runDueJobs } from "@/server/jobs";
import { uniqueType } from "@/server/jobs/test-kit";
import { GET } from "./route";

const scrape = (authorization?: string) =>
  GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

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
    registerJob(defineJob({ type, scope: "system", payload: (await import("zod")).z.object({}), handler: async () => "ok" }));
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
  });
});
