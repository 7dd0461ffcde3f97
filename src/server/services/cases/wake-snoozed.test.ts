// Waking a snoozed case ends its SLA pause: the due times still running move forward by the
// working time the case slept, exactly, at the "now" the job passes.
import { describe, expect, it } from "vitest";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { createTestTenant } from "@/test/factories";
import { addWorkingMs, workingMsBetween } from "./sla";
import { wakeDueSnoozedCases } from "./wake-snoozed";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("wakeDueSnoozedCases and the SLA pause", () => {
  it("resumes the clocks with the time they had left, in the tenant's working hours", async () => {
    const tenant = await createTestTenant("wake-sla");
    const settings = tenantSettingsSchema.parse({ timeZone: "Europe/Amsterdam", workingHours: { days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" } });
    // Friday 2026-01-16 17:00 local (16:00Z) to Tuesday 2026-01-20 09:30 local: 1 h + 10 h + 1.5 h of working time.
    const pausedAt = new Date("2026-01-16T16:00:00Z");
    const now = new Date("2026-01-20T08:30:00Z");
    const created = await withPrivilegedDb("test fixture", async (db) => {
      await db.tenant.update({ where: { id: tenant.id }, data: { settings } });
      const base = { tenantId: tenant.id, status: "SNOOZED" as const, snoozedUntil: new Date(now.getTime() - 1000), slaPausedAt: pausedAt };
      return db.case.createManyAndReturn({
        data: [
          { ...base, title: "Sleeps", firstResponseDueAt: new Date("2026-01-16T16:30:00Z"), resolutionDueAt: new Date("2026-01-19T10:00:00Z") },
          { ...base, title: "Breached before", firstResponseDueAt: new Date("2026-01-16T15:00:00Z"), resolutionDueAt: new Date("2026-01-16T15:59:59.999Z") },
          { ...base, title: "Still asleep", snoozedUntil: new Date(now.getTime() + DAY), resolutionDueAt: new Date("2026-01-19T10:00:00Z") },
        ],
        select: { id: true, title: true },
      });
    });
    const id = (title: string) => created.find((c) => c.title === title)!.id;

    expect(await withTenantDb(tenant.id, (db) => wakeDueSnoozedCases(db, now))).toEqual({ woken: 2, more: false });
    const pausedMs = workingMsBetween(pausedAt, now, settings);
    expect(pausedMs).toBe(12.5 * HOUR);
    const rows = await withPrivilegedDb("test check", (db) =>
      db.case.findMany({ where: { tenantId: tenant.id }, select: { id: true, status: true, slaPausedAt: true, firstResponseDueAt: true, resolutionDueAt: true } }),
    );
    const row = (title: string) => rows.find((r) => r.id === id(title))!;
    expect(row("Sleeps")).toMatchObject({
      status: "OPEN",
      slaPausedAt: null,
      // 30 min were left on Friday: Tuesday 10:00 local.
      firstResponseDueAt: new Date("2026-01-20T09:00:00Z"),
      resolutionDueAt: addWorkingMs(new Date("2026-01-19T10:00:00Z"), pausedMs, settings),
    });
    // Due before the pause began: breaches stay.
    expect(row("Breached before")).toMatchObject({
      status: "OPEN",
      slaPausedAt: null,
      firstResponseDueAt: new Date("2026-01-16T15:00:00Z"),
      resolutionDueAt: new Date("2026-01-16T15:59:59.999Z"),
    });
    expect(row("Still asleep")).toMatchObject({ status: "SNOOZED", slaPausedAt: pausedAt });

    const event = await withPrivilegedDb("test check", (db) => db.caseEvent.findFirstOrThrow({ where: { caseId: id("Sleeps") } }));
    expect(event).toMatchObject({ type: "status_changed", from: "SNOOZED", to: { status: "OPEN", reason: "snooze_ended", slaPausedMs: pausedMs }, createdAt: now });
  });
});
