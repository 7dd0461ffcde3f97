// SLA due times in working hours and the tenant's time zone, across nights, weekends and a
// daylight-saving change.
import { describe, expect, it } from "vitest";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { addWorkingMinutes, addWorkingMs, computeSlaDue, slaClock, workingMinutesBetween, workingMsBetween, zonedTimeToInstant } from "./sla";

const amsterdam = tenantSettingsSchema.parse({ timeZone: "Europe/Amsterdam" }); // Mon–Fri 09:00–17:00
const utc = (iso: string) => new Date(iso);

describe("working time", () => {
  it("maps local wall-clock times to instants, daylight saving included", () => {
    expect(new Date(zonedTimeToInstant(2026, 1, 15, 9, 0, "Europe/Amsterdam")).toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(new Date(zonedTimeToInstant(2026, 7, 15, 9, 0, "Europe/Amsterdam")).toISOString()).toBe("2026-07-15T07:00:00.000Z");
    expect(new Date(zonedTimeToInstant(2026, 7, 15, 9, 0, "America/New_York")).toISOString()).toBe("2026-07-15T13:00:00.000Z");
  });

  it("counts only working hours: within a day, over the night, over a weekend", () => {
    // Thursday 2026-01-15 10:00 local (09:00Z).
    expect(addWorkingMinutes(utc("2026-01-15T09:00:00Z"), 60, amsterdam).toISOString()).toBe("2026-01-15T10:00:00.000Z");
    // 4 h from 15:00 local: 2 h today, 2 h from 09:00 Friday.
    expect(addWorkingMinutes(utc("2026-01-15T14:00:00Z"), 240, amsterdam).toISOString()).toBe("2026-01-16T10:00:00.000Z");
    // Friday 16:00 local + 2 h: 1 h Friday, 1 h Monday.
    expect(addWorkingMinutes(utc("2026-01-16T15:00:00Z"), 120, amsterdam).toISOString()).toBe("2026-01-19T09:00:00.000Z");
    // Saturday: the clock starts Monday 09:00.
    expect(addWorkingMinutes(utc("2026-01-17T12:00:00Z"), 30, amsterdam).toISOString()).toBe("2026-01-19T08:30:00.000Z");
  });

  it("keeps local hours across the spring daylight-saving change", () => {
    // Friday 2026-03-27 16:00 local (15:00Z, CET) + 2 h → Monday 30 March 10:00 local, now CEST (08:00Z).
    expect(addWorkingMinutes(utc("2026-03-27T15:00:00Z"), 120, amsterdam).toISOString()).toBe("2026-03-30T08:00:00.000Z");
  });

  it("derives targets from priority; a business day is the tenant's working day", () => {
    const created = utc("2026-01-15T09:00:00Z"); // Thursday 10:00 local
    expect(computeSlaDue(created, "URGENT", amsterdam)).toEqual({
      firstResponseDueAt: utc("2026-01-15T10:00:00Z"),
      resolutionDueAt: utc("2026-01-15T13:00:00Z"),
    });
    expect(computeSlaDue(created, "HIGH", amsterdam).resolutionDueAt).toEqual(utc("2026-01-16T09:00:00Z"));
    // NORMAL: 8 working hours to respond, 3 working days to resolve (over the weekend).
    expect(computeSlaDue(created, "NORMAL", amsterdam)).toEqual({
      firstResponseDueAt: utc("2026-01-16T09:00:00Z"),
      resolutionDueAt: utc("2026-01-20T09:00:00Z"),
    });
  });

  it("measures working time between two instants: within a day, over the night, over a weekend", () => {
    // Thursday 10:00 → 11:30 local.
    expect(workingMinutesBetween(utc("2026-01-15T09:00:00Z"), utc("2026-01-15T10:30:00Z"), amsterdam)).toBe(90);
    // Thursday 15:00 local → Friday 11:00 local: 2 h + 2 h.
    expect(workingMinutesBetween(utc("2026-01-15T14:00:00Z"), utc("2026-01-16T10:00:00Z"), amsterdam)).toBe(240);
    // Friday 16:00 local → Monday 10:00 local: 1 h Friday, nothing on the weekend, 1 h Monday.
    expect(workingMinutesBetween(utc("2026-01-16T15:00:00Z"), utc("2026-01-19T09:00:00Z"), amsterdam)).toBe(120);
    // All of it outside working hours: Saturday to Sunday, or Thursday night.
    expect(workingMinutesBetween(utc("2026-01-17T08:00:00Z"), utc("2026-01-18T20:00:00Z"), amsterdam)).toBe(0);
    expect(workingMinutesBetween(utc("2026-01-15T17:00:00Z"), utc("2026-01-16T07:59:00Z"), amsterdam)).toBe(0);
    // A whole working week, and ms precision; an end before the start is nothing.
    expect(workingMinutesBetween(utc("2026-01-19T00:00:00Z"), utc("2026-01-26T00:00:00Z"), amsterdam)).toBe(5 * 8 * 60);
    expect(workingMsBetween(utc("2026-01-15T09:00:00.000Z"), utc("2026-01-15T09:00:01.250Z"), amsterdam)).toBe(1250);
    expect(workingMsBetween(utc("2026-01-15T10:00:00Z"), utc("2026-01-15T09:00:00Z"), amsterdam)).toBe(0);
  });

  it("measures working time across daylight-saving changes in local hours", () => {
    // Friday 16:00 CET → Monday 10:00 CEST over the spring change: 2 working hours (63 h of wall time).
    expect(workingMinutesBetween(utc("2026-03-27T15:00:00Z"), utc("2026-03-30T08:00:00Z"), amsterdam)).toBe(120);
    // Every day 00:00–06:00: Sunday 29 March loses its 02:00–03:00, Sunday 25 October repeats it.
    const nights = tenantSettingsSchema.parse({ timeZone: "Europe/Amsterdam", workingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "06:00" } });
    const midnight = (m: number, d: number) => new Date(zonedTimeToInstant(2026, m, d, 0, 0, "Europe/Amsterdam"));
    expect(workingMinutesBetween(midnight(3, 28), midnight(3, 30), nights)).toBe((6 + 5) * 60);
    expect(workingMinutesBetween(midnight(10, 24), midnight(10, 26), nights)).toBe((6 + 7) * 60);
    // And adding that working time back lands where it was measured to.
    expect(addWorkingMs(midnight(3, 28), 11 * 3_600_000, nights).toISOString()).toBe(new Date(zonedTimeToInstant(2026, 3, 29, 6, 0, "Europe/Amsterdam")).toISOString());
  });

  it("adds working time back exactly: start + workingMsBetween(start, end) is end, when end is in working hours", () => {
    const start = utc("2026-01-14T13:17:23.456Z");
    for (const end of ["2026-01-14T15:00:00.001Z", "2026-01-16T09:59:59.999Z", "2026-01-19T12:00:00Z", "2026-03-30T08:00:00Z"]) {
      expect(addWorkingMs(start, workingMsBetween(start, utc(end), amsterdam), amsterdam).toISOString()).toBe(utc(end).toISOString());
    }
  });

  it("reports clock states", () => {
    const now = utc("2026-01-15T12:00:00Z");
    expect(slaClock(null, null, now).state).toBe("none");
    expect(slaClock(utc("2026-01-15T13:00:00Z"), null, now).state).toBe("running");
    expect(slaClock(utc("2026-01-15T11:00:00Z"), null, now).state).toBe("breached");
    expect(slaClock(utc("2026-01-15T11:00:00Z"), utc("2026-01-15T10:00:00Z"), now).state).toBe("met");
    expect(slaClock(utc("2026-01-15T11:00:00Z"), utc("2026-01-15T11:30:00Z"), now).state).toBe("missed");
    // Paused: a clock still running when the pause began reads paused, even past its due time;
    // one already past due then stays breached; a stopped clock is met or missed as ever.
    expect(slaClock(utc("2026-01-15T11:00:00Z"), null, now, utc("2026-01-15T10:00:00Z")).state).toBe("paused");
    expect(slaClock(utc("2026-01-15T13:00:00Z"), null, now, utc("2026-01-15T10:00:00Z")).state).toBe("paused");
    expect(slaClock(utc("2026-01-15T11:00:00Z"), null, now, utc("2026-01-15T11:00:00Z")).state).toBe("paused");
    expect(slaClock(utc("2026-01-15T09:00:00Z"), null, now, utc("2026-01-15T10:00:00Z")).state).toBe("breached");
    expect(slaClock(utc("2026-01-15T11:00:00Z"), utc("2026-01-15T10:30:00Z"), now, utc("2026-01-15T10:00:00Z")).state).toBe("met");
  });
});
