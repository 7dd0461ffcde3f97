import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { axisTop, DayBars } from "./day-bars";

describe("DayBars", () => {
  it("tops the axis at a round step at or above the peak", () => {
    expect([0, 1, 3, 6, 10, 11, 48, 230].map(axisTop)).toEqual([1, 1, 5, 10, 10, 20, 50, 500]);
  });

  it("draws bars against that axis, with the counts in a table for screen readers", () => {
    const { container } = render(
      <DayBars days={[{ date: "2026-11-29", count: 3 }, { date: "2026-11-30", count: 6 }]} name="Cases" summary="Cases per day, 9 in all." formatDay={(d) => d.slice(5)} />,
    );
    expect(screen.getByRole("figure", { name: "Cases per day, 9 in all." })).toBeInTheDocument();
    expect(within(screen.getByRole("table")).getAllByRole("row").map((r) => r.textContent)).toEqual(["DayCases", "11-293", "11-306"]);
    // Axis 0–10: bars at 30 % and 60 % of the height; ticks 10, 5 and 0.
    const bars = [...container.querySelectorAll<HTMLElement>("[style*='--chart-1']")];
    expect(bars.map((b) => b.style.height)).toEqual(["30%", "60%"]);
    expect(screen.getByText("10")).toBeInTheDocument();
  });
});
