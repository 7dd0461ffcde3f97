import { describe, expect, it } from "vitest";
import { parseReportQuery, presetRange, todayIn } from "./report-params";

describe("reports URL", () => {
  it("reads the range, dimension, interval and kind of time, and defaults what is missing", () => {
    expect(parseReportQuery({ from: "2026-11-01", to: "2026-11-30", groupBy: "team", interval: "week", time: "business" })).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      groupBy: "team",
      interval: "week",
      time: "business",
    });
    expect(parseReportQuery({})).toEqual({ groupBy: "channel", interval: "day", time: "calendar" });
  });

  it("drops what the schema refuses instead of failing the page", () => {
    expect(parseReportQuery({ from: "yesterday", to: "2026-11-30", groupBy: "mood" })).toEqual({ to: "2026-11-30", groupBy: "channel", interval: "day", time: "calendar" });
    // A reversed range keeps its last day.
    expect(parseReportQuery({ from: "2026-12-01", to: "2026-11-30", interval: ["week", "day"] })).toEqual({ to: "2026-11-30", groupBy: "channel", interval: "week", time: "calendar" });
    // Longer than a report covers: the default length up to the last day.
    expect(parseReportQuery({ from: "2020-01-01", to: "2026-11-30" })).toEqual({ to: "2026-11-30", groupBy: "channel", interval: "day", time: "calendar" });
  });

  it("presets end today on the organisation's calendar", () => {
    const now = new Date("2026-11-30T23:30:00Z");
    expect(todayIn("Europe/Paris", now)).toBe("2026-12-01");
    expect(todayIn("America/New_York", now)).toBe("2026-11-30");
    expect(presetRange(7, "2026-12-01")).toEqual({ from: "2026-11-25", to: "2026-12-01" });
    expect(presetRange(30, "2026-03-01")).toEqual({ from: "2026-01-31", to: "2026-03-01" });
  });
});
