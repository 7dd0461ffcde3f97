import { describe, expect, it } from "vitest";
import { z } from "zod";
import { POST, GET } from "@/app/api/cron/jobs/route";
import { env } from "@/env";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { errorBodySchema } from "@/server/errors/to-app-error";
import { defineJob } from "./define";
import { isCronAuthorized } from "./cron";
import { enqueue } from "./queue";
import { ensureRecurring, recurringSlotKey } from "./recurring";
import { recurringTasks } from "./tasks";
import { registerJob } from "./registry";
import { readJob, uniqueType } from "./test-kit";

const ping = registerJob(defineJob({ type: uniqueType("cron-ping"), scope: "system", payload: z.object({}), handler: async () => "pong" }));

function cronRequest(method: "GET" | "POST", authorization?: string, query = "") {
  return new Request(`http://localhost/api/cron/jobs${query}`, {
    method,
    headers: authorization === undefined ? {} : { authorization },
  });
}

describe("POST/GET /api/cron/jobs", () => {
  it("refuses a missing or wrong secret with the standard error body, running nothing", async () => {
    const id = await enqueue(ping, {});
    for (const authorization of [undefined, "", "Bearer", "Bearer wrong", `Bearer ${env.CRON_SECRET}x`, `Basic ${env.CRON_SECRET}`, env.CRON_SECRET]) {
      const response = await POST(cronRequest("POST", authorization));
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      const body = errorBodySchema.parse(await response.json());
      expect(body).toMatchObject({ code: "UNAUTHORIZED", requestId: expect.any(String) });
      expect(response.headers.get("x-request-id")).toBe(body.requestId);
    }
    expect((await readJob(id)).status).toBe("PENDING");
  });

  it("runs due jobs with the right secret and answers a summary, on POST and GET", async () => {
    // Other files' leftovers must not make this call wait: handlers built to block, and background
    // work of their tenants (a nightly training fanned out over every tenant with resolved cases
    // fills the call's budget). Files run one after another, so none of them is waiting on these.
    await withPrivilegedDb("test cleanup", (db) =>
      db.job.updateMany({
        where: { status: { in: ["PENDING", "FAILED"] }, NOT: { type: ping.type } },
        data: { status: "CANCELLED", finishedAt: new Date() },
      }),
    );
    // The platform's recurring tasks have tests of their own; run here, their current slots would
    // fan out over every tenant other files made (trending topics, alert rules), and this call would
    // race those files for their tenants' jobs. Their slots are taken first, so the route finds them done:
    // the current slot and the next one too, since a task running every minute gets a new slot if the
    // minute turns while this test runs.
    const now = new Date();
    const nextMinute = new Date(now.getTime() + 60_000);
    await ensureRecurring(recurringTasks, now);
    await ensureRecurring(recurringTasks, nextMinute);
    const slots = [now, nextMinute].flatMap((at) =>
      recurringTasks.flatMap((task) => {
        const slot = task.schedule.previous(at);
        return slot ? [recurringSlotKey(task.name, slot)] : [];
      }),
    );
    await withPrivilegedDb("test cleanup", (db) =>
      db.job.updateMany({ where: { dedupeKey: { in: slots }, status: "PENDING" }, data: { status: "CANCELLED", finishedAt: new Date() } }),
    );
    const id = await enqueue(ping, {});
    const response = await POST(cronRequest("POST", `Bearer ${env.CRON_SECRET}`, "?budgetMs=5000"));
    expect(response.status).toBe(200);
    const summary = (await response.json()) as Record<string, unknown>;
    expect(summary).toMatchObject({ stoppedBy: "idle", failed: 0, workerId: expect.stringContaining(":cron:") });
    expect(summary.succeeded).toBeGreaterThanOrEqual(1);
    expect(await readJob(id)).toMatchObject({ status: "SUCCEEDED", result: "pong" });

    const viaGet = await GET(cronRequest("GET", `bearer ${env.CRON_SECRET}`));
    expect(viaGet.status).toBe(200);
    // GET runs the same (schedulers that can only GET); what it finds depends on other files' jobs.
    expect(await viaGet.json()).toMatchObject({ failed: 0, workerId: expect.stringContaining(":cron:") });
  });

  it("rejects a budget that is not a number", async () => {
    const response = await POST(cronRequest("POST", `Bearer ${env.CRON_SECRET}`, "?budgetMs=soon"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "BAD_REQUEST", details: { fieldErrors: { budgetMs: expect.any(Array) } } });
  });

  it("compares the secret whatever the length of what was presented", () => {
    expect(isCronAuthorized(`Bearer ${env.CRON_SECRET}`)).toBe(true);
    expect(isCronAuthorized(`Bearer  ${env.CRON_SECRET}  `)).toBe(true);
    expect(isCronAuthorized(`Bearer ${env.CRON_SECRET.slice(0, -1)}`)).toBe(false);
    expect(isCronAuthorized(`Bearer ${"x".repeat(10_000)}`)).toBe(false);
    expect(isCronAuthorized(null)).toBe(false);
  });
});
