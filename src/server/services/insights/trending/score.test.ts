import { describe, expect, it } from "vitest";
import { groupTopics, MAX_RELATED, MIN_GROWTH, pickCandidates, scoreTerm } from "./score";
import { similarity } from "./term-sketches";

/** A term seen `daily` cases every one of 28 days (no variance), `today` cases today. */
const steady = (term: string, daily: number, today: number) => ({ term, cases: today, total: daily * 28, squares: daily * daily * 28 });

describe("scoreTerm", () => {
  it("weighs a change by how much the term usually moves (Poisson floor, +1)", () => {
    expect(scoreTerm(steady("new", 0, 12), 28)).toMatchObject({ baseline: 0, score: 12, growth: 13 });
    // Usual 100 a day: 130 is 30 over, with sd √100 floored at the mean's: z ≈ 3.
    expect(scoreTerm(steady("big", 100, 130), 28).score).toBeCloseTo(30 / Math.sqrt(101), 6);
    // A rare term going 1 → 3 is less surprising than a common one going 100 → 200.
    expect(scoreTerm(steady("rare", 1, 3), 28).score).toBeLessThan(scoreTerm(steady("common", 100, 200), 28).score);
  });

  it("uses the measured variance when it is larger than the mean", () => {
    // 14 days of 0 and 14 of 20: mean 10, variance 100.
    const count = { term: "bursty", cases: 30, total: 14 * 20, squares: 14 * 400 };
    expect(scoreTerm(count, 28).score).toBeCloseTo(20 / Math.sqrt(101), 6);
  });

  it("reads a tenant without history as a zero baseline", () => {
    expect(scoreTerm({ term: "x", cases: 5, total: 0, squares: 0 }, 0)).toMatchObject({ baseline: 0, score: 5 });
  });
});

describe("pickCandidates", () => {
  it("ranks by score and leaves out steady, shrinking and small terms", () => {
    const picked = pickCandidates([steady("steady", 10, 10), steady("down", 10, 2), steady("small", 0, 1), steady("surge", 2, 20), steady("new", 0, 8)], 28);
    expect(picked.map((t) => t.term)).toEqual(["surge", "new"]);
    for (const t of picked) expect(t.growth).toBeGreaterThanOrEqual(MIN_GROWTH);
  });

  it("drops a word its trending phrase covers, keeps one it does not", () => {
    const picked = pickCandidates([steady("printer", 1, 20), steady("jam", 0, 18), steady("printer jam", 0, 18), steady("toner", 0, 9), steady("printer toner", 0, 3)], 28);
    // "printer jam" holds 18 of printer's 20 and all of jam's; "printer toner" holds 3 of toner's 9.
    expect(picked.map((t) => t.term)).toEqual(["printer jam", "toner", "printer toner"]);
  });

  it("keeps at most the limit, ties broken by cases then term", () => {
    const picked = pickCandidates([steady("b", 0, 5), steady("a", 0, 5), steady("c", 0, 6)], 28, 2);
    expect(picked.map((t) => t.term)).toEqual(["c", "a"]);
  });
});

describe("groupTopics", () => {
  const ids = (prefix: string, n: number) => new Set(Array.from({ length: n }, (_, i) => `${prefix}-${i}`));
  const union = (...sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s]));

  it("folds terms of the same cases into the better one and keeps a common word apart from a small topic", () => {
    const blank = ids("blank", 8);
    const sets: Record<string, Set<string>> = {
      "blank screen": blank,
      "checkout page": blank,
      since: union(blank, ids("other", 1)),
      error: union(blank, ids("err", 400)),
      invoic: ids("inv", 4),
    };
    const candidates = pickCandidates(Object.entries(sets).map(([term, s]) => ({ term, cases: s.size, total: 0, squares: 0 })), 28);
    const topics = groupTopics(candidates, (a, b) => similarity(sets[a]!, sets[b]!));
    expect(topics.map((t) => [t.term, t.related])).toEqual([
      ["error", []],
      ["blank screen", ["since", "checkout page"]],
      ["invoic", []],
    ]);
  });

  it("names at most MAX_RELATED related terms and stops at the limit of topics", () => {
    const same = ids("same", 10);
    const candidates = Array.from({ length: 10 }, (_, i) => scoreTerm({ term: `t${i}`, cases: 10 - (i % 2), total: 0, squares: 0 }, 28));
    const grouped = groupTopics(candidates, () => 1);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]!.related).toHaveLength(MAX_RELATED);
    expect(groupTopics(candidates, () => 0, 3)).toHaveLength(3);
    expect(similarity(same, same)).toBe(1);
  });
});

describe("similarity", () => {
  it("is the Jaccard index while both sets fit the sketch, and estimates it beyond", () => {
    const a = new Set(["1", "2", "3", "4"]);
    const b = new Set(["3", "4", "5"]);
    expect(similarity(a, b)).toBeCloseTo(2 / 5, 10);
    expect(similarity(a, new Set())).toBe(0);
    // 1,000 cases each, half shared: the 200-hash sketch lands near 1/3.
    const big = (from: number) => new Set(Array.from({ length: 1000 }, (_, i) => `case-${from + i}`));
    const left = big(0);
    const right = big(500);
    expect(Math.abs(similarity(left, right) - 1 / 3)).toBeLessThan(0.08);
  });
});
