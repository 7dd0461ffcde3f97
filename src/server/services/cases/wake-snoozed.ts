// Snoozed cases whose time has come go back to OPEN: a status_changed event by the system (the
// job's actor) and a notification for the assignee, so the case shows up in their day again.
// Runs in one tenant's transaction; the version check makes a concurrent edit win, and that case
// is simply picked up by the next run. Waking ends the SLA pause: the clocks resume with the
// working time they had left (sla-pause.ts).
import type { TenantDb } from "@/server/db/tenant-db";
import { recordCaseEvents } from "./case-events";
import { slaPauseChange, slaPauseSelect } from "./sla-pause";
import { loadTenantSettings } from "./tenant-settings";
import { createNotifications } from "@/server/services/notifications/notifications";

/** Notification type for "your snoozed case is back". */
export const SNOOZE_ENDED_NOTIFICATION = "snooze_ended";

/** Per run, so one transaction stays short; the next run takes the rest. */
const DEFAULT_BATCH = 200;

export async function wakeDueSnoozedCases(db: TenantDb, now = new Date(), batch = DEFAULT_BATCH): Promise<{ woken: number; more: boolean }> {
  const due = await db.case.findMany({
    where: { status: "SNOOZED", snoozedUntil: { lte: now } },
    select: { id: true, version: true, snoozedUntil: true, assigneeId: true, ...slaPauseSelect },
    orderBy: [{ snoozedUntil: "asc" }, { id: "asc" }],
    take: batch,
  });
  const schedule = due.length ? await loadTenantSettings(db) : null;
  const woken: { id: string; snoozedUntil: Date | null; assigneeId: string | null; slaPausedMs?: number }[] = [];
  for (const c of due) {
    const pause = slaPauseChange("SNOOZED", "OPEN", now, c, schedule);
    const { count } = await db.case.updateMany({
      where: { id: c.id, version: c.version, status: "SNOOZED" },
      data: { status: "OPEN", snoozedUntil: null, ...pause.data, version: { increment: 1 } },
    });
    if (count === 1) woken.push({ ...c, ...pause.event });
  }
  await recordCaseEvents(
    db,
    woken.map((c) => ({
      caseId: c.id,
      type: "status_changed" as const,
      from: "SNOOZED",
      to: {
        status: "OPEN",
        reason: "snooze_ended",
        until: c.snoozedUntil?.toISOString(),
        ...(c.slaPausedMs !== undefined ? { slaPausedMs: c.slaPausedMs } : {}),
      },
      at: now,
    })),
  );
  const notify = woken.filter((c) => c.assigneeId);
  if (notify.length) {
    await createNotifications(
      db,
      notify.map((c) => ({ userId: c.assigneeId!, type: SNOOZE_ENDED_NOTIFICATION, caseId: c.id, createdAt: now })),
    );
  }
  return { woken: woken.length, more: due.length === batch };
}
