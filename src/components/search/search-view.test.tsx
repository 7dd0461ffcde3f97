import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { navigation, router } from "@/test/next-navigation";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { SearchView } from "./search-view";

const found = {
  searchId: "0192b4a8-0000-7000-8000-00000000beef",
  similarCases: false,
  cases: [{ id: "c1", number: 42, title: "Refund for order 17", status: "OPEN", snippet: "A <mark>refund</mark> for &lt;order&gt; 17" }],
  customers: [{ id: "p1", snippet: "<mark>Refund</mark> Ltd" }],
  totals: { cases: 1500, customers: 1 },
};

describe("SearchView", () => {
  it("explains itself before anything is typed, and searches nothing", () => {
    const { calls } = renderWithTrpc(<SearchView slug="acme" initialQuery="" />, createTestTrpc());
    expect(screen.getByText(/Type to search case titles/)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it("searches as you type, keeps the query in the URL and marks the matched words", async () => {
    navigation.pathname = "/t/acme/search";
    const { user, calls } = renderWithTrpc(<SearchView slug="acme" initialQuery="" />, createTestTrpc({ "search.query": () => found }));
    await user.type(screen.getByRole("searchbox", { name: "Search cases and customers" }), "refund");
    const cases = await screen.findByRole("region", { name: /Cases/ });
    expect(within(cases).getByRole("heading")).toHaveTextContent("Cases (1,000+)");
    const link = within(cases).getByRole("link", { name: /#42 Refund for order 17/ });
    expect(link).toHaveAttribute("href", "/t/acme/cases/42");
    // Escaped text stays text; only <mark> is markup.
    expect(link).toHaveTextContent("A refund for <order> 17");
    expect(within(link).getByText("refund").tagName).toBe("MARK");
    expect(within(cases).getByRole("link", { name: "All matching cases in the list →" })).toHaveAttribute("href", expect.stringContaining("/t/acme/cases?"));
    const customers = screen.getByRole("region", { name: /Customers/ });
    expect(within(customers).getByRole("link", { name: "Refund Ltd" })).toHaveAttribute("href", "/t/acme/customers/p1");
    expect(calls.at(-1)).toMatchObject({ path: "search.query", input: { q: "refund", limit: 20, surface: "page", facets: true } });
    await waitFor(() => expect(router.replace).toHaveBeenLastCalledWith("/t/acme/search?q=refund", { scroll: false }));
  });

  it("reports a result opened from the search, with its position, for search analytics", async () => {
    const testTrpc = createTestTrpc({ "search.query": () => found, "search.recordOpen": () => ({ ok: true }) });
    const { user, calls } = renderWithTrpc(<SearchView slug="acme" initialQuery="refund" />, testTrpc);
    const customers = await screen.findByRole("region", { name: /Customers/ });
    await user.click(within(customers).getByRole("link", { name: "Refund Ltd" }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === "search.recordOpen")?.input).toEqual({ searchId: found.searchId, position: 1, kind: "customer", id: "p1" }),
    );
  });

  it("offers cases with similar words when nothing matched exactly, and says so", async () => {
    const similar = { ...found, similarCases: true, totals: { cases: 1, customers: 0 }, customers: [] };
    renderWithTrpc(<SearchView slug="acme" initialQuery="refnud" />, createTestTrpc({ "search.query": () => similar }));
    const cases = await screen.findByRole("region", { name: /Cases/ });
    expect(within(cases).getByRole("heading")).toHaveTextContent("no exact match; cases with similar words");
    expect(within(cases).getByRole("link", { name: /#42 Refund for order 17/ })).toBeInTheDocument();
    expect(within(cases).queryByRole("link", { name: /All matching cases/ })).not.toBeInTheDocument();
  });

  it("says when no case matches, and hides an empty customers section", async () => {
    renderWithTrpc(
      <SearchView slug="acme" initialQuery="zzz" />,
      createTestTrpc({ "search.query": () => ({ cases: [], customers: [], totals: { cases: 0, customers: 0 } }) }),
    );
    expect(await screen.findByText("No case matches “zzz”.")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: /Customers/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /All matching cases/ })).not.toBeInTheDocument();
  });

  it("narrows the cases by a facet, keeps the filters in the URL and the list link, and removes them from their chips", async () => {
    navigation.pathname = "/t/acme/search";
    const facets = {
      partial: false,
      fields: {
        status: [{ value: "OPEN", count: 3 }, { value: "PENDING", count: 1 }],
        priority: [],
        channel: [{ value: "EMAIL", count: 4 }],
        category: [{ value: "", count: 4 }],
        businessUnit: [],
        tag: [{ value: "billing", count: 2 }],
      },
    };
    const { user, calls } = renderWithTrpc(
      <SearchView slug="acme" initialQuery="refund" initialFilters={{ tag: ["billing"] }} />,
      createTestTrpc({ "search.query": () => ({ ...found, facets }) }),
    );
    const panel = await screen.findByRole("complementary", { name: "Narrow the cases" });
    expect(within(panel).getByRole("checkbox", { name: /billing 2/ })).toBeChecked();
    // "No category" is a count, not a filter.
    expect(within(panel).getByText("No category")).toBeInTheDocument();
    expect(within(panel).queryByRole("checkbox", { name: /No category/ })).not.toBeInTheDocument();
    await user.click(within(panel).getByRole("checkbox", { name: /Open 3/ }));
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ path: "search.query", input: { q: "refund", status: ["OPEN"], tag: ["billing"], facets: true } }));
    await waitFor(() => expect(router.replace).toHaveBeenLastCalledWith("/t/acme/search?status=OPEN&tag=billing&q=refund", { scroll: false }));
    expect(screen.getByRole("link", { name: "All matching cases in the list →" })).toHaveAttribute("href", "/t/acme/cases?status=OPEN&tag=billing&q=refund");
    await user.click(screen.getByRole("button", { name: "Remove filter Tag: billing" }));
    await waitFor(() => expect(calls.at(-1)?.input).toMatchObject({ status: ["OPEN"] }));
    expect((calls.at(-1)?.input as { tag?: string[] }).tag).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(router.replace).toHaveBeenLastCalledWith("/t/acme/search?q=refund", { scroll: false }));
  });

  it("says when the search failed", async () => {
    renderWithTrpc(<SearchView slug="acme" initialQuery="refund" />, createTestTrpc({ "search.query": () => Promise.reject(new Error("down")) }));
    expect(await screen.findByText("The search failed. Try again.")).toBeInTheDocument();
  });
});
