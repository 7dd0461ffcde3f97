// Isolation attacks on search: a search has no ids to name, so the attack is B's words. Whatever
// A searches for, the results hold only A's cases and customers, never B's, even when the text
// matches B's rows and nothing of A's.
import { expect } from "vitest";
import type { SearchAnalytics } from "@/server/services/search/analytics";
import type { SearchResult } from "@/server/services/search/search";
import type { Fixture, IsolationCase } from "./fixture";

function noneOfB(result: unknown, fx: Fixture) {
  const { cases, customers } = result as SearchResult;
  const bCaseIds = new Set(fx.bCases.map((c) => c.id));
  expect(cases.filter((c) => bCaseIds.has(c.id))).toEqual([]);
  expect(customers.map((c) => c.id)).not.toContain(fx.bRows.customerId);
}

export const SEARCH_ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "search.query": [
    {
      name: "B's case titles and customer name: nothing comes back",
      input: () => ({ q: "Bravo secret", limit: 50 }),
      expect: (result, fx) => {
        noneOfB(result, fx);
        // Nothing of A's matches either, so the totals must not count B's rows.
        expect((result as SearchResult).totals.cases).toBe(0);
      },
    },
    {
      name: "B's words typed as a prefix, and B's customer",
      input: () => ({ q: "Private Custo", limit: 50 }),
      expect: (result, fx) => {
        noneOfB(result, fx);
        expect((result as SearchResult).totals).toEqual({ cases: 0, customers: 0 });
      },
    },
    { name: "B's case number", input: (fx) => ({ q: `#${fx.bCases[9]!.number}` }), expect: noneOfB },
  ],
  "search.recordOpen": [
    { name: "an open recorded against B's search", input: (fx) => ({ searchId: fx.bSearchId, position: 1, kind: "case", id: fx.aCases[0]!.id }), expect: "NOT_FOUND" },
  ],
  "search.recent": [
    {
      name: "none of B's searches",
      input: () => ({ limit: 20 }),
      expect: (result) => expect((result as { query: string }[]).map((r) => r.query)).not.toContain("bravo secret query"),
      asKey: "FORBIDDEN",
    },
  ],
  "search.analytics": [
    {
      name: "B's searches neither listed nor counted",
      input: () => ({ days: 90, contains: "bravo secret" }),
      expect: (result) => {
        const report = result as SearchAnalytics;
        expect(report.totals.searches).toBe(0);
        expect(report.topQueries).toEqual([]);
        expect(report.noResultQueries).toEqual([]);
      },
    },
  ],
};
