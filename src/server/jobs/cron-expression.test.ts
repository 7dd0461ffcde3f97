import { describe, expect, it } from "vitest";
import { CronExpressionError, parseCron } from "./cron-expression";

const prev = (expression: string, at: string) => parseCron(expression).previous(new Date(at))?.toISOString();

describe("cron expressions", () => {
  it("finds the latest slot at or before a time, in UTC", () => {
    expect(prev("*/15 * * * *", "2026-11-23T10:07:31Z")).toBe("2026-11-23T10:00:00.000Z");
    expect(prev("*/15 * * * *", "2026-11-23T10:15:00Z")).toBe("2026-11-23T10:15:00.000Z");
    expect(prev("17 3 * * *", "2026-11-23T02:00:00Z")).toBe("2026-11-22T03:17:00.000Z");
    expect(prev("17 3 * * *", "2026-11-23T03:17:59Z")).toBe("2026-11-23T03:17:00.000Z");
    expect(prev("0 0 1 * *", "2026-03-15T12:00:00Z")).toBe("2026-03-01T00:00:00.000Z");
    expect(prev("@yearly", "2026-03-15T12:00:00Z")).toBe("2026-01-01T00:00:00.000Z");
    expect(prev("@hourly", "2026-03-15T12:59:00Z")).toBe("2026-03-15T12:00:00.000Z");
  });

  it("handles ranges, steps, lists and names", () => {
    // 2026-11-22 is a Sunday: the last weekday 09:00 was Friday.
    expect(prev("0 9 * * 1-5", "2026-11-22T10:00:00Z")).toBe("2026-11-20T09:00:00.000Z");
    expect(prev("0 9 * * mon-fri", "2026-11-22T10:00:00Z")).toBe("2026-11-20T09:00:00.000Z");
    expect(prev("30 8,20 * * *", "2026-11-23T19:00:00Z")).toBe("2026-11-23T08:30:00.000Z");
    expect(prev("5/20 * * * *", "2026-11-23T10:44:00Z")).toBe("2026-11-23T10:25:00.000Z");
    expect(prev("0 0 * feb *", "2026-11-23T00:00:00Z")).toBe("2026-02-28T00:00:00.000Z");
    expect(prev("0 12 * * 7", "2026-11-23T00:00:00Z")).toBe("2026-11-22T12:00:00.000Z");
    expect(prev("0 0 29 2 *", "2026-11-23T00:00:00Z")).toBe("2024-02-29T00:00:00.000Z");
  });

  it("ORs the day fields when both are restricted, as cron does", () => {
    // The 13th, or any Friday: 2026-11-20 is a Friday, after the 13th.
    expect(prev("0 0 13 * 5", "2026-11-23T00:00:00Z")).toBe("2026-11-20T00:00:00.000Z");
    expect(prev("0 0 13 * 5", "2026-11-14T00:00:00Z")).toBe("2026-11-13T00:00:00.000Z");
  });

  it("rejects malformed expressions and reports impossible ones", () => {
    for (const bad of ["", "* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "*/0 * * * *", "5-1 * * * *", "a * * * *", "1/2/3 * * * *"]) {
      expect(() => parseCron(bad), bad).toThrow(CronExpressionError);
    }
    expect(parseCron("0 0 30 2 *").previous(new Date("2026-11-23T00:00:00Z"))).toBeUndefined();
  });
});
