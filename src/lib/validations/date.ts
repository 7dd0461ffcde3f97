// The one date type for dates that come from outside (filters, snooze times). JavaScript accepts
// years Postgres refuses (year 0 is SQLSTATE 22008) or that overflow its range, and no date a
// person means is outside these bounds, so anything else is a field error instead of a 500.
import { z } from "zod";

export const MIN_DATE = new Date("1900-01-01T00:00:00.000Z");
export const MAX_DATE = new Date("2999-12-31T23:59:59.999Z");

const RANGE_MESSAGE = "Use a date between the years 1900 and 2999";

/** Accepts a Date or anything `new Date()` reads (ISO strings from JSON and query strings). */
export function dateInput() {
  return z.coerce
    .date({ error: "Enter a valid date" })
    .min(MIN_DATE, { message: RANGE_MESSAGE })
    .max(MAX_DATE, { message: RANGE_MESSAGE });
}

/** True for a Date within the bounds above; for values that are not read through dateInput(). */
export function isDateInRange(value: Date): boolean {
  const t = value.getTime();
  return Number.isFinite(t) && t >= MIN_DATE.getTime() && t <= MAX_DATE.getTime();
}
