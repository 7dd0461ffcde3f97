// Recurring tasks: each runner call enqueues the current slot of every schedule. The slot's
// dedupe key `recurring:<name>:<slot>` is unique forever (a partial unique index), and the insert
// is ON CONFLICT DO NOTHING, so whichever instance notices a slot first enqueues it and every
// other attempt, now or later, is a no-op. Only the latest slot is enqueued: after downtime a
// task runs once, not once per missed slot.
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { Prisma } from "@/server/db/generated/client";
import type { RecurringTask } from "./define";
import { countJob } from "./metrics";
import { DEFAULT_MAX_ATTEMPTS, RECURRING_KEY_PREFIX } from "./queue";
import { getJobDefinition } from "./registry";

export function recurringSlotKey(name: string, slot: Date): string {
  return `${RECURRING_KEY_PREFIX}${name}:${slot.toISOString()}`;
}

/** Enqueues the current slot of each task unless some instance already did; returns how many this call enqueued. */
export async function ensureRecurring(tasks: readonly RecurringTask[], now = new Date()): Promise<number> {
  const rows: Prisma.JobCreateManyInput[] = [];
  for (const task of tasks) {
    const slot = task.schedule.previous(now);
    if (!slot) continue;
    const definition = getJobDefinition(task.type);
    if (definition.scope !== "system") throw new Error(`Recurring task "${task.name}": "${task.type}" must be a system job`);
    const payload = definition.payload.parse(task.payload) as Prisma.InputJsonValue;
    rows.push({
      tenantId: null,
      type: task.type,
      payload,
      priority: task.priority ?? definition.priority ?? 0,
      runAt: slot,
      maxAttempts: task.maxAttempts ?? definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      dedupeKey: recurringSlotKey(task.name, slot),
    });
  }
  if (rows.length === 0) return 0;
  const created = await withPrivilegedDb("enqueue recurring slots", (db) =>
    db.job.createManyAndReturn({ data: rows, skipDuplicates: true, select: { type: true } }),
  );
  for (const row of created) countJob("enqueued", row.type);
  return created.length;
}
