// The histogram's buckets are the same in SQL (where the rollups fill them) and here (where
// percentiles read them), and a percentile read back is within a bucket's precision.
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { addHistograms, bucketOf, HISTOGRAM_BUCKETS, percentile } from "./histogram";

const SAMPLES = [0, 1, 9, 10, 11, 12, 12.5, 13, 59, 60, 61, 599, 600, 3_599, 3_600, 86_399, 86_400, 864_000, 9_999_999, 2_000_000_000];

describe("histogram", () => {
  it("puts a time in the same bucket as report_histogram_bucket() does", async () => {
    const whole = SAMPLES.map((s) => Math.floor(s));
    const rows = await withPrivilegedDb("test check", (db) =>
      db.$queryRaw<{ s: number; b: number }[]>`SELECT s, report_histogram_bucket(s) AS b FROM unnest(${whole}::int[]) AS s`,
    );
    expect(rows.map((r) => [r.s, r.b])).toEqual(whole.map((s) => [s, bucketOf(s)]));
    expect(bucketOf(0)).toBe(1);
    expect(bucketOf(10)).toBe(2);
    expect(bucketOf(2_000_000_000)).toBe(HISTOGRAM_BUCKETS);
  });

  it("adds arrays of different lengths as SQL's report_histogram_add() does", async () => {
    const [row] = await withPrivilegedDb("test check", (db) =>
      db.$queryRaw<{ sum: number[] }[]>`SELECT report_histogram_add(ARRAY[1, 2, 3], ARRAY[0, 0, 0, 0, -1]) AS sum`,
    );
    expect(row!.sum).toEqual([1, 2, 3, 0, -1]);
    expect(addHistograms([1, 2, 3], [0, 0, 0, 0, -1])).toEqual(row!.sum);
  });

  it("reads a median and p90 within 12.5 % of the exact ones, and null from nothing", () => {
    const times = Array.from({ length: 1000 }, (_, i) => 30 + i * i * 0.37);
    let histogram: number[] = [];
    for (const t of times) {
      const unit = new Array<number>(bucketOf(t)).fill(0);
      unit[unit.length - 1] = 1;
      histogram = addHistograms(histogram, unit);
    }
    const exact = (p: number) => times[Math.ceil(p * times.length) - 1]!;
    for (const p of [0.5, 0.9]) expect(Math.abs(percentile(histogram, p)! - exact(p)) / exact(p)).toBeLessThan(0.125);
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([0, 0], 0.5)).toBeNull();
    // All in the first bucket [0, 10): linear inside it.
    expect(percentile([4], 0.5)).toBe(5);
  });
});
