// Isolation attacks on search: a search has no ids to name, so the attack is B's words. Whatever
// A searches for, the results hold only A's cases and customers, never B's, even when the text
// matches B's rows and nothing of A's.
import { expect } from "vitest";
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
};
