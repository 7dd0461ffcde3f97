import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Report } from "@/lib/validations/reports";
import { router } from "@/test/next-navigation";
import { VolumePanel } from "./volume-panel";

afterEach(() => vi.restoreAllMocks());

const TEAM = "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f50";
const report = (groupBy: Report["range"]["groupBy"], series: Report["volume"]["series"]): Pick<Report, "range" | "volume"> => ({
  range: {
    from: "2026-11-30",
    to: "2026-12-01",
    previousFrom: "2026-11-28",
    previousTo: "2026-11-29",
    timeZone: "Europe/Paris",
    groupBy,
    interval: "day", time: "calendar",
    startsAt: "2026-11-29T23:00:00.000Z",
    endsAt: "2026-12-01T23:00:00.000Z",
  },
  volume: { periods: ["2026-11-30", "2026-12-01"], startsAt: ["2026-11-29T23:00:00.000Z", "2026-11-30T23:00:00.000Z"], series },
});
const query = (href: string | null) => Object.fromEntries(new URL(href!, "http://x").searchParams);

describe("VolumePanel", () => {
  it("links each legend entry to its cases over the range: teams by id, no team as teamId=none", () => {
    render(<VolumePanel slug="acme" report={report("team", [{ key: TEAM, label: "Billing", counts: [4, 1] }, { key: "", label: "No team", counts: [0, 2] }])} />);
    expect(screen.getByRole("figure", { name: "Cases created per day by team, Nov 30 – Dec 1, 2026: 7 in all." })).toBeInTheDocument();
    const legend = screen.getByRole("list", { name: "Cases by team" });
    expect(query(within(legend).getByRole("link", { name: /Billing/ }).getAttribute("href"))).toEqual({ createdFrom: "2026-11-29T23:00:00.000Z", createdTo: "2026-12-01T23:00:00.000Z", teamId: TEAM });
    expect(query(within(legend).getByRole("link", { name: /No team/ }).getAttribute("href")).teamId).toBe("none");
  });

  it("a bar opens the cases of its period and group", async () => {
    const real = window.matchMedia.bind(window);
    vi.spyOn(window, "matchMedia").mockImplementation((q) => Object.defineProperty(real(q), "matches", { value: q === "(prefers-reduced-motion: reduce)" }));
    const { container } = render(<VolumePanel slug="acme" report={report("channel", [{ key: "EMAIL", label: "Email", counts: [0, 3] }])} />);
    // The SVG arrives after the page (a lazily loaded chunk).
    await waitFor(() => expect(container.querySelector(".recharts-bar-rectangle path")).not.toBeNull());
    fireEvent.click(container.querySelector(".recharts-bar-rectangle path")!);
    expect(router.push).toHaveBeenCalledOnce();
    // The last period ends where the range does.
    expect(query(router.push.mock.calls[0]![0])).toEqual({ createdFrom: "2026-11-30T23:00:00.000Z", createdTo: "2026-12-01T23:00:00.000Z", channel: "EMAIL" });
  });

  it("sums the series past the palette as Other, which links nowhere; no category stays unfiltered", () => {
    const series = ["", "A", "B", "C", "D", "E", "F", "G", "H"].map((key, i) => ({ key, label: key || "No category", counts: [10 - i, 0] }));
    render(<VolumePanel slug="acme" report={report("category", series)} />);
    const legend = screen.getByRole("list", { name: "Cases by category" });
    expect(within(legend).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["No category10", "A9", "B8", "C7", "D6", "E5", "F4", "Other (2)5"]);
    expect(within(legend).getAllByRole("link")).toHaveLength(7);
    expect(query(within(legend).getByRole("link", { name: /No category/ }).getAttribute("href"))).toEqual({ createdFrom: "2026-11-29T23:00:00.000Z", createdTo: "2026-12-01T23:00:00.000Z" });
  });

  it("says when nothing was created", () => {
    render(<VolumePanel slug="acme" report={report("channel", [])} />);
    expect(screen.getByText("No cases were created in this range.")).toBeInTheDocument();
  });
});
