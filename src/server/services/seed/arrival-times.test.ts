import { describe, expect, it } from "vitest";
import { mulberry32 } from "./demo-seed";
import { apportion, arrivalTimes } from "./arrival-times";

const DAY = 86_400_000;
// A Monday, 15:00 UTC.
const NOW = Date.UTC(2026, 10, 23, 15, 0);

describe("demo case arrival times", () => {
  it("apportions exactly the count", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(300, [0.3, 1, 2.5, 0.7]).reduce((a, b) => a + b, 0)).toBe(300);
    expect(apportion(5, [0, 0])).toEqual([0, 5]);
  });

  it("returns count times, oldest first, in the last 60 days and none in the future", () => {
    const times = arrivalTimes({ count: 300, now: NOW, rand: mulberry32(42) });
    expect(times).toHaveLength(300);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(times[0]!.getTime()).toBeGreaterThan(NOW - 60 * DAY);
    expect(times.at(-1)!.getTime()).toBeLessThan(NOW);
  });

  it("is busier on weekdays than weekends, with a recent spike", () => {
    const times = arrivalTimes({ count: 3000, now: NOW, rand: mulberry32(7) });
    const perDay = new Map<number, number>();
    for (const t of times) {
      const day = Math.floor(t.getTime() / DAY);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const today = Math.floor(NOW / DAY);
    const avg = (pred: (weekday: number, daysAgo: number) => boolean) => {
      const days = [...Array(56).keys()].map((i) => today - 4 - i).filter((d) => pred(new Date(d * DAY).getUTCDay(), today - d));
      return days.reduce((a, d) => a + (perDay.get(d) ?? 0), 0) / days.length;
    };
    const weekday = avg((w) => w >= 1 && w <= 5);
    const weekend = avg((w) => w === 0 || w === 6);
    expect(weekend).toBeLessThan(weekday * 0.5);
    expect(perDay.get(today - 3)!).toBeGreaterThan(weekday * 2);
  });
});
