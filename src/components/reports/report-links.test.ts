import { describe, expect, it } from "vitest";
import { assigneeFilter, casesHref, groupFilter, periodRange, reportRange } from "./report-links";

const TEAM = "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f50";
// Paris: days start at 23:00 UTC in winter.
const report = {
  range: { startsAt: "2026-11-29T23:00:00.000Z", endsAt: "2026-12-02T23:00:00.000Z" },
  volume: { periods: ["2026-11-30", "2026-12-01", "2026-12-02"], startsAt: ["2026-11-29T23:00:00.000Z", "2026-11-30T23:00:00.000Z", "2026-12-01T23:00:00.000Z"], series: [] },
} as never;

const paramsOf = (href: string) => {
  const url = new URL(href, "http://x");
  return { path: url.pathname, params: Object.fromEntries(url.searchParams) };
};

describe("report drill-down links", () => {
  it("bounds a period by its start and the next period's, the last one by the range's end", () => {
    expect(periodRange(report, 0)).toEqual({ from: "2026-11-29T23:00:00.000Z", to: "2026-11-30T23:00:00.000Z" });
    expect(periodRange(report, 2)).toEqual({ from: "2026-12-01T23:00:00.000Z", to: "2026-12-02T23:00:00.000Z" });
    expect(reportRange(report)).toEqual({ from: "2026-11-29T23:00:00.000Z", to: "2026-12-02T23:00:00.000Z" });
  });

  it("links to the cases list with the instants and the group's filter", () => {
    expect(paramsOf(casesHref("acme", periodRange(report, 1), groupFilter("channel", "EMAIL")))).toEqual({
      path: "/t/acme/cases",
      params: { createdFrom: "2026-11-30T23:00:00.000Z", createdTo: "2026-12-01T23:00:00.000Z", channel: "EMAIL" },
    });
    expect(paramsOf(casesHref("acme", reportRange(report), groupFilter("priority", "HIGH"))).params.priority).toBe("HIGH");
    expect(paramsOf(casesHref("acme", reportRange(report), groupFilter("team", TEAM))).params.teamId).toBe(TEAM);
    // The tenant's words are encoded, commas and all.
    expect(casesHref("acme", reportRange(report), groupFilter("category", "Returns, exchanges"))).toContain("category=Returns%2C+exchanges");
  });

  it("a value of none: teamId=none for teams, no filter where the list has none", () => {
    expect(groupFilter("team", "")).toEqual(["teamId", "none"]);
    expect(groupFilter("businessUnit", "")).toBeNull();
    expect(groupFilter("category", "")).toBeNull();
    const omitted = paramsOf(casesHref("acme", reportRange(report), groupFilter("businessUnit", ""))).params;
    expect(omitted).toEqual({ createdFrom: "2026-11-29T23:00:00.000Z", createdTo: "2026-12-02T23:00:00.000Z" });
    expect(assigneeFilter("")).toEqual(["assigneeId", "none"]);
    // Agents' figures are about cases closed or answered in the range, not created in it: no range.
    expect(casesHref("acme", null, assigneeFilter(TEAM))).toBe(`/t/acme/cases?assigneeId=${TEAM}`);
  });
});
