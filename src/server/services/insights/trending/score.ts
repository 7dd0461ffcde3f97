// How surprising a term's day is, and which terms make the list. Pure, so the rules are tested on
// numbers alone.
//
// The score is a z-score: (today − mean) / sd, with the variance floored at the mean (what a
// Poisson count of that mean would vary by) and 1 added. Why not a ratio: a ratio ranks 1 → 3 cases
// (×3) above 200 → 400 (×2), and the first is noise; the z-score weighs a change by how much that
// term usually moves. Why the floor: 28 days of a rare term often have a variance near 0, which
// would make any change infinite; the +1 keeps a term never seen before at "its count", so a brand
// new word in 12 cases scores 12 and one in 3 cases scores 3. The smoothed ratio (cases + 1) /
// (mean + 1) is kept beside it as "growth", which is what people read ("×4").
import type { TermCount } from "./baseline-days";

export interface ScoredTerm {
  term: string;
  cases: number;
  /** Mean cases per day over the baseline. */
  baseline: number;
  score: number;
  growth: number;
}

/** A topic grows at least this much over its usual day. */
export const MIN_GROWTH = 1.5;
/** …and scores at least this. */
export const MIN_SCORE = 2;
/** The list's length. */
export const MAX_TOPICS = 20;
/**
 * A word is dropped when a trending phrase holds it and is found in at least this share of the
 * word's cases: "printer jam" in 18 cases says more than "printer" in 20.
 */
const PHRASE_COVERS = 0.6;

export function scoreTerm(count: TermCount, baselineDays: number): ScoredTerm {
  const days = Math.max(baselineDays, 0);
  const mean = days > 0 ? count.total / days : 0;
  const variance = days > 0 ? Math.max(count.squares / days - mean * mean, 0) : 0;
  const score = (count.cases - mean) / Math.sqrt(Math.max(variance, mean) + 1);
  return { term: count.term, cases: count.cases, baseline: mean, score, growth: (count.cases + 1) / (mean + 1) };
}

const byScore = (a: ScoredTerm, b: ScoredTerm) => b.score - a.score || b.cases - a.cases || a.term.localeCompare(b.term);

/** The trending terms, best first: scored, thresholded, words covered by their phrases left out. */
export function pickTopics(counts: readonly TermCount[], baselineDays: number, limit = MAX_TOPICS): ScoredTerm[] {
  const surging = counts.map((c) => scoreTerm(c, baselineDays)).filter((t) => t.growth >= MIN_GROWTH && t.score >= MIN_SCORE);
  const phrases = surging.filter((t) => t.term.includes(" "));
  const covered = (word: ScoredTerm) => phrases.some((p) => p.term.split(" ").includes(word.term) && p.cases >= PHRASE_COVERS * word.cases);
  return surging
    .filter((t) => t.term.includes(" ") || !covered(t))
    .sort(byScore)
    .slice(0, limit);
}
