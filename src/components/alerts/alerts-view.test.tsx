import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { acknowledgeAlertAction, assignAlertAction, assignAlertToMeAction, reopenAlertAction, resolveAlertAction } from "./alert-actions";
import { AlertsView } from "./alerts-view";

vi.mock("./alert-actions", () => ({
  acknowledgeAlertAction: vi.fn(),
  resolveAlertAction: vi.fn(),
  reopenAlertAction: vi.fn(),
  assignAlertToMeAction: vi.fn(),
  assignAlertAction: vi.fn(),
}));

const now = Date.now();
const alert = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  title: `Alert ${id}`,
  severity: "WARNING",
  status: "ACTIVE",
  source: "RULE",
  businessUnit: null,
  occurrences: 1,
  assignee: null,
  team: null,
  version: 1,
  lastFiredAt: new Date(now - 60_000),
  ...over,
});

const ALERTS = [
  alert("a1", { severity: "CRITICAL", businessUnit: "EMEA", occurrences: 4, assignee: { id: "u1", name: "Ada" } }),
  alert("a2", { status: "ACKNOWLEDGED", source: "ALERTMANAGER", team: { id: "t1", name: "Ops" } }),
  alert("a3", { status: "RESOLVED", source: "API" }),
];

function listHandler(input: unknown) {
  const { status, severity, source } = input as { status?: string[]; severity?: string[]; source?: string };
  return {
    items: ALERTS.filter((a) => (!status || status.includes(a.status)) && (!severity || severity.includes(a.severity)) && (!source || a.source === source)),
  };
}

const details = {
  id: "a1",
  version: 1,
  description: "Email volume is 5σ above the usual",
  occurrences: 4,
  firings: [new Date(now - 60_000)],
  firstFiredAt: new Date(now - 3_600_000),
  lastFiredAt: new Date(now - 60_000),
  rule: null,
  relatedCases: [{ id: "c1", number: 12, title: "Cannot log in", status: "OPEN" }],
  labels: { region: "eu" },
  assignee: { id: "u1" },
  team: null,
  timeline: [
    { id: "e1", action: "alert.created", actor: { type: "system", name: null }, at: new Date(now - 3_600_000), note: null },
    { id: "e2", action: "alert.resolved", actor: { type: "user", name: "Ada" }, at: new Date(now - 60_000), note: "Restarted the relay" },
  ],
};

function setup(props: Partial<React.ComponentProps<typeof AlertsView>> = {}) {
  const trpc = createTestTrpc({
    "alerts.list": listHandler,
    "alerts.get": () => details,
    "members.list": () => [{ userId: "u1", name: "Ada" }],
    "teams.list": () => [{ id: "t1", name: "Ops" }],
  });
  return renderWithTrpc(<AlertsView slug="acme" businessUnits={["EMEA"]} canManage {...props} />, trpc);
}

const rows = async () => within(await screen.findByRole("list", { name: "Alerts" })).findAllByRole("listitem");

beforeEach(() => {
  for (const fn of [acknowledgeAlertAction, resolveAlertAction, reopenAlertAction, assignAlertToMeAction, assignAlertAction]) vi.mocked(fn).mockReset();
});

describe("AlertsView", () => {
  it("lists the open alerts with their status, unit, source, firings and owner", async () => {
    const { calls } = setup();
    await screen.findByText("Alert a1");
    expect(screen.getByRole("tab", { name: "Open" })).toHaveAttribute("aria-selected", "true");
    expect(calls[0]).toMatchObject({ path: "alerts.list", input: { limit: 100, status: ["ACTIVE", "ACKNOWLEDGED"] } });
    const [first, second] = await rows();
    expect(first).toHaveTextContent("Active · EMEA · Rule · fired 4 times · Ada");
    expect(second).toHaveTextContent("Acknowledged · Alertmanager · Ops");
    expect(screen.queryByText("Alert a3")).not.toBeInTheDocument();
  });

  it("switches views and filters, and says when nothing matches", async () => {
    const { user, calls } = setup();
    await screen.findByText("Alert a1");
    await user.click(screen.getByRole("tab", { name: "Resolved" }));
    expect(await screen.findByText("Alert a3")).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "All" }));
    await waitFor(async () => expect(await rows()).toHaveLength(3));

    await user.click(await screen.findByRole("button", { name: "Critical" }));
    expect(screen.getByRole("button", { name: "Critical" })).toHaveAttribute("aria-pressed", "true");
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    await user.click(await screen.findByRole("button", { name: "Critical" }));

    await user.selectOptions(screen.getByLabelText("Source"), "API");
    await user.selectOptions(screen.getByLabelText("Business unit"), "EMEA");
    await user.selectOptions(screen.getByLabelText("Fired"), "In the last hour");
    await user.click(screen.getByRole("tab", { name: "Open" }));
    expect(await screen.findByText("No open alerts")).toBeInTheDocument();
    expect(calls.at(-1)!.input).toMatchObject({ status: ["ACTIVE", "ACKNOWLEDGED"], source: "API", businessUnit: "EMEA", from: expect.any(Date) });
    await user.click(screen.getByRole("tab", { name: "Resolved" }));
    await user.selectOptions(screen.getByLabelText("Source"), "SYSTEM");
    expect(await screen.findByText("No alerts here")).toBeInTheDocument();
  });

  it("says when the alerts could not be loaded", async () => {
    renderWithTrpc(<AlertsView slug="acme" businessUnits={[]} canManage={false} />, createTestTrpc({ "alerts.list": () => Promise.reject(new Error("down")) }));
    expect(await screen.findByText("Could not load the alerts.")).toBeInTheDocument();
    // Without business units there is no unit filter.
    expect(screen.queryByLabelText("Business unit")).not.toBeInTheDocument();
  });

  it("offers no actions or ticks to someone who cannot manage alerts", async () => {
    setup({ canManage: false });
    await screen.findByText("Alert a1");
    expect(screen.queryByRole("button", { name: /Acknowledge/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
    expect(screen.getByText("j/k move · x select · Enter details")).toBeInTheDocument();
  });

  it("acknowledges the highlighted alert, offering only the actions its status allows", async () => {
    vi.mocked(acknowledgeAlertAction).mockResolvedValue({ ok: true, data: { id: "a1", status: "ACKNOWLEDGED" } });
    const { user } = setup();
    await screen.findByText("Alert a1");
    expect(screen.getByText("Acting on the highlighted alert")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Reopen/ })).toBeDisabled();
    await user.click(await screen.findByRole("button", { name: /Acknowledge/ }));
    expect(acknowledgeAlertAction).toHaveBeenCalledWith({ id: "a1", version: 1 });
    expect(await screen.findByText("Acknowledged: 1")).toBeInTheDocument();
  });

  it("moves with j/k, ticks with x and resolves the ticked alerts with a note", async () => {
    vi.mocked(resolveAlertAction).mockResolvedValue({ ok: true, data: { id: "x", status: "RESOLVED" } });
    const { user } = setup();
    await screen.findByText("Alert a1");
    await user.keyboard("x");
    await user.keyboard("j");
    expect((await rows())[1]).toHaveAttribute("aria-current", "true");
    await user.keyboard("x");
    expect(screen.getByText("2 selected")).toBeInTheDocument();
    await user.keyboard("k");
    expect((await rows())[0]).toHaveAttribute("aria-current", "true");

    await user.keyboard("r");
    const note = await screen.findByLabelText(/Resolution note/);
    await user.type(note, "  Fixed the relay ");
    await user.click(await screen.findByRole("button", { name: "Resolve 2 alerts" }));
    expect(resolveAlertAction).toHaveBeenCalledTimes(2);
    expect(resolveAlertAction).toHaveBeenCalledWith({ id: "a1", version: 1, note: "Fixed the relay" });
    expect(resolveAlertAction).toHaveBeenCalledWith({ id: "a2", version: 1, note: "Fixed the relay" });
    expect(await screen.findByText("Resolved: 2")).toBeInTheDocument();
    expect(screen.queryByLabelText(/Resolution note/)).not.toBeInTheDocument();
  });

  it("closes the resolve form with Escape and Cancel", async () => {
    const { user } = setup();
    await screen.findByText("Alert a1");
    await user.click(await screen.findByRole("button", { name: /Resolve/ }));
    expect(await screen.findByLabelText(/Resolution note/)).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(screen.queryByLabelText(/Resolution note/)).not.toBeInTheDocument();
    await user.keyboard("r");
    expect(await screen.findByLabelText(/Resolution note/)).toBeInTheDocument();
    act(() => {
      document.body.focus();
    });
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByLabelText(/Resolution note/)).not.toBeInTheDocument());
  });

  it("reports which of several alerts failed", async () => {
    vi.mocked(acknowledgeAlertAction)
      .mockResolvedValueOnce({ ok: true, data: { id: "b1", status: "ACKNOWLEDGED" } })
      .mockResolvedValueOnce({ ok: false, error: { code: "CONFLICT", message: "Someone changed it first." } });
    const trpc = createTestTrpc({ "alerts.list": () => ({ items: [alert("b1"), alert("b2")] }) });
    const { user } = renderWithTrpc(<AlertsView slug="acme" businessUnits={[]} canManage />, trpc);
    await user.click(await screen.findByRole("checkbox", { name: "Select: Alert b1" }));
    await user.click(screen.getByRole("checkbox", { name: "Select: Alert b2" }));
    await user.click(await screen.findByRole("button", { name: /Acknowledge/ }));
    expect(await screen.findByText("Acknowledged: 1. Someone changed it first.")).toBeInTheDocument();
    // The ticks are cleared after acting.
    expect(screen.getByRole("checkbox", { name: "Select: Alert b1" })).not.toBeChecked();
  });

  it("reopens and takes alerts", async () => {
    vi.mocked(acknowledgeAlertAction).mockResolvedValue({ ok: true, data: { id: "a1", status: "ACKNOWLEDGED" } });
    vi.mocked(reopenAlertAction).mockResolvedValue({ ok: true, data: { id: "a3", status: "ACTIVE" } });
    vi.mocked(assignAlertToMeAction).mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "Already taken." } });
    const { user } = setup();
    await screen.findByText("Alert a1");
    await user.click(screen.getByRole("tab", { name: "All" }));
    await waitFor(async () => expect(await rows()).toHaveLength(3));
    await user.click(screen.getByRole("checkbox", { name: "Select: Alert a1" }));
    await user.click(screen.getByRole("checkbox", { name: "Select: Alert a2" }));
    await user.click(screen.getByRole("checkbox", { name: "Select: Alert a2" }));
    expect(screen.getByText("1 selected")).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "Select: Alert a2" }));
    // a2 is acknowledged already: "Acknowledge" only applies when every target allows it.
    expect(screen.getByRole("button", { name: /Acknowledge/ })).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: "Select: Alert a2" }));
    await user.click(screen.getByRole("checkbox", { name: "Select: Alert a1" }));

    // Nothing ticked: the highlighted (clicked) row is the target.
    await user.click(screen.getByText("Alert a3").closest("li")!);
    await user.keyboard("o");
    expect(reopenAlertAction).toHaveBeenCalledWith({ id: "a3", version: 1 });
    expect(await screen.findByText("Reopened: 1")).toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "Select: Alert a1" }));
    await user.click(await screen.findByRole("button", { name: "Take" }));
    expect(await screen.findByText("Already taken.")).toBeInTheDocument();

    vi.mocked(acknowledgeAlertAction).mockClear();
    await user.click(screen.getByText("Alert a1").closest("li")!);
    await user.keyboard("x");
    await user.keyboard("j");
    await user.keyboard("x");
    await user.keyboard("a");
    // a2 is not ACTIVE, so only a1 is acknowledged.
    await waitFor(() => expect(acknowledgeAlertAction).toHaveBeenCalledTimes(1));
  });

  it("opens an alert's details: description, related cases, labels, timeline and assignment", async () => {
    vi.mocked(assignAlertAction).mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "The alert changed." } });
    const { user } = setup();
    await user.click(await screen.findByRole("button", { name: "Alert a1" }));
    expect(screen.getByRole("button", { name: "Alert a1" })).toHaveAttribute("aria-expanded", "true");
    expect(await screen.findByText("Email volume is 5σ above the usual")).toBeInTheDocument();
    expect(screen.getByText(/Fired 4 times · last 24 hours/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "#12 Cannot log in" })).toHaveAttribute("href", "/t/acme/cases/12");
    expect(within(screen.getByRole("list", { name: "Labels" })).getByText("region=eu")).toBeInTheDocument();
    const timeline = within(screen.getByRole("region", { name: "Timeline" })).getAllByRole("listitem");
    expect(timeline[0]).toHaveTextContent("Created by the system");
    expect(timeline[1]).toHaveTextContent("Resolved by Ada");
    expect(timeline[1]).toHaveTextContent("“Restarted the relay”");

    const assign = await screen.findByLabelText("Assigned to");
    await waitFor(() => expect(within(assign).getByRole("option", { name: "Ops" })).toBeInTheDocument());
    expect(assign).toHaveValue("user:u1");
    await user.selectOptions(assign, "team:t1");
    expect(assignAlertAction).toHaveBeenCalledWith({ id: "a1", version: 1, assigneeId: null, teamId: "t1" });
    expect(await screen.findByText("The alert changed.")).toBeInTheDocument();

    // Enter on the highlighted row closes it again.
    act(() => {
      document.body.focus();
    });
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByText("Email volume is 5σ above the usual")).not.toBeInTheDocument());
  });

  it("opens the linked alert in the All view", async () => {
    const trpc = createTestTrpc({ "alerts.list": listHandler, "alerts.get": () => Promise.reject(new Error("gone")) });
    renderWithTrpc(<AlertsView slug="acme" businessUnits={[]} canManage={false} openAlertId="a3" />, trpc);
    expect(await screen.findByRole("tab", { name: "All" })).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByText("Could not load this alert. It may have been deleted.")).toBeInTheDocument();
  });
});
