import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { feedItemView } from "@/test/feed-item-view";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { CreatedChart } from "./created-chart";
import { FeedPanel } from "./feed-panel";
import { PulsePanel } from "./pulse-panel";

// Server actions of the feed's cards (not used by the compact panel) stay on the server.
vi.mock("@/components/feed/feed-actions", () => ({ postAnnouncementAction: vi.fn(), updateFeedItemAction: vi.fn(), deleteFeedItemAction: vi.fn() }));

const asOf = new Date("2026-11-30T12:00:00Z");
const pulse = (over: Record<string, unknown> = {}) => ({
  asOf,
  arrivals: { lastHour: 12, usual: 4, since: new Date("2026-11-30T11:00:00Z") },
  backlog: { open: 1234, unassigned: 5, oldestOpenAt: new Date(asOf.getTime() - 3 * 86_400_000) },
  slaAtRisk: { nextHour: 2, breached: 7 },
  online: 9,
  alerts: { ACTIVE: { CRITICAL: 1, WARNING: 2, INFO: 0 } },
  ...over,
});

describe("PulsePanel", () => {
  it("shows each figure with the list that explains it", async () => {
    renderWithTrpc(<PulsePanel slug="acme" />, createTestTrpc({ "tenant.pulse": () => pulse() }));
    const region = await screen.findByRole("region", { name: "Pulse" });
    const arrived = await within(region).findByRole("link", { name: "12" });
    expect(arrived).toHaveClass("text-red-600");
    expect(region).toHaveTextContent("3.0× the usual 4");
    expect(within(region).getByRole("link", { name: "1,234" })).toHaveAttribute("href", expect.stringContaining("/t/acme/cases?"));
    expect(region).toHaveTextContent("5 unassigned");
    expect(within(region).getByRole("link", { name: "2" })).toHaveAttribute("href", expect.stringContaining("sla=due_soon"));
    expect(within(region).getByRole("link", { name: "7 already breached" })).toHaveAttribute("href", expect.stringContaining("sla=breached"));
    expect(within(region).getByRole("link", { name: "9" })).toHaveAttribute("href", "/t/acme/settings/members");
    expect(within(region).getByRole("link", { name: "3" })).toHaveAttribute("href", "/t/acme/alerts");
    expect(within(region).getByRole("link", { name: "3" })).toHaveClass("text-red-600");
    expect(region).toHaveTextContent("1 critical · 2 warning · 0 info");
  });

  it("says when nothing is open and nothing is at risk, without alarm colours", async () => {
    const quiet = pulse({
      arrivals: { lastHour: 0, usual: 0, since: asOf },
      backlog: { open: 0, unassigned: 0, oldestOpenAt: null },
      slaAtRisk: { nextHour: 0, breached: 0 },
      alerts: { ACTIVE: { CRITICAL: 0, WARNING: 1, INFO: 0 } },
    });
    renderWithTrpc(<PulsePanel slug="acme" />, createTestTrpc({ "tenant.pulse": () => quiet }));
    const region = await screen.findByRole("region", { name: "Pulse" });
    expect(await within(region).findByText("nothing open")).toBeInTheDocument();
    expect(region).toHaveTextContent("none usually");
    // One warning alert: amber, not red.
    expect(within(region).getByRole("link", { name: "1" })).toHaveClass("text-amber-600");
  });

  it("shows loading, then says when it could not refresh", async () => {
    renderWithTrpc(<PulsePanel slug="acme" />, createTestTrpc({ "tenant.pulse": () => Promise.reject(new Error("down")) }));
    expect(screen.getByText("Loading…")).toBeInTheDocument();
    expect(await screen.findByText("· could not refresh")).toBeInTheDocument();
  });
});

describe("FeedPanel", () => {
  it("lists the latest items compactly and links to the feed", async () => {
    const item = feedItemView("f1", { title: "Holiday hours", body: "Not shown in the panel", createdAt: new Date() });
    const { calls } = renderWithTrpc(<FeedPanel slug="acme" />, createTestTrpc({ "feed.list": () => ({ items: [item], nextCursor: null }) }));
    expect(await screen.findByRole("article", { name: "Announcement: Holiday hours" })).toBeInTheDocument();
    expect(screen.queryByText("Not shown in the panel")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Open the feed →" })).toHaveAttribute("href", "/t/acme/feed");
    expect(calls[0]!.input).toEqual({ limit: 5 });
  });

  it("says when there is nothing new, or the feed failed", async () => {
    renderWithTrpc(<FeedPanel slug="acme" />, createTestTrpc({ "feed.list": () => ({ items: [], nextCursor: null }) }));
    expect(await screen.findByText("Nothing new.")).toBeInTheDocument();
    renderWithTrpc(<FeedPanel slug="acme" />, createTestTrpc({ "feed.list": () => Promise.reject(new Error("down")) }));
    expect(await screen.findByText("The feed could not be loaded.")).toBeInTheDocument();
  });
});

describe("CreatedChart", () => {
  it("charts a count per day, with a caption and the figures as a table for screen readers", () => {
    render(<CreatedChart days={[{ date: "2026-11-28", count: 2 }, { date: "2026-11-29", count: 0 }, { date: "2026-11-30", count: 6 }]} />);
    expect(screen.getByRole("figure", { name: "Cases created per day over the last 3 days, 8 in all." })).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row").map((r) => r.textContent);
    expect(rows).toEqual(["DayCases", "Nov 282", "Nov 290", "Nov 306"]);
    expect(screen.getByText("8 created · peak 6/day")).toBeInTheDocument();
  });

  it("names other counts in its own words", () => {
    render(<CreatedChart days={[{ date: "2026-11-30", count: 3 }]} words={{ noun: "searches", verb: "searches" }} />);
    expect(screen.getByRole("figure", { name: "Searches searches per day over the last 1 days, 3 in all." })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "Searches" })).toBeInTheDocument();
  });

  it("says when no case was created", () => {
    render(<CreatedChart days={[{ date: "2026-11-29", count: 0 }, { date: "2026-11-30", count: 0 }]} />);
    expect(screen.getByText("No cases yet in the last 2 days.")).toBeInTheDocument();
  });
});
