import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ReportMetrics } from "@/lib/validations/reports";
import { kpiChange } from "./kpi-change";
import { ReportKpis } from "./report-kpis";

const times = (median: number | null, p90: number | null = null) => ({ count: median === null ? 0 : 10, medianSeconds: median, p90Seconds: p90, meanSeconds: median });
const metrics = (over: Partial<ReportMetrics> = {}): ReportMetrics => ({
  created: 100,
  closed: 80,
  firstResponse: times(3600, 7200),
  resolution: times(86_400, 3 * 86_400),
  firstResponseSla: { met: 90, total: 100, rate: 0.9 },
  resolutionSla: { met: 0, total: 0, rate: null },
  ...over,
});

describe("kpiChange", () => {
  it("lower is better for times: a faster response is good news, a slower one bad", () => {
    expect(kpiChange(1800, 3600, "lower")).toMatchObject({ direction: "down", text: "−50 %", tone: "good", description: "Down 50 % from the previous period." });
    expect(kpiChange(5400, 3600, "lower")).toMatchObject({ direction: "up", text: "+50 %", tone: "bad" });
    expect(kpiChange(120, 100, "higher")).toMatchObject({ direction: "up", tone: "good" });
    expect(kpiChange(120, 100, "neither")).toMatchObject({ direction: "up", tone: "neutral" });
  });

  it("rates move in percentage points; tiny moves are no change", () => {
    expect(kpiChange(0.85, 0.9, "higher", "rate")).toMatchObject({ direction: "down", text: "−5 pts", tone: "bad" });
    expect(kpiChange(0.9, 0.9004, "higher", "rate")).toMatchObject({ direction: "flat", text: "no change", tone: "neutral" });
    expect(kpiChange(1001, 1000, "higher")).toMatchObject({ direction: "flat", tone: "neutral" });
  });

  it("nothing to compare when either side is unmeasured; 'new' from zero", () => {
    expect(kpiChange(null, 3600, "lower")).toMatchObject({ direction: "none", text: "", tone: "neutral", description: "Nothing to measure in this period." });
    expect(kpiChange(3600, null, "lower")).toMatchObject({ direction: "none", description: "Nothing to compare with in the previous period." });
    expect(kpiChange(5, 0, "higher")).toMatchObject({ direction: "up", text: "new", tone: "good" });
    expect(kpiChange(0, 0, "higher")).toMatchObject({ direction: "flat" });
  });
});

describe("ReportKpis", () => {
  const card = (label: string) => screen.getByText(label, { selector: "dt" }).parentElement!;

  it("shows each figure with its change, coloured by whether it is good news", () => {
    const current = metrics({ created: 150, firstResponse: times(1800, 9000), firstResponseSla: { met: 85, total: 100, rate: 0.85 } });
    const { container } = render(<ReportKpis current={current} previous={metrics()} previousLabel="Oct 1 – Oct 30, 2026" />);
    expect(container.querySelector("dl")).toHaveAttribute("aria-label", "Key figures, compared with Oct 1 – Oct 30, 2026");

    const fr = card("First response, median");
    expect(fr).toHaveTextContent("30 min");
    expect(within(fr).getByText("Down 50 % from the previous period.")).toHaveClass("sr-only");
    expect(within(fr).getByText("vs 1 h").parentElement).toHaveAttribute("data-tone", "good");
    // The p90 got slower: the same arrow direction as a rise, but bad news.
    expect(within(card("First response, p90")).getByText("+25 %").parentElement).toHaveAttribute("data-tone", "bad");
    // More cases created is neither.
    expect(within(card("Created")).getByText("+50 %").parentElement).toHaveAttribute("data-tone", "neutral");
    const sla = card("First response SLA");
    expect(sla).toHaveTextContent("85 %");
    expect(sla).toHaveTextContent("85 of 100 in time");
    expect(within(sla).getByText("−5 pts").parentElement).toHaveClass("text-red-700");
  });

  it("shows a dash for what was not measured and says when there is nothing to compare with", () => {
    render(<ReportKpis current={metrics({ firstResponse: times(null) })} previous={metrics({ resolution: times(null) })} previousLabel="the previous period" />);
    const fr = card("First response, median");
    expect(fr).toHaveTextContent("—");
    expect(within(fr).getByText("Nothing to measure in this period.")).toBeInTheDocument();
    const res = card("Resolution, median");
    expect(res).toHaveTextContent("1 d");
    expect(res).toHaveTextContent("no earlier figure");
    expect(within(card("Resolution SLA")).getByText("no target")).toBeInTheDocument();
  });
});
