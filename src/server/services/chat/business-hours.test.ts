import { describe, expect, it } from "vitest";
import { businessHoursNow } from "./business-hours";

const settings = { timeZone: "Europe/Amsterdam", workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" } };

describe("business hours for the chat widget", () => {
  it("is open within the tenant's hours, in its time zone", () => {
    // Wednesday 2026-12-02 10:00 in Amsterdam is 09:00 UTC.
    expect(businessHoursNow(settings, new Date("2026-12-02T09:00:00Z"))).toEqual({ open: true, nextOpenAt: null });
  });

  it("outside them, says when the team is back: the next working morning, over the weekend", () => {
    // Friday 18:00 in Amsterdam: back on Monday at 09:00 (08:00 UTC).
    expect(businessHoursNow(settings, new Date("2026-12-04T17:00:00Z"))).toEqual({ open: false, nextOpenAt: new Date("2026-12-07T08:00:00Z") });
    // Before opening on a weekday: the same morning.
    expect(businessHoursNow(settings, new Date("2026-12-02T06:30:00Z")).nextOpenAt).toEqual(new Date("2026-12-02T08:00:00Z"));
  });
});
