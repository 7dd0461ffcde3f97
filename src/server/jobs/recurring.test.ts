import { describe, expect, it } from "vitest";
import { z } from "zod";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { defineJob, defineRecurring } from "./define";
import { registerJob } from "./registry";
import { ensureRecurring, recurringSlotKey } from "./recurring";
import { runOnly, uniqueType } from "./test-kit";

let runs = 0;
const tick = registerJob(
  defineJob({
    type: uniqueType("recurring"),
    scope: "system",
    payload: z.object({ label: z.string().default("tick") }),
    async handler() {
      runs += 1;
    },
  }),
);

const slotsOf = (name: string) =>
  withPrivilegedDb("test check", (db) =>
    db.job.findMany({ where: { dedupeKey: { startsWith: `recurring:${name}:` } }, orderBy: { runAt: "asc" } }),
  );

describe("recurring tasks", () => {
  it("enqueues a slot exactly once, however many instances notice it at once", async () => {
    const task = defineRecurring({ name: uniqueType("every-5").replace("test.", "r-"), cron: "*/5 * * * *", type: tick.type });
    const now = new Date("2026-11-23T10:07:00Z");
    const created = await Promise.all(Array.from({ length: 20 }, () => ensureRecurring([task], now)));
    expect(created.reduce((a, b) => a + b, 0)).toBe(1);
    const slots = await slotsOf(task.name);
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({
      dedupeKey: recurringSlotKey(task.name, new Date("2026-11-23T10:05:00Z")),
      runAt: new Date("2026-11-23T10:05:00Z"),
      tenantId: null,
      payload: { label: "tick" },
    });

    // Later in the same slot, and after the slot's job has run: still nothing new.
    expect(await ensureRecurring([task], new Date("2026-11-23T10:09:59Z"))).toBe(0);
    const before = runs;
    await runOnly([tick.type]);
    expect(runs).toBe(before + 1);
    expect(await ensureRecurring([task], new Date("2026-11-23T10:09:00Z"))).toBe(0);

    // The next slot is enqueued once too; missed slots in between are not caught up one by one.
    const next = await Promise.all(Array.from({ length: 10 }, () => ensureRecurring([task], new Date("2026-11-23T10:31:00Z"))));
    expect(next.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await slotsOf(task.name)).map((j) => j.runAt.toISOString())).toEqual([
      "2026-11-23T10:05:00.000Z",
      "2026-11-23T10:30:00.000Z",
    ]);
  });

  it("refuses a tenant job type as a recurring task", async () => {
    const tenantType = registerJob(defineJob({ type: uniqueType("tenant-kind"), scope: "tenant", payload: z.object({}), async handler() {} })).type;
    const task = defineRecurring({ name: "r-tenant-kind", cron: "* * * * *", type: tenantType });
    await expect(ensureRecurring([task])).rejects.toThrow(/must be a system job/);
  });
});
