// The SLA pause as a pure function of the status change, the case's clocks and the schedule.
import { describe, expect, it } from "vitest";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { needsSchedule, slaPauseChange, type SlaPauseRow } from "./sla-pause";

const amsterdam = tenantSettingsSchema.parse({ timeZone: "Europe/Amsterdam" }); // Mon–Fri 09:00–17:00
const utc = (iso: string) => new Date(iso);
const running: SlaPauseRow = { slaPausedAt: null, firstRespondedAt: null, firstResponseDueAt: utc("2026-01-16T16:00:00Z"), resolutionDueAt: utc("2026-01-20T09:00:00Z") };

describe("SLA pause", () => {
  it("starts when a case enters PENDING or SNOOZED from a running status, and keeps its start from PENDING to SNOOZED", () => {
    const now = utc("2026-01-15T10:00:00Z");
    for (const from of ["NEW", "OPEN"] as const) {
      for (const to of ["PENDING", "SNOOZED"] as const) {
        expect(slaPauseChange(from, to, now, running, null)).toEqual({ data: { slaPausedAt: now }, event: { slaPaused: true } });
      }
    }
    expect(slaPauseChange("PENDING", "SNOOZED", now, { ...running, slaPausedAt: utc("2026-01-14T10:00:00Z") }, null)).toEqual({ data: {}, event: {} });
    expect(slaPauseChange("NEW", "OPEN", now, running, null)).toEqual({ data: {}, event: {} });
    expect(slaPauseChange("RESOLVED", "OPEN", now, running, null)).toEqual({ data: {}, event: {} });
    expect(needsSchedule("OPEN", "PENDING")).toBe(false);
    expect(needsSchedule("PENDING", "OPEN")).toBe(true);
    expect(needsSchedule("SNOOZED", "RESOLVED")).toBe(true);
  });

  it("ends by moving the running due times forward by the working time paused, over a weekend", () => {
    // Paused Friday 16:00 local (15:00Z), resumed Monday 10:00 local (09:00Z): 1 h + 1 h of working time.
    const row: SlaPauseRow = {
      slaPausedAt: utc("2026-01-16T15:00:00Z"),
      firstRespondedAt: null,
      firstResponseDueAt: utc("2026-01-16T15:30:00Z"), // Friday 16:30 local: 30 min left
      resolutionDueAt: utc("2026-01-19T12:00:00Z"), // Monday 13:00 local
    };
    const change = slaPauseChange("PENDING", "OPEN", utc("2026-01-19T09:00:00Z"), row, amsterdam);
    expect(change.event).toEqual({ slaPausedMs: 2 * 3_600_000 });
    expect(change.data).toEqual({
      slaPausedAt: null,
      // 30 min Friday to 17:00, 90 min Monday from 09:00: Monday 10:30 local, the 30 min left after the resume.
      firstResponseDueAt: utc("2026-01-19T09:30:00Z"),
      resolutionDueAt: utc("2026-01-19T14:00:00Z"),
    });
  });

  it("leaves a due time already past at the pause's start, and a first response already given", () => {
    const row: SlaPauseRow = {
      slaPausedAt: utc("2026-01-15T10:00:00Z"),
      firstRespondedAt: null,
      firstResponseDueAt: utc("2026-01-15T09:00:00Z"), // breached before the pause
      resolutionDueAt: utc("2026-01-15T13:00:00Z"),
    };
    const now = utc("2026-01-15T11:00:00Z");
    expect(slaPauseChange("SNOOZED", "OPEN", now, row, amsterdam).data).toEqual({ slaPausedAt: null, resolutionDueAt: utc("2026-01-15T14:00:00Z") });
    const responded = { ...row, firstRespondedAt: utc("2026-01-15T09:30:00Z"), firstResponseDueAt: utc("2026-01-15T16:00:00Z") };
    expect(slaPauseChange("PENDING", "OPEN", now, responded, amsterdam).data).toEqual({ slaPausedAt: null, resolutionDueAt: utc("2026-01-15T14:00:00Z") });
  });

  it("stops on RESOLVED or CLOSED from a pause with the due times moved, so the stopped clocks are judged without the pause", () => {
    const row: SlaPauseRow = { slaPausedAt: utc("2026-01-15T10:00:00Z"), firstRespondedAt: null, firstResponseDueAt: null, resolutionDueAt: utc("2026-01-15T11:00:00Z") };
    const change = slaPauseChange("PENDING", "RESOLVED", utc("2026-01-15T12:00:00Z"), row, amsterdam);
    expect(change).toEqual({ data: { slaPausedAt: null, resolutionDueAt: utc("2026-01-15T13:00:00Z") }, event: { slaPausedMs: 2 * 3_600_000 } });
    expect(slaPauseChange("SNOOZED", "CLOSED", utc("2026-01-15T12:00:00Z"), row, amsterdam).data.resolutionDueAt).toEqual(utc("2026-01-15T13:00:00Z"));
  });

  it("moves nothing for a pause outside working hours, or one without a recorded start", () => {
    const row = { ...running, slaPausedAt: utc("2026-01-17T10:00:00Z") }; // Saturday
    expect(slaPauseChange("PENDING", "OPEN", utc("2026-01-18T20:00:00Z"), row, amsterdam)).toEqual({ data: { slaPausedAt: null }, event: { slaPausedMs: 0 } });
    expect(slaPauseChange("PENDING", "OPEN", utc("2026-01-18T20:00:00Z"), running, amsterdam)).toEqual({ data: { slaPausedAt: null }, event: {} });
    expect(() => slaPauseChange("PENDING", "OPEN", utc("2026-01-18T20:00:00Z"), row, null)).toThrow(/schedule/);
  });
});
