import { describe, expect, it } from "vitest";
import { firingBuckets } from "./sparkline";

const now = new Date("2026-11-30T12:30:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("firingBuckets", () => {
  it("within a day: 24 hourly buckets ending with the current hour", () => {
    const { buckets, span } = firingBuckets([ago(5), ago(20), ago(95), ago(23 * 60)], now);
    expect(span).toBe("last 24 hours");
    expect(buckets).toHaveLength(24);
    expect(buckets.at(-1)!.count).toBe(2);
    expect(buckets.at(-3)!.count).toBe(1);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(4);
  });

  it("older firings: 14 daily buckets, and firings before them are left out", () => {
    const { buckets, span } = firingBuckets([ago(60), ago(26 * 60), ago(3 * 24 * 60), ago(20 * 24 * 60)], now);
    expect(span).toBe("last 14 days");
    expect(buckets).toHaveLength(14);
    expect(buckets.at(-1)!.count).toBe(1);
    expect(buckets.at(-2)!.count).toBe(1);
    expect(buckets.at(-4)!.count).toBe(1);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(3);
  });

  it("no firings kept (an alert from before the history): empty hourly buckets", () => {
    const { buckets } = firingBuckets([], now);
    expect(buckets.every((b) => b.count === 0)).toBe(true);
  });
});
