import { describe, expect, it } from "vitest";
import { MIN_GROWTH, pickTopics, scoreTerm } from "./score";

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

describe("pickTopics", () => {
  it("ranks by score and leaves out steady, shrinking and small terms", () => {
    const picked = pickTopics([steady("steady", 10, 10), steady("down", 10, 2), steady("small", 0, 1), steady("surge", 2, 20), steady("new", 0, 8)], 28);
    expect(picked.map((t) => t.term)).toEqual(["surge", "new"]);
    for (const t of picked) expect(t.growth).toBeGreaterThanOrEqual(MIN_GROWTH);
  });

  it("drops a word its trending phrase covers, keeps one it does not", () => {
    const picked = pickTopics([steady("printer", 1, 20), steady("jam", 0, 18), steady("printer jam", 0, 18), steady("toner", 0, 9), steady("printer toner", 0, 3)], 28);
    // "printer jam" holds 18 of printer's 20 and all of jam's; "printer toner" holds 3 of toner's 9.
    expect(picked.map((t) => t.term)).toEqual(["printer jam", "toner", "printer toner"]);
  });

  it("keeps at most the limit, ties broken by cases then term", () => {
    const picked = pickTopics([steady("b", 0, 5), steady("a", 0, 5), steady("c", 0, 6)], 28, 2);
    expect(picked.map((t) => t.term)).toEqual(["c", "a"]);
  });
});
