// Times (first response, resolution) are kept in the rollups as log-scale histograms, not as case
// rows: a median or p90 over any range and group is then a sum of a few hundred small arrays.
// Buckets grow by 25 %, so a percentile read back is within 12.5 % of the true value, and closer
// since it is interpolated inside its bucket. The SQL side is report_histogram_bucket() in the
// report_rollups migration; bucketOf mirrors it.

export const HISTOGRAM_BUCKETS = 64;
const FIRST_EDGE = 10;
const GROWTH = 1.25;

/** 1-based, as in the SQL arrays: bucket 1 is [0, 10 s), bucket k ≥ 2 starts at 10·1.25^(k-2) s. */
export function bucketOf(seconds: number): number {
  if (seconds < FIRST_EDGE) return 1;
  return Math.min(HISTOGRAM_BUCKETS, 2 + Math.floor(Math.log(seconds / FIRST_EDGE) / Math.log(GROWTH)));
}

/** [lower, upper) of a bucket in seconds; the last one is open (upper = lower). */
export function bucketBounds(bucket: number): [number, number] {
  if (bucket <= 1) return [0, FIRST_EDGE];
  const lower = FIRST_EDGE * GROWTH ** (bucket - 2);
  return bucket >= HISTOGRAM_BUCKETS ? [lower, lower] : [lower, lower * GROWTH];
}

/** Element-wise sum; the arrays may differ in length (each is as long as its highest bucket). */
export function addHistograms(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(Math.max(a.length, b.length)).fill(0);
  for (let i = 0; i < out.length; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return out;
}

/**
 * The p-quantile (0 < p < 1) of the counted times, or null when nothing was counted. Inside its
 * bucket the value is placed by the rank's share of the bucket, geometrically (the buckets are),
 * linearly in the first one (it starts at zero).
 */
export function percentile(histogram: readonly number[], p: number): number | null {
  const total = histogram.reduce((sum, n) => sum + Math.max(0, n), 0);
  if (total === 0) return null;
  const rank = p * total;
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    const n = Math.max(0, histogram[i] ?? 0);
    if (n === 0 || seen + n < rank) {
      seen += n;
      continue;
    }
    const [lower, upper] = bucketBounds(i + 1);
    const share = Math.min(1, Math.max(0, (rank - seen) / n));
    return i === 0 ? lower + (upper - lower) * share : lower * (upper / lower) ** share;
  }
  return bucketBounds(histogram.length)[0];
}
