import { describe, expect, it } from "vitest";
import { availabilityText as availabilityTextRaw, backAtText as backAtTextRaw } from "./availability";

// ICU versions differ in the space before AM/PM (U+202F in newer ones): compare with plain spaces.
const plain = (text: string | null) => text?.replace(/\s/g, " ") ?? null;
const backAtText = (...args: Parameters<typeof backAtTextRaw>) => plain(backAtTextRaw(...args));
const availabilityText = (...args: Parameters<typeof availabilityTextRaw>) => plain(availabilityTextRaw(...args));

// A visitor in Berlin (UTC+1 in December) reading English, on Tuesday 1 December 2026 at 16:00.
const berlin = { locale: "en-GB", timeZone: "Europe/Berlin" };
const now = new Date("2026-12-01T15:00:00Z");

describe("backAtText: when the team is back, on the visitor's clock", () => {
  it("today", () => {
    expect(backAtText("2026-12-01T17:30:00Z", now, berlin)).toBe("Back at 18:30");
  });

  it("tomorrow, by the visitor's calendar (not UTC's)", () => {
    // 23:30 UTC is already Wednesday in Berlin.
    expect(backAtText("2026-12-01T23:30:00Z", now, berlin)).toBe("Back tomorrow at 00:30");
    expect(backAtText("2026-12-02T08:00:00Z", now, berlin)).toBe("Back tomorrow at 09:00");
  });

  it("within the week: the weekday", () => {
    expect(backAtText("2026-12-07T08:00:00Z", now, berlin)).toBe("Back Monday at 09:00");
  });

  it("later: the date", () => {
    expect(backAtText("2026-12-14T08:00:00Z", now, berlin)).toBe("Back Mon 14 Dec at 09:00");
  });

  it("in the visitor's locale and zone", () => {
    const newYork = { locale: "en-US", timeZone: "America/New_York" };
    expect(backAtText("2026-12-01T17:30:00Z", now, newYork)).toBe("Back at 12:30 PM");
    expect(backAtText("2026-12-02T08:00:00Z", now, { locale: "de-DE", timeZone: "Europe/Berlin" })).toBe("Back tomorrow at 09:00");
    expect(backAtText("2026-12-04T08:00:00Z", now, { locale: "fr-FR", timeZone: "Europe/Paris" })).toBe("Back vendredi at 09:00");
  });

  it("an unreadable instant is no answer", () => {
    expect(backAtText("not a date", now, berlin)).toBeNull();
  });
});

describe("availabilityText", () => {
  it("online, away with a return time, away without one", () => {
    expect(availabilityText({ open: true, nextOpenAt: null }, now, berlin)).toBe("We're online");
    expect(availabilityText({ open: false, nextOpenAt: "2026-12-02T08:00:00Z" }, now, berlin)).toBe("Back tomorrow at 09:00");
    expect(availabilityText({ open: false, nextOpenAt: null }, now, berlin)).toBe("We're away right now");
    expect(availabilityText({ open: false, nextOpenAt: "garbage" }, now, berlin)).toBe("We're away right now");
  });
});
