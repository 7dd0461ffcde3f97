import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { offerUndo } from "@/components/undo/offer-undo";
import { ChoiceListEditor, nameProblem } from "./choice-list-editor";
import { renameChoiceAction, updateTenantSettingsAction } from "./general-actions";

vi.mock("./general-actions", () => ({ updateTenantSettingsAction: vi.fn(), renameChoiceAction: vi.fn() }));
vi.mock("@/components/undo/offer-undo", () => ({ offerUndo: vi.fn() }));

const settings = tenantSettingsSchema.parse({});
const ok = async () => ({ ok: true as const, data: settings });

function renderEditor(canManage = true) {
  render(
    <ChoiceListEditor
      slug="acme"
      list="caseCategories"
      title="Case categories"
      noun="category"
      hint="Cases pick one of these."
      values={["Billing", "Bug", "Question"]}
      archived={["Legacy"]}
      canManage={canManage}
    />,
  );
  return screen.getByRole("list", { name: "Case categories" });
}

const names = (list: HTMLElement) => within(list).getAllByRole("listitem").map((li) => li.textContent);

beforeEach(() => {
  vi.mocked(updateTenantSettingsAction).mockReset();
  vi.mocked(renameChoiceAction).mockReset();
  vi.mocked(offerUndo).mockReset();
});

describe("nameProblem", () => {
  it("refuses blank, too long and duplicate names (case-insensitively, archived ones included), except the value itself", () => {
    const lists = { values: ["Billing", "Bug"], archived: ["Legacy"] };
    expect(nameProblem("", lists)).toBe("Enter a name");
    expect(nameProblem("x".repeat(61), lists)).toBe("Use at most 60 characters");
    expect(nameProblem("billing", lists)).toBe("“billing” is already in the list");
    expect(nameProblem("LEGACY", lists)).toBe("“LEGACY” is archived: restore it below");
    expect(nameProblem("BILLING", lists, "Billing")).toBeNull();
    expect(nameProblem("Invoices", lists)).toBeNull();
  });
});

describe("ChoiceListEditor", () => {
  it("adds a value at the end, saving the list and the archive", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantSettingsAction).mockImplementation(ok);
    renderEditor();
    await user.type(screen.getByLabelText("New category"), "bug{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent("“bug” is already in the list");
    expect(updateTenantSettingsAction).not.toHaveBeenCalled();
    await user.clear(screen.getByLabelText("New category"));
    await user.type(screen.getByLabelText("New category"), "  Refunds {Enter}");
    expect(updateTenantSettingsAction).toHaveBeenCalledWith("acme", { caseCategories: ["Billing", "Bug", "Question", "Refunds"], archivedCaseCategories: ["Legacy"] });
    expect(screen.getByLabelText("New category")).toHaveValue("");
  });

  it("moves a value and archives one with an undo that writes the lists back", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantSettingsAction).mockImplementation(ok);
    renderEditor();
    expect(screen.getByRole("button", { name: "Move Billing up" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move Question down" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Move Bug up" }));
    expect(updateTenantSettingsAction).toHaveBeenLastCalledWith("acme", { caseCategories: ["Bug", "Billing", "Question"], archivedCaseCategories: ["Legacy"] });

    await user.click(screen.getByRole("button", { name: "Archive Question" }));
    expect(updateTenantSettingsAction).toHaveBeenLastCalledWith("acme", { caseCategories: ["Billing", "Bug"], archivedCaseCategories: ["Legacy", "Question"] });
    await waitFor(() => expect(offerUndo).toHaveBeenCalledWith("Archived “Question”", expect.any(Function)));
    await expect(vi.mocked(offerUndo).mock.calls[0]![1]()).resolves.toEqual({ ok: true });
    expect(updateTenantSettingsAction).toHaveBeenLastCalledWith("acme", { caseCategories: ["Billing", "Bug", "Question"], archivedCaseCategories: ["Legacy"] });
  });

  it("shows a refusal in words and the saved list again", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantSettingsAction).mockResolvedValue({
      ok: false,
      error: { code: "BAD_REQUEST", message: "Some fields are not valid", fieldErrors: { "caseCategories.3": ["Use at most 60 characters"] } },
    });
    const list = renderEditor();
    await user.click(screen.getByRole("button", { name: "Archive Bug" }));
    expect(await screen.findByText("Use at most 60 characters")).toBeInTheDocument();
    // The optimistic list gives way to the saved one when the transition ends (a moment after the
    // message on a loaded machine).
    await waitFor(() => expect(names(list)).toEqual(["Billing", "Bug", "Question"]));
    expect(offerUndo).not.toHaveBeenCalled();
  });

  it("renames inline (Enter saves, Escape cancels) through the rename procedure, with an undo that renames back", async () => {
    const user = userEvent.setup();
    vi.mocked(renameChoiceAction).mockResolvedValue({ ok: true, data: { settings, cases: 12 } });
    renderEditor();
    await user.click(screen.getByRole("button", { name: "Rename Bug" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByLabelText("New name for Bug")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Rename Bug" }));
    await user.clear(screen.getByLabelText("New name for Bug"));
    await user.type(screen.getByLabelText("New name for Bug"), "Legacy{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent("archived");
    await user.clear(screen.getByLabelText("New name for Bug"));
    await user.type(screen.getByLabelText("New name for Bug"), "Defect{Enter}");
    expect(renameChoiceAction).toHaveBeenCalledWith("acme", { list: "caseCategories", from: "Bug", to: "Defect" });
    await waitFor(() => expect(offerUndo).toHaveBeenCalledWith("Renamed “Bug” to “Defect” on 12 cases", expect.any(Function)));
    await vi.mocked(offerUndo).mock.calls[0]![1]();
    expect(renameChoiceAction).toHaveBeenLastCalledWith("acme", { list: "caseCategories", from: "Defect", to: "Bug" });
  });

  it("restores an archived value to the end of the list", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantSettingsAction).mockImplementation(ok);
    renderEditor();
    await user.click(screen.getByText(/Archived \(1\)/));
    await user.click(screen.getByRole("button", { name: "Restore Legacy" }));
    expect(updateTenantSettingsAction).toHaveBeenCalledWith("acme", { caseCategories: ["Billing", "Bug", "Question", "Legacy"], archivedCaseCategories: [] });
  });

  it("is read-only for members who cannot manage settings", () => {
    const list = renderEditor(false);
    expect(names(list)).toEqual(["Billing", "Bug", "Question"]);
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByLabelText("New category")).not.toBeInTheDocument();
  });
});
