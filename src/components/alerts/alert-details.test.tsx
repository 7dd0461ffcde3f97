import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { AlertDetails } from "./alert-details";

vi.mock("./alert-actions", () => ({ assignAlertAction: vi.fn() }));

const firedAt = new Date("2026-11-20T10:30:00Z");
const alert = (over: Record<string, unknown> = {}) => ({
  id: "a1",
  version: 2,
  description: "",
  occurrences: 1,
  firings: [new Date("2026-11-10T10:00:00Z"), firedAt],
  firstFiredAt: new Date("2026-11-10T10:00:00Z"),
  lastFiredAt: firedAt,
  rule: { name: "Backlog over 40", condition: { kind: "BACKLOG", params: { threshold: 40 } } },
  relatedCases: [],
  labels: {},
  assignee: null,
  team: null,
  timeline: [{ id: "e1", action: "alert.acknowledged", actor: { type: "apiKey", name: null }, at: firedAt, note: null }],
  ...over,
});

describe("AlertDetails", () => {
  it("links a rule's alert to every case the rule's condition covers", async () => {
    renderWithTrpc(<AlertDetails id="a1" slug="acme" canManage={false} />, createTestTrpc({ "alerts.get": () => alert() }));
    expect(screen.getByText("Loading…")).toBeInTheDocument();
    const related = await screen.findByRole("region", { name: "Related cases" });
    expect(within(related).getByRole("link", { name: "All cases matching the rule →" })).toHaveAttribute("href", expect.stringMatching(/^\/t\/acme\/cases\?/));
    expect(screen.getByText("Backlog over 40")).toBeInTheDocument();
    // Firings spread over more than a day: counted per day.
    expect(screen.getByText(/Fired once · last 14 days/)).toBeInTheDocument();
    // Without manage rights there is no assignment control.
    expect(screen.queryByLabelText("Assigned to")).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Timeline" })).toHaveTextContent("Acknowledged by an API key");
  });

  it("leaves out what an alert does not have: rule, related cases, labels, timeline", async () => {
    renderWithTrpc(
      <AlertDetails id="a1" slug="acme" canManage={false} />,
      createTestTrpc({ "alerts.get": () => alert({ rule: null, timeline: [{ id: "e2", action: "alert.custom", actor: { type: "user", name: null }, at: firedAt, note: null }] }) }),
    );
    await screen.findByText(/Fired once/);
    expect(screen.queryByRole("region", { name: "Related cases" })).not.toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Labels" })).not.toBeInTheDocument();
    // An unknown action is shown as it is; a deleted member as a former member.
    expect(screen.getByRole("region", { name: "Timeline" })).toHaveTextContent("alert.custom by a former member");
  });
});
