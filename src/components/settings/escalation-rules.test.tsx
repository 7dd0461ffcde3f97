import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConfirmHost } from "@/components/ui/confirm";
import { router } from "@/test/next-navigation";
import { createEscalationRuleAction, deleteEscalationRuleAction, updateEscalationRuleAction } from "./escalation-actions";
import { EscalationRules, waitLabel, type RuleRow } from "./escalation-rules";

vi.mock("./escalation-actions", () => ({
  createEscalationRuleAction: vi.fn(),
  updateEscalationRuleAction: vi.fn(),
  deleteEscalationRuleAction: vi.fn(),
}));

const teams = [{ id: "t1", name: "Tier 2 team" }];
const levels = ["Tier 2", "Tier 3"];
const rule = (over: Partial<RuleRow> = {}): RuleRow => ({
  id: "r1",
  name: "Urgent unassigned",
  priority: "URGENT",
  unassignedMinutes: 15,
  level: "Tier 2",
  team: null,
  enabled: true,
  ...over,
});

function setup(props: Partial<React.ComponentProps<typeof EscalationRules>> = {}) {
  const user = userEvent.setup();
  render(
    <>
      <EscalationRules slug="acme" levels={levels} teams={teams} rules={[rule()]} canManage {...props} />
      <ConfirmHost />
    </>,
  );
  return user;
}

beforeEach(() => {
  vi.mocked(createEscalationRuleAction).mockReset();
  vi.mocked(updateEscalationRuleAction).mockReset();
  vi.mocked(deleteEscalationRuleAction).mockReset();
});

describe("waitLabel", () => {
  it("says a wait as people do", () => {
    expect(waitLabel(1)).toBe("1 minute");
    expect(waitLabel(15)).toBe("15 minutes");
    expect(waitLabel(60)).toBe("1 hour");
    expect(waitLabel(125)).toBe("2 hours 5 minutes");
    expect(waitLabel(1440 + 180)).toBe("1 day 3 hours");
    expect(waitLabel(2 * 1440)).toBe("2 days");
  });
});

describe("EscalationRules", () => {
  it("lists the levels in order and each rule in words, warning of a rule whose level is gone", () => {
    setup({
      rules: [rule(), rule({ id: "r2", name: "Anything", priority: null, unassignedMinutes: 90, level: "Tier 9", team: teams[0]!, enabled: false })],
      canManage: false,
    });
    expect(screen.getByText("1. Tier 2")).toBeInTheDocument();
    expect(screen.getByText("2. Tier 3")).toBeInTheDocument();
    const [first, second] = within(screen.getByRole("list", { name: "Escalation rules" })).getAllByRole("listitem");
    expect(first).toHaveTextContent("Urgent cases unassigned for 15 minutes → Tier 2, admins told");
    expect(second).toHaveTextContent("Cases of any priority unassigned for 1 hour 30 minutes → Tier 9, team Tier 2 team");
    expect(second).toHaveTextContent("Off");
    expect(second).toHaveTextContent("“Tier 9” is no longer a level");
    // Read-only members get neither the link to change levels nor the rule actions.
    expect(screen.queryByRole("link", { name: /Change the levels/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows the empty state and the way to change the levels to managers", () => {
    setup({ rules: [] });
    expect(screen.getByText(/No rules yet/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Change the levels in the general settings" })).toHaveAttribute("href", "/t/acme/settings/general");
  });

  it("checks the name and the wait before sending", async () => {
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Add rule" }));
    const form = screen.getByRole("form", { name: "New rule" });
    await user.clear(within(form).getByLabelText("Unassigned for (minutes)"));
    await user.type(within(form).getByLabelText("Unassigned for (minutes)"), "0");
    await user.click(await within(form).findByRole("button", { name: "Add rule" }));
    expect(within(form).getByText("Name the rule")).toBeInTheDocument();
    expect(within(form).getByText(/Use whole minutes from 1 to/)).toBeInTheDocument();
    expect(createEscalationRuleAction).not.toHaveBeenCalled();
  });

  it("adds a rule and closes the form", async () => {
    vi.mocked(createEscalationRuleAction).mockResolvedValue({ ok: true, data: { id: "new" } });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Add rule" }));
    const form = screen.getByRole("form", { name: "New rule" });
    expect(within(form).getByLabelText("Priority")).toHaveValue("URGENT");
    await user.type(within(form).getByLabelText("Name"), " High ones ");
    await user.selectOptions(within(form).getByLabelText("Priority"), "");
    await user.selectOptions(within(form).getByLabelText("Level"), "Tier 3");
    await user.selectOptions(within(form).getByLabelText("Team"), "t1");
    await user.click(await within(form).findByRole("button", { name: "Add rule" }));
    expect(createEscalationRuleAction).toHaveBeenCalledWith("acme", { name: "High ones", priority: null, unassignedMinutes: 15, level: "Tier 3", teamId: "t1" });
    expect(await screen.findByRole("status")).toHaveTextContent("Added “High ones”.");
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    expect(router.refresh).toHaveBeenCalled();
  });

  it("shows the server's field errors, or its message when no field is named", async () => {
    vi.mocked(createEscalationRuleAction)
      .mockResolvedValueOnce({ ok: false, error: { code: "VALIDATION", message: "Invalid", fieldErrors: { level: ["Not a level"] } } })
      .mockResolvedValueOnce({ ok: false, error: { code: "CONFLICT", message: "A rule has that name." } });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Add rule" }));
    const form = screen.getByRole("form", { name: "New rule" });
    await user.type(within(form).getByLabelText("Name"), "Dup");
    await user.click(await within(form).findByRole("button", { name: "Add rule" }));
    expect(await within(form).findByText("Not a level")).toBeInTheDocument();
    // The button says "Saving…" until the transition ends.
    await user.click(await within(form).findByRole("button", { name: "Add rule" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("A rule has that name.");
  });

  it("edits a rule whose level was removed, keeping that level selectable", async () => {
    vi.mocked(updateEscalationRuleAction).mockResolvedValue({ ok: true, data: { id: "r1" } });
    const user = setup({ rules: [rule({ level: "Old tier", priority: null, team: teams[0]! })] });
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit rule Urgent unassigned" });
    expect(within(form).getByLabelText("Level")).toHaveValue("Old tier");
    expect(within(form).getByRole("option", { name: "Old tier (no longer a level)" })).toBeInTheDocument();
    expect(within(form).getByLabelText("Priority")).toHaveValue("");
    await user.click(await within(form).findByRole("button", { name: "Save rule" }));
    expect(updateEscalationRuleAction).toHaveBeenCalledWith("acme", { id: "r1", name: "Urgent unassigned", priority: null, unassignedMinutes: 15, level: "Old tier", teamId: "t1" });
    expect(await screen.findByText("Saved “Urgent unassigned”.")).toBeInTheDocument();

    await user.click(await screen.findByRole("button", { name: "Edit" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
  });

  it("switches a rule off and on, and deletes it once confirmed", async () => {
    vi.mocked(updateEscalationRuleAction).mockResolvedValue({ ok: true, data: { id: "r1" } });
    vi.mocked(deleteEscalationRuleAction).mockResolvedValue({ ok: false, error: { code: "NOT_FOUND", message: "The rule is gone." } });
    const user = setup({ rules: [rule(), rule({ id: "r2", name: "Second", enabled: false })] });
    await user.click(await screen.findByRole("button", { name: "Turn off" }));
    expect(await screen.findByText("“Urgent unassigned” is off.")).toBeInTheDocument();
    // Row actions wait while a change is under way.
    await waitFor(() => expect(screen.getByRole("button", { name: "Turn on" })).toBeEnabled());
    await user.click(await screen.findByRole("button", { name: "Turn on" }));
    expect(await screen.findByText("“Second” is on.")).toBeInTheDocument();
    expect(updateEscalationRuleAction).toHaveBeenLastCalledWith("acme", { id: "r2", enabled: true });

    await waitFor(() => expect(screen.getByRole("button", { name: "Delete rule Second" })).toBeEnabled());
    await user.click(await screen.findByRole("button", { name: "Delete rule Second" }));
    await user.click(await screen.findByRole("button", { name: "Delete rule" }));
    expect(deleteEscalationRuleAction).toHaveBeenCalledWith("acme", "r2");
    expect(await screen.findByText("The rule is gone.")).toBeInTheDocument();
  });
});
