// SLA due times in working hours and the tenant's time zone, across nights, weekends and a
// daylight-saving change.
import { describe, expect, it } from "vitest";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { addWorkingMinutes, computeSlaDue, slaClock, zonedTimeToInstant } from "./sla";

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

  it("reports clock states", () => {
    const now = utc("2026-01-15T12:00:00Z");
    expect(slaClock(null, null, now).state).toBe("none");
    expect(slaClock(utc("2026-01-15T13:00:00Z"), null, now).state).toBe("running");
    expect(slaClock(utc("2026-01-15T11:00:00Z"), null, now).state).toBe("breached");
    expect(slaClock(utc("2026-01-15T11:00:00Z"), utc("2026-01-15T10:00:00Z"), now).state).toBe("met");
    expect(slaClock(utc("2026-01-15T11:00:00Z"), utc("2026-01-15T11:30:00Z"), now).state).toBe("missed");
  });
});
