// Plain-text tables for the terminal; the same results also go to --json for tracking over time.
import type { BenchResult } from "./types";

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const int = (v: number) => Math.round(v).toLocaleString("en-US");
const ratio = (v: number) => `${v.toFixed(2)}×`;

function table(header: string[], rows: string[][], alignLeft: number[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    "  " + cells.map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("   ");
  return [line(header), "  " + widths.map((w) => "─".repeat(w)).join("   "), ...rows.map(line)].join("\n");
}

/**
 * One table per database. Ratios compare with the row marked baseline, measured in the same
 * interleaved run: "p50 ×" is how many times slower than the baseline a typical call is,
 * "ops/s ×" how much throughput is left (below 1 = fewer calls per second).
 */
export function formatResult(title: string, label: string, result: BenchResult): string {
  const base = result.rows.find((r) => r.baseline) ?? result.rows[0];
  const rows = result.rows.map((r) => [
    r.label + (r === base ? " (baseline)" : ""),
    ms(r.stats.p50),
    ms(r.stats.p99),
    int(r.stats.opsPerSec),
    base ? ratio(r.stats.p50 / base.stats.p50) : "",
    base ? ratio(r.stats.opsPerSec / base.stats.opsPerSec) : "",
    int(r.stats.samples),
  ]);
  const out = [
    `${title}`,
    `${label}${result.subtitle ? ` — ${result.subtitle}` : ""}`,
    table(["variant", "p50 ms", "p99 ms", "ops/s", "p50 ×", "ops/s ×", "samples"], rows, [0]),
  ];
  for (const note of result.notes ?? []) out.push(`  • ${note}`);
  return out.join("\n");
}
