import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TimeBarChart } from "./time-bar-chart";
import { TrendAreaChart } from "./trend-area-chart";

const series = [
  { key: "EMAIL", label: "Email", values: [3, 0, 5] },
  { key: "CHAT", label: "Chat", values: [1, 2, 0] },
];
const categories = ["2026-11-28", "2026-11-29", "2026-11-30"];

afterEach(() => vi.restoreAllMocks());

describe("TimeBarChart", () => {
  it("names the figure with its summary and gives every count in a table screen readers read", async () => {
    render(<TimeBarChart categories={categories} series={series} summary="Cases created per day by channel: 11 in all." formatCategory={(d) => d.slice(5)} />);
    expect(screen.getByRole("figure", { name: "Cases created per day by channel: 11 in all." })).toBeInTheDocument();
    const table = screen.getByRole("table");
    expect(table).toHaveClass("sr-only");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Period", "Email", "Chat"]);
    expect(within(table).getAllByRole("row").slice(1).map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ["11-28", "3", "1"],
      ["11-29", "0", "2"],
      ["11-30", "5", "0"],
    ]);
    // The SVG takes focus for recharts' keyboard tooltip, under a name saying how to use it.
    // It arrives after the page (recharts is loaded lazily); the table above is there from the start.
    expect(await screen.findByRole("application")).toHaveAccessibleName("Chart: the arrow keys step through its points");
  });

  it("with a drill-down, the table is shown on request and each count links where its bar leads", async () => {
    // Bars drawn at once, as for a reader who asked for reduced motion (recharts honours it).
    const real = window.matchMedia.bind(window);
    vi.spyOn(window, "matchMedia").mockImplementation((q) => Object.defineProperty(real(q), "matches", { value: q === "(prefers-reduced-motion: reduce)" }));
    const onBarClick = vi.fn();
    const barHref = (s: number, c: number) => (s === 1 && c === 2 ? undefined : `/cases?s=${s}&c=${c}`);
    const { container } = render(<TimeBarChart categories={categories} series={series} summary="Volume" barHref={barHref} onBarClick={onBarClick} />);
    expect(screen.getByText("Show as a table").closest("details")).not.toHaveAttribute("open");
    const table = screen.getByRole("table", { hidden: true });
    expect(within(table).getByRole("link", { name: "5", hidden: true })).toHaveAttribute("href", "/cases?s=0&c=2");
    expect(within(table).getAllByRole("link", { hidden: true })).toHaveLength(5);

    // A click on a drawn bar follows the same link.
    await waitFor(() => expect(container.querySelector(".recharts-bar-rectangle path")).not.toBeNull());
    const bars = container.querySelectorAll(".recharts-bar-rectangle path");
    expect(bars.length).toBeGreaterThan(0);
    fireEvent.click(bars[0]!);
    expect(onBarClick).toHaveBeenCalledWith("/cases?s=0&c=0");
  });
});

describe("TrendAreaChart", () => {
  it("names the figure and tables its points", () => {
    render(<TrendAreaChart points={[{ category: "2026-11-29", value: 40 }, { category: "2026-11-30", value: 38 }]} name="Open cases" summary="Open cases at the end of each day, from 40 to 38." />);
    expect(screen.getByRole("figure", { name: "Open cases at the end of each day, from 40 to 38." })).toBeInTheDocument();
    expect(within(screen.getByRole("table")).getAllByRole("row").map((r) => r.textContent)).toEqual(["PeriodOpen cases", "2026-11-2940", "2026-11-3038"]);
  });
});
