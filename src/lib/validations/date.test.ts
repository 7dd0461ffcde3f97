import { describe, expect, it } from "vitest";
import { dateInput, isDateInRange } from "./date";

describe("dateInput()", () => {
  const date = dateInput();

  it("reads ISO strings and Dates within 1900..2999", () => {
    expect(date.parse("2024-05-01T10:00:00.000Z")).toEqual(new Date("2024-05-01T10:00:00.000Z"));
    expect(date.parse(new Date("1900-01-01T00:00:00.000Z"))).toEqual(new Date("1900-01-01T00:00:00.000Z"));
    expect(date.parse("2999-12-31")).toEqual(new Date("2999-12-31T00:00:00.000Z"));
  });

  it("refuses year 0, far futures and things that are no date, as field errors", () => {
    for (const value of ["0000-01-01T00:00:00Z", "+099999-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "3000-01-01", "not a date", "", 1e308, Number.NaN]) {
      expect(date.safeParse(value).success, String(value)).toBe(false);
    }
    expect(isDateInRange(new Date(Number.NaN))).toBe(false);
  });
});
