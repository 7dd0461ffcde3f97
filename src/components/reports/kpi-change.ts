// A figure against the same figure of the period before: which way it moved, by how much, and
// whether that is good news. Times are better lower; SLA rates and closed cases higher; created
// cases are neither (more customers writing in is not the team's doing).
export type Better = "higher" | "lower" | "neither";

export interface KpiChange {
  direction: "up" | "down" | "flat" | "none";
  /** "+12 %", "−4.2 pts", "new", "no change"; "" when there is nothing to compare. */
  text: string;
  tone: "good" | "bad" | "neutral";
  /** The sentence for screen readers. */
  description: string;
}

const pct = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const pts = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const sign = (n: number) => (n > 0 ? "+" : "−");

/**
 * `kind: "rate"` (0..1) compares in percentage points (94 % → 90 % is "−4 pts", not "−4.3 %");
 * counts and times compare relatively.
 */
export function kpiChange(current: number | null, previous: number | null, better: Better, kind: "amount" | "rate" = "amount"): KpiChange {
  if (current === null || previous === null) {
    return { direction: "none", text: "", tone: "neutral", description: current === null ? "Nothing to measure in this period." : "Nothing to compare with in the previous period." };
  }
  let delta: number;
  let text: string;
  if (kind === "rate") {
    delta = (current - previous) * 100;
    text = `${sign(delta)}${pts.format(Math.abs(delta))} pts`;
    if (Math.abs(delta) < 0.05) delta = 0;
  } else if (previous === 0) {
    delta = current;
    text = "new";
  } else {
    delta = ((current - previous) / previous) * 100;
    text = `${sign(delta)}${pct.format(Math.abs(delta))} %`;
    if (Math.abs(delta) < 0.5) delta = 0;
  }
  if (delta === 0) return { direction: "flat", text: "no change", tone: "neutral", description: "No change from the previous period." };
  const direction = delta > 0 ? "up" : "down";
  const good = better === "neither" ? null : (direction === "up") === (better === "higher");
  const tone = good === null ? "neutral" : good ? "good" : "bad";
  const description = text === "new" ? "Up from none in the previous period." : `${direction === "up" ? "Up" : "Down"} ${text.slice(1)} from the previous period.`;
  return { direction, text, tone, description };
}
