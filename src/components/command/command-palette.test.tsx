import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { assignCaseAction, transitionCaseAction } from "@/components/cases/case-actions";
import { useActiveCase } from "@/components/cases/active-case-store";
import { router } from "@/test/next-navigation";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { CommandPalette } from "./command-palette";

vi.mock("@/components/cases/case-actions", () => ({ assignCaseAction: vi.fn(), transitionCaseAction: vi.fn() }));

const results = {
  searchId: "0192b4a8-0000-7000-8000-00000000abcd",
  cases: [{ id: "c1", number: 42, title: "Refund for order 17" }],
  customers: [{ id: "p1", name: "Ada Lovelace", company: "Analytical Ltd" }],
  totals: { cases: 1200 },
};

function setup(props: Partial<React.ComponentProps<typeof CommandPalette>> = {}) {
  const trpc = createTestTrpc({
    "search.query": () => results,
    "search.recent": () => [{ query: "printer on fire", at: new Date() }],
    "search.recordOpen": () => ({ ok: true }),
  });
  return renderWithTrpc(<CommandPalette slug="acme" canWrite canImport={false} {...props} />, trpc);
}

async function openPalette(user: ReturnType<typeof setup>["user"]) {
  await user.keyboard("{Control>}k{/Control}");
  return screen.findByRole("dialog");
}

beforeEach(() => {
  vi.mocked(assignCaseAction).mockReset();
  vi.mocked(transitionCaseAction).mockReset();
  act(() => useActiveCase.setState({ current: null }));
});

describe("CommandPalette", () => {
  it("opens with Ctrl+K and lists the pages the member may open", async () => {
    const { user } = setup();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    const dialog = await openPalette(user);
    const options = within(dialog).getAllByRole("option").map((o) => o.textContent?.trim());
    expect(options).toContain("Overview");
    expect(options).toContain("Jobs");
    // Importing is not allowed for this member.
    expect(options).not.toContain("Imports");
  });

  it("narrows the pages by word prefixes and goes to the chosen one", async () => {
    const { user } = setup({ canImport: true });
    const dialog = await openPalette(user);
    await user.type(within(dialog).getByRole("combobox"), "cases un");
    expect(within(dialog).getAllByRole("option").map((o) => o.textContent?.trim())).toEqual(["Cases: Unassigned"]);
    await user.keyboard("{Enter}");
    expect(router.push).toHaveBeenCalledWith("/t/acme/cases?tab=unassigned");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("jumps to a case by its number", async () => {
    const { user, calls } = setup();
    const dialog = await openPalette(user);
    await user.type(within(dialog).getByRole("combobox"), "#1042");
    await user.click(within(dialog).getByRole("option", { name: "Open case #1042" }));
    expect(router.push).toHaveBeenCalledWith("/t/acme/cases/1042");
    // A case number is not searched for.
    expect(calls.filter((c) => c.path === "search.query")).toHaveLength(0);
  });

  it("searches cases and customers, and offers the full search", async () => {
    const { user, calls } = setup();
    const dialog = await openPalette(user);
    await user.type(within(dialog).getByRole("combobox"), "refund");
    expect(await within(dialog).findByRole("option", { name: /#42 Refund for order 17/ })).toBeInTheDocument();
    expect(within(dialog).getByRole("option", { name: /Ada Lovelace Analytical Ltd/ })).toBeInTheDocument();
    expect(within(dialog).getByRole("option", { name: /Search everything for “refund”/ })).toHaveTextContent("1,000+ cases");
    expect(calls.find((c) => c.path === "search.query")?.input).toEqual({ q: "refund", limit: 6, surface: "palette" });
    await user.click(within(dialog).getByRole("option", { name: /Ada Lovelace/ }));
    expect(router.push).toHaveBeenCalledWith("/t/acme/customers/p1");
    // Reported for search analytics: the first customer of that search.
    await waitFor(() => expect(calls.find((c) => c.path === "search.recordOpen")?.input).toEqual({ searchId: results.searchId, position: 1, kind: "customer", id: "p1" }));

    await openPalette(user);
    await user.type(screen.getByRole("combobox"), "refund");
    await user.click(await screen.findByRole("option", { name: /Search everything/ }));
    expect(router.push).toHaveBeenLastCalledWith("/t/acme/search?q=refund");
  });

  it("offers the member's recent searches before anything is typed; one runs it again", async () => {
    const { user, calls } = setup();
    const dialog = await openPalette(user);
    const recent = await within(dialog).findByRole("group", { name: "Recent searches" });
    await user.click(within(recent).getByRole("option", { name: "printer on fire" }));
    expect(within(dialog).getByRole("combobox")).toHaveValue("printer on fire");
    await waitFor(() => expect(calls.find((c) => c.path === "search.query")?.input).toMatchObject({ q: "printer on fire" }));
    expect(within(dialog).queryByRole("group", { name: "Recent searches" })).not.toBeInTheDocument();
  });

  it("says when nothing matches", async () => {
    const trpc = createTestTrpc({ "search.query": () => ({ cases: [], customers: [], totals: { cases: 0 } }) });
    const { user } = renderWithTrpc(<CommandPalette slug="acme" canWrite canImport={false} />, trpc);
    const dialog = await openPalette(user);
    await user.type(within(dialog).getByRole("combobox"), "x");
    expect(await within(dialog).findByText("Nothing matches.")).toBeInTheDocument();
  });

  it("acts on the active case: assign to me and resolve, with the outcome shown", async () => {
    act(() => useActiveCase.setState({ current: { id: "case-1", number: 7, title: "Printer on fire", status: "OPEN", version: 3 } }));
    vi.mocked(assignCaseAction).mockResolvedValue({ ok: true, data: {} as never });
    vi.mocked(transitionCaseAction).mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "The case changed meanwhile." } });
    const { user } = setup();
    let dialog = await openPalette(user);
    expect(within(dialog).getByRole("group", { name: "Case #7" })).toBeInTheDocument();
    await user.click(within(dialog).getByRole("option", { name: /Assign to me/ }));
    expect(assignCaseAction).toHaveBeenCalledWith({ id: "case-1", assigneeId: "me", version: 3 });
    expect(await screen.findByRole("status")).toHaveTextContent("Case #7: assigned to you.");
    expect(router.refresh).toHaveBeenCalled();

    dialog = await openPalette(user);
    await user.click(within(dialog).getByRole("option", { name: /Resolve/ }));
    expect(transitionCaseAction).toHaveBeenCalledWith({ id: "case-1", to: "RESOLVED", version: 3 });
    expect(await screen.findByRole("status")).toHaveTextContent("The case changed meanwhile.");
    await user.click(await screen.findByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("offers no case actions to a member who cannot edit cases", async () => {
    act(() => useActiveCase.setState({ current: { id: "case-1", number: 7, title: "Printer on fire", status: "OPEN", version: 3 } }));
    const { user } = setup({ canWrite: false });
    const dialog = await openPalette(user);
    expect(within(dialog).queryByRole("group", { name: "Case #7" })).not.toBeInTheDocument();
  });

  it("shows the keyboard shortcuts on ?", async () => {
    const { user } = setup();
    await user.keyboard("?");
    expect(await screen.findByRole("heading", { name: "Keyboard shortcuts" })).toBeInTheDocument();
    expect(screen.getByText("Command palette: case number, search, pages")).toBeInTheDocument();
  });
});
