import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_LIST_DISPLAY, type ListDisplay } from "@/lib/validations/list-display";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { parseCaseListQuery } from "./parse-case-list-query";
import { FilterChips } from "./filter-chips";
import type { FilterContext } from "./filter-fields";
import { ListDisplayMenu } from "./list-display-menu";

const ctx: FilterContext = {
  members: [{ userId: "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f51", name: "Ada Lovelace", role: "AGENT" }],
  teams: [],
  categories: [],
  businessUnits: [],
};

function setup(search: Record<string, string>, handlers = {}) {
  const change = vi.fn();
  const trpc = createTestTrpc(handlers);
  const view = renderWithTrpc(<FilterChips query={parseCaseListQuery(search)} ctx={ctx} change={change} />, trpc);
  return { ...view, change };
}

describe("FilterChips", () => {
  it("shows a chip per field and operator, flips it, and removes it", async () => {
    const { user, change } = setup({ status: "OPEN,PENDING", notAssigneeId: "none" });
    expect(screen.getByRole("button", { name: "Status is Open, Pending: change values" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Assignee is not Unassigned: change values" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Status is: change to is not" }));
    expect(change).toHaveBeenLastCalledWith({ status: undefined, notStatus: ["OPEN", "PENDING"] });
    await user.click(screen.getByRole("button", { name: "Remove the assignee filter" }));
    expect(change).toHaveBeenLastCalledWith({ notAssigneeId: undefined });
  });

  it("adds values from the picker one tick after another, and unticks", async () => {
    const { user, change } = setup({ status: "OPEN" });
    await user.click(screen.getByRole("button", { name: "Status is Open: change values" }));
    const values = await screen.findByRole("listbox", { name: "Status values" });
    await user.click(within(values).getByRole("option", { name: /^Pending/ }));
    await user.click(within(values).getByRole("option", { name: /^Closed/ }));
    // The second tick keeps the first, though the query (the URL) has not changed yet.
    expect(change).toHaveBeenLastCalledWith({ status: ["OPEN", "PENDING", "CLOSED"] });
    await user.click(within(values).getByRole("option", { name: /^Open/ }));
    expect(change).toHaveBeenLastCalledWith({ status: ["PENDING", "CLOSED"] });
  });

  it("Add filter: finds a field by typing, then a member by name", async () => {
    const { user, change } = setup({});
    await user.click(screen.getByRole("button", { name: "Filter" }));
    await user.keyboard("assi");
    const fields = await screen.findByRole("listbox", { name: "Fields" });
    expect(within(fields).getAllByRole("option").map((o) => o.textContent?.trim())).toEqual(["Assignee"]);
    await user.click(within(fields).getByRole("option", { name: "Assignee" }));
    await user.click(within(await screen.findByRole("listbox", { name: "Assignee values" })).getByRole("option", { name: /^Ada Lovelace/ }));
    expect(change).toHaveBeenLastCalledWith({ assigneeId: [ctx.members[0]!.userId] });
  });

  it("tags: suggests the tenant's, and takes a new one typed", async () => {
    const { user, change } = setup({}, { "cases.tags": (input: unknown) => ((input as { prefix?: string }).prefix === "vi" ? [{ tag: "vip", cases: 4 }] : []) });
    await user.click(screen.getByRole("button", { name: "Filter" }));
    await user.click(within(await screen.findByRole("listbox", { name: "Fields" })).getByRole("option", { name: "Tag" }));
    await user.keyboard("vi");
    const values = await screen.findByRole("listbox", { name: "Tag values" });
    await waitFor(() => expect(within(values).getByRole("option", { name: /^vip/ })).toBeInTheDocument());
    expect(within(values).getByRole("option", { name: /Add “vi”/ })).toBeInTheDocument();
    await user.click(within(values).getByRole("option", { name: /^vip/ }));
    expect(change).toHaveBeenLastCalledWith({ tag: ["vip"] });
  });
});

describe("ListDisplayMenu", () => {
  it("changes density, columns and the preview pane", async () => {
    const onChange = vi.fn<(d: ListDisplay) => void>();
    const { user } = renderWithTrpc(<ListDisplayMenu display={DEFAULT_LIST_DISPLAY} onChange={onChange} />);
    await user.click(screen.getByRole("button", { name: "Display" }));
    await user.click(screen.getByRole("radio", { name: "compact" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_LIST_DISPLAY, density: "compact" });
    await user.click(screen.getByRole("checkbox", { name: "SLA" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_LIST_DISPLAY, columns: ["priority", "assignee", "team", "updated"] });
    await user.click(screen.getByRole("switch"));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_LIST_DISPLAY, preview: true });
  });
});
