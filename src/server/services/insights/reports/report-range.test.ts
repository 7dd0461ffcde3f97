// A report's days: the default range, a range given by its first day, the period before, and
// weeks from Monday cut at the range's edges.
import { describe, expect, it } from "vitest";
import { periodOf, reportRange } from "./report-range";

// 1 December 2026, 02:30 in Tokyo is still 30 November in New York.
const now = new Date("2026-11-30T17:30:00Z");

describe("reportRange", () => {
  it("defaults to the last 30 days up to today in the organisation's time zone", () => {
    expect(reportRange({ interval: "day" }, "Asia/Tokyo", now)).toMatchObject({ from: "2026-11-02", to: "2026-12-01", previousFrom: "2026-10-03", previousTo: "2026-11-01" });
    expect(reportRange({ interval: "day" }, "America/New_York", now)).toMatchObject({ from: "2026-11-01", to: "2026-11-30" });
  });

  it("runs a range given by its first day to today, at most 400 days, and one day when it starts after today", () => {
    expect(reportRange({ from: "2026-11-20", interval: "day" }, "UTC", now)).toMatchObject({ from: "2026-11-20", to: "2026-11-30" });
    expect(reportRange({ from: "2020-01-01", interval: "day" }, "UTC", now)).toMatchObject({ to: "2021-02-03" });
    expect(reportRange({ from: "2027-01-10", interval: "day" }, "UTC", now)).toMatchObject({ from: "2027-01-10", to: "2027-01-10" });
  });

  it("starts weeks on Mondays, the first one at the range's first day", () => {
    // 2026-11-04 is a Wednesday; Mondays follow on the 9th, 16th and 23rd.
    const range = reportRange({ from: "2026-11-04", to: "2026-11-24", interval: "week" }, "UTC", now);
    expect(range.periods).toEqual(["2026-11-04", "2026-11-09", "2026-11-16", "2026-11-23"]);
    expect(periodOf(range.periods, "2026-11-08")).toBe(0);
    expect(periodOf(range.periods, "2026-11-09")).toBe(1);
    expect(periodOf(range.periods, "2026-11-24")).toBe(3);
  });
});
