import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConfirmHost } from "@/components/ui/confirm";
import { router } from "@/test/next-navigation";
import { AlertRules, type AlertRuleRow } from "./alert-rules";
import { createAlertRuleAction, deleteAlertRuleAction, testAlertRuleAction, updateAlertRuleAction } from "./alert-rules-actions";

vi.mock("./alert-rules-actions", () => ({
  createAlertRuleAction: vi.fn(),
  updateAlertRuleAction: vi.fn(),
  deleteAlertRuleAction: vi.fn(),
  testAlertRuleAction: vi.fn(),
}));

const teams = [{ id: "team-1", name: "Billing" }];
const rule = (over: Partial<AlertRuleRow> = {}): AlertRuleRow => ({
  id: "rule-1",
  name: "Email spike",
  kind: "VOLUME_SPIKE",
  params: { scope: { channel: "EMAIL" }, zScore: 3, minCount: 10 },
  enabled: true,
  severity: "CRITICAL",
  businessUnit: null,
  team: null,
  assignee: null,
  cooldownMinutes: 30,
  lastFiredAt: null,
  ...over,
});

function setup(props: Partial<React.ComponentProps<typeof AlertRules>> = {}) {
  const user = userEvent.setup();
  render(
    <>
      <AlertRules slug="acme" rules={[rule()]} teams={teams} businessUnits={["EMEA", "APAC"]} categories={["Billing"]} canManage {...props} />
      <ConfirmHost />
    </>,
  );
  return user;
}

beforeEach(() => {
  vi.mocked(createAlertRuleAction).mockReset();
  vi.mocked(updateAlertRuleAction).mockReset();
  vi.mocked(deleteAlertRuleAction).mockReset();
  vi.mocked(testAlertRuleAction).mockReset();
});

describe("AlertRules list", () => {
  it("shows the empty state, and no way to add a rule to someone who cannot manage them", () => {
    setup({ rules: [], canManage: false });
    expect(screen.getByText(/No alert rules yet/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add rule" })).not.toBeInTheDocument();
  });

  it("describes each rule: condition, routing, business unit, cool-down and last firing", () => {
    setup({
      rules: [
        rule(),
        rule({ id: "rule-2", name: "Backlog", kind: "BACKLOG", params: { threshold: 40 }, enabled: false, team: teams[0]!, businessUnit: "EMEA", cooldownMinutes: 60, lastFiredAt: new Date(Date.now() - 5 * 60_000) }),
        rule({ id: "rule-3", name: "Mine", assignee: { id: "u1", name: "Ada" } }),
      ],
      canManage: false,
    });
    const items = within(screen.getByRole("list", { name: "Alert rules" })).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent("Volume spike: New cases in the last hour (channel email)");
    expect(items[0]).toHaveTextContent("Not routed · cool-down 30 min · never fired");
    expect(items[1]).toHaveTextContent("Off");
    expect(items[1]).toHaveTextContent("To team Billing · EMEA · cool-down 60 min · last fired");
    expect(items[2]).toHaveTextContent("To Ada");
    // Read-only: no row actions.
    expect(screen.queryByRole("button", { name: "Edit" })).not.toBeInTheDocument();
  });

  it("turns a rule off and says so", async () => {
    vi.mocked(updateAlertRuleAction).mockResolvedValue({ ok: true, data: { id: "rule-1" } });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Turn off" }));
    expect(updateAlertRuleAction).toHaveBeenCalledWith("acme", { id: "rule-1", enabled: false });
    expect(await screen.findByText("“Email spike” is off.")).toBeInTheDocument();
    expect(router.refresh).toHaveBeenCalled();
  });

  it("turns a rule on, and shows the server's error when that fails", async () => {
    vi.mocked(updateAlertRuleAction).mockResolvedValue({ ok: false, error: { code: "FORBIDDEN", message: "Not allowed." } });
    const user = setup({ rules: [rule({ enabled: false })] });
    await user.click(await screen.findByRole("button", { name: "Turn on" }));
    expect(updateAlertRuleAction).toHaveBeenCalledWith("acme", { id: "rule-1", enabled: true });
    expect(await screen.findByText("Not allowed.")).toBeInTheDocument();
  });

  it("deletes a rule only once confirmed", async () => {
    vi.mocked(deleteAlertRuleAction).mockResolvedValue({ ok: true, data: { id: "rule-1" } });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Delete rule Email spike" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(deleteAlertRuleAction).not.toHaveBeenCalled();

    await user.click(await screen.findByRole("button", { name: "Delete rule Email spike" }));
    await user.click(await screen.findByRole("button", { name: "Delete rule" }));
    expect(await screen.findByText("Deleted “Email spike”.")).toBeInTheDocument();
    expect(deleteAlertRuleAction).toHaveBeenCalledWith("acme", "rule-1");
  });
});

describe("AlertRules form", () => {
  it("asks for a name before saving", async () => {
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Add rule" }));
    const form = screen.getByRole("form", { name: "New alert rule" });
    await user.click(await within(form).findByRole("button", { name: "Add rule" }));
    expect(within(form).getByRole("alert")).toHaveTextContent("Name the rule");
    expect(createAlertRuleAction).not.toHaveBeenCalled();
  });

  it("adds a volume-spike rule with its scope, routing and cool-down", async () => {
    vi.mocked(createAlertRuleAction).mockResolvedValue({ ok: true, data: { id: "new" } });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Add rule" }));
    const form = screen.getByRole("form", { name: "New alert rule" });
    await user.type(within(form).getByLabelText("Name"), "  Chat spike ");
    await user.selectOptions(within(form).getByLabelText("Channel"), "CHAT");
    await user.selectOptions(within(form).getByLabelText("Category"), "Billing");
    await user.selectOptions(within(form).getByLabelText("Cases of business unit"), "EMEA");
    await user.selectOptions(within(form).getByLabelText("Severity"), "CRITICAL");
    await user.selectOptions(within(form).getByLabelText("Route to team"), "team-1");
    await user.selectOptions(within(form).getByLabelText("Alert's business unit"), "APAC");
    await user.clear(within(form).getByLabelText("Cool-down (minutes)"));
    await user.type(within(form).getByLabelText("Cool-down (minutes)"), "45");
    await user.click(await within(form).findByRole("button", { name: "Add rule" }));

    expect(createAlertRuleAction).toHaveBeenCalledWith("acme", {
      name: "Chat spike",
      kind: "VOLUME_SPIKE",
      params: { scope: { channel: "CHAT", businessUnit: "EMEA", category: "Billing" }, zScore: 3, minCount: 10 },
      severity: "CRITICAL",
      businessUnit: "APAC",
      teamId: "team-1",
      cooldownMinutes: 45,
    });
    expect(await screen.findByText("Added “Chat spike”.")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "New alert rule" })).not.toBeInTheDocument();
  });

  it("shows each kind's own fields and sends its own parameters", async () => {
    vi.mocked(createAlertRuleAction).mockResolvedValue({ ok: true, data: { id: "new" } });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Add rule" }));
    const form = screen.getByRole("form", { name: "New alert rule" });
    const kind = within(form).getByLabelText("Condition");
    await user.type(within(form).getByLabelText("Name"), "R");

    await user.selectOptions(kind, "SLA_BREACHES");
    expect(within(form).getByLabelText("Breaches")).toHaveValue(5);
    expect(within(form).getByLabelText("Within (minutes)")).toHaveValue(60);
    expect(within(form).queryByLabelText("Channel")).not.toBeInTheDocument();

    await user.selectOptions(kind, "UNASSIGNED_AGE");
    expect(within(form).getByLabelText("Older than (minutes)")).toHaveValue(30);

    await user.selectOptions(kind, "BACKLOG");
    expect(within(form).getByLabelText("Open cases")).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText("Cases of business unit"), "APAC");

    await user.selectOptions(kind, "KEYWORD");
    expect(within(form).queryByLabelText("Category")).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText("Phrases"), "outage, data breach");
    await user.click(await within(form).findByRole("button", { name: "Add rule" }));
    expect(vi.mocked(createAlertRuleAction).mock.calls[0]![1]).toMatchObject({
      kind: "KEYWORD",
      params: { phrases: ["outage", "data breach"], scope: { businessUnit: "APAC" } },
    });
  });

  it("puts the server's field errors beside their fields", async () => {
    vi.mocked(createAlertRuleAction).mockResolvedValue({
      ok: false,
      error: { code: "VALIDATION", message: "Check the rule.", fieldErrors: { "params.threshold": ["Must be at least 1"], name: ["Taken"] } },
    });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Add rule" }));
    const form = screen.getByRole("form", { name: "New alert rule" });
    await user.type(within(form).getByLabelText("Name"), "Backlog");
    await user.selectOptions(within(form).getByLabelText("Condition"), "BACKLOG");
    await user.click(await within(form).findByRole("button", { name: "Add rule" }));
    expect(await within(form).findByText("Must be at least 1")).toBeInTheDocument();
    expect(within(form).getByText("Taken")).toBeInTheDocument();
    expect(within(form).getByLabelText("Open cases")).toHaveAttribute("aria-invalid", "true");
  });

  it("edits an existing rule with its values filled in, and Cancel closes the form", async () => {
    vi.mocked(updateAlertRuleAction).mockResolvedValue({ ok: true, data: { id: "rule-1" } });
    const user = setup({ rules: [rule({ kind: "KEYWORD", params: { phrases: ["outage"], scope: { channel: "EMAIL" } }, team: teams[0]!, businessUnit: "EMEA" })] });
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit alert rule Email spike" });
    expect(within(form).getByLabelText("Phrases")).toHaveValue("outage");
    expect(within(form).getByLabelText("Channel")).toHaveValue("EMAIL");
    expect(within(form).getByLabelText("Route to team")).toHaveValue("team-1");
    // While the form is open there is no second "Add rule".
    expect(screen.getAllByRole("button", { name: /Add rule|Save rule/ })).toHaveLength(1);
    await user.click(await within(form).findByRole("button", { name: "Save rule" }));
    expect(updateAlertRuleAction).toHaveBeenCalledWith("acme", expect.objectContaining({ id: "rule-1", name: "Email spike", teamId: "team-1", businessUnit: "EMEA" }));
    expect(await screen.findByText("Saved “Email spike”.")).toBeInTheDocument();

    await user.click(await screen.findByRole("button", { name: "Edit" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
  });

  it("tests a rule on the last 7 days and lists when it would have fired", async () => {
    const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
    vi.mocked(testAlertRuleAction).mockResolvedValue({
      ok: true,
      data: { firings: Array.from({ length: 12 }, (_, i) => ({ at: at(i), value: 20 + i, baseline: 4.25, sampleCaseIds: [] })), evaluatedPoints: 168 },
    });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Add rule" }));
    await user.click(await screen.findByRole("button", { name: "Test on the last 7 days" }));
    expect(testAlertRuleAction).toHaveBeenCalledWith({ rule: expect.objectContaining({ name: "Unsaved rule", kind: "VOLUME_SPIKE" }) });
    expect(await screen.findByText(/It would have fired 12 times in the last 7 days \(168 hourly checks/)).toBeInTheDocument();
    const fired = within(screen.getByRole("list", { name: "Would have fired" })).getAllByRole("listitem");
    // The 10 latest, newest first, then how many more.
    expect(fired).toHaveLength(11);
    expect(fired[0]).toHaveTextContent("31 (usual 4.3)");
    expect(fired[10]).toHaveTextContent("… and 2 earlier");
  });

  it("says when a tested rule would not have fired, once, or why it could not be tested", async () => {
    vi.mocked(testAlertRuleAction)
      .mockResolvedValueOnce({ ok: true, data: { firings: [], evaluatedPoints: 168 } })
      .mockResolvedValueOnce({ ok: true, data: { firings: [{ at: new Date(), value: 7, sampleCaseIds: [] }], evaluatedPoints: 168 } })
      .mockResolvedValueOnce({ ok: false, error: { code: "VALIDATION", message: "The rule is not valid." } });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Add rule" }));
    const test = screen.getByRole("button", { name: "Test on the last 7 days" });
    await user.click(test);
    expect(await screen.findByText("It would not have fired in the last 7 days (168 hourly checks).")).toBeInTheDocument();
    // The button waits while a test is under way.
    await waitFor(() => expect(test).toBeEnabled());
    await user.click(test);
    expect(await screen.findByText(/It would have fired once/)).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Would have fired" })).not.toHaveTextContent("usual");
    await waitFor(() => expect(test).toBeEnabled());
    await user.click(test);
    expect(await screen.findByText("The rule is not valid.")).toBeInTheDocument();
    expect(screen.queryByText(/It would have fired/)).not.toBeInTheDocument();
  });
});
