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
/** Candidates scored before they are grouped into topics (each is sketched). */
export const MAX_CANDIDATES = 100;
/** Terms this similar (Jaccard index of their cases) are one topic. */
export const SAME_TOPIC = 0.6;
/** Terms named beside a topic's own. */
export const MAX_RELATED = 5;
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

/** The surging terms, best first: scored, thresholded, words covered by their phrases left out. */
export function pickCandidates(counts: readonly TermCount[], baselineDays: number, limit = MAX_CANDIDATES): ScoredTerm[] {
  const surging = counts.map((c) => scoreTerm(c, baselineDays)).filter((t) => t.growth >= MIN_GROWTH && t.score >= MIN_SCORE);
  const phrases = surging.filter((t) => t.term.includes(" "));
  const covered = (word: ScoredTerm) => phrases.some((p) => p.term.split(" ").includes(word.term) && p.cases >= PHRASE_COVERS * word.cases);
  return surging
    .filter((t) => t.term.includes(" ") || !covered(t))
    .sort(byScore)
    .slice(0, limit);
}

const isPhrase = (t: ScoredTerm) => t.term.includes(" ");
/** A phrase in at least this share of a word's cases names the word's topic instead. */
const PHRASE_NAMES = 0.8;

export interface Topic extends ScoredTerm {
  /** Other surging terms in (mostly) the same cases, best first. */
  related: string[];
}

/**
 * Groups candidates (best first) into topics: a term whose cases are mostly the same as a better
 * term's joins that topic as related; any other starts a topic of its own, up to `limit` topics.
 */
export function groupTopics(candidates: readonly ScoredTerm[], sameCases: (a: string, b: string) => number, limit = MAX_TOPICS): Topic[] {
  const topics: Topic[] = [];
  for (const term of candidates) {
    const at = topics.findIndex((t) => sameCases(t.term, term.term) >= SAME_TOPIC);
    const home = topics[at];
    if (home) {
      // A phrase names a topic better than a word of nearly the same cases ("blank screen", not "since").
      if (isPhrase(term) && !isPhrase(home) && term.cases >= PHRASE_NAMES * home.cases) {
        topics[at] = { ...term, related: [home.term, ...home.related].slice(0, MAX_RELATED) };
      } else if (home.related.length < MAX_RELATED) home.related.push(term.term);
    } else if (topics.length < limit) {
      topics.push({ ...term, related: [] });
    }
  }
  return topics.sort(byScore);
}
