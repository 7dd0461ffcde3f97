// Latency sampling for comparisons. Variants are measured side by side: in short blocks taken in
// rotation, so warm-up, garbage collection, autovacuum or a noisy neighbour affect every variant
// alike and the ratios stay meaningful even when the absolute numbers drift.

export interface Stats {
  samples: number;
  p50: number;
  p99: number;
  mean: number;
  /** Sequential throughput of one caller: 1000 / mean. */
  opsPerSec: number;
}

/** Nearest-rank percentile of ascending `sorted` (ms). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samplesMs: readonly number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(sorted.length, 1);
  return { samples: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean, opsPerSec: 1000 / mean };
}

export interface Variant {
  label: string;
  baseline?: boolean;
  fn: () => Promise<unknown>;
}

export interface CompareOptions {
  /** Measured time per variant, warm-up excluded. */
  durationMs: number;
  /** Length of one block; shorter interleaves more finely. */
  blockMs?: number;
  /** Unmeasured time per variant before sampling starts (JIT, plan and connection caches). */
  warmupMs?: number;
  onRound?: (round: number, rounds: number) => void;
}

async function runBlock(fn: () => Promise<unknown>, blockMs: number, samples: number[] | null): Promise<void> {
  const blockStart = performance.now();
  do {
    const t0 = performance.now();
    await fn();
    samples?.push(performance.now() - t0);
  } while (performance.now() - blockStart < blockMs);
}

export async function compareSideBySide(
  variants: readonly Variant[],
  options: CompareOptions,
): Promise<{ label: string; baseline?: boolean; stats: Stats }[]> {
  const blockMs = options.blockMs ?? 200;
  for (const v of variants) await runBlock(v.fn, options.warmupMs ?? 500, null);
  const samples = variants.map(() => [] as number[]);
  const rounds = Math.max(1, Math.round(options.durationMs / blockMs));
  for (let round = 0; round < rounds; round++) {
    // Rotate the starting variant so none always runs right after the same neighbour.
    for (let k = 0; k < variants.length; k++) {
      const i = (round + k) % variants.length;
      await runBlock(variants[i]!.fn, blockMs, samples[i]!);
    }
    options.onRound?.(round + 1, rounds);
  }
  return variants.map((v, i) => ({ label: v.label, baseline: v.baseline, stats: summarize(samples[i]!) }));
}
