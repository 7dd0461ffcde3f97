import { describe, expect, it } from "vitest";
import { ageText, durationText, formatDateTime, timeAgo } from "./format";

describe("ageText", () => {
  it("minutes below an hour, hours below two days, then days; rounded down", () => {
    expect(ageText(-5_000)).toBe("0 min");
    expect(ageText(59 * 60_000 + 59_000)).toBe("59 min");
    expect(ageText(60 * 60_000)).toBe("1 h");
    expect(ageText(47 * 3_600_000 + 59 * 60_000)).toBe("47 h");
    expect(ageText(48 * 3_600_000)).toBe("2 d");
    expect(ageText(1_234 * 86_400_000)).toBe("1,234 d");
  });
});

describe("timeAgo", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  it("reads both ways, and gives a date past a month", () => {
    expect(timeAgo(null, now)).toBe("never");
    expect(timeAgo(new Date("2026-11-30T11:57:00Z"), now)).toBe("3 minutes ago");
    expect(timeAgo(new Date("2026-12-07T12:00:00Z"), now)).toBe("in 7 days");
    expect(timeAgo(new Date("2026-09-01T12:00:00Z"), now)).toBe("Sep 1, 2026");
  });
});

describe("formatDateTime", () => {
  it("shows the date and time in the named zone, and names it", () => {
    const at = new Date("2026-12-01T08:00:00Z");
    expect(formatDateTime(at, "Europe/Paris")).toBe("Dec 1, 2026, 9:00 AM (Europe/Paris)");
    expect(formatDateTime(at, "America/New_York")).toBe("Dec 1, 2026, 3:00 AM (America/New_York)");
  });
});

describe("durationText", () => {
  it("seconds, minutes, then hours and days to a tenth, whole from 10 up", () => {
    expect(durationText(null)).toBe("—");
    expect(durationText(Number.NaN)).toBe("—");
    expect(durationText(-3)).toBe("0 s");
    expect(durationText(42)).toBe("42 s");
    expect(durationText(42 * 60 + 10)).toBe("42 min");
    // 59.6 min rounds to an hour, not "60 min".
    expect(durationText(59 * 60 + 36)).toBe("1 h");
    expect(durationText(3.5 * 3600)).toBe("3.5 h");
    expect(durationText(3 * 3600)).toBe("3 h");
    expect(durationText(14.4 * 3600)).toBe("14 h");
    expect(durationText(23.97 * 3600)).toBe("1 d");
    expect(durationText(2.1 * 86_400)).toBe("2.1 d");
    expect(durationText(1234.4 * 86_400)).toBe("1,234 d");
  });
});
