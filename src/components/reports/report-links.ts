// Drill-downs from a report into the cases list: the same cases the figure counted, by creation
// time and the report's dimension. Bounds are instants (an organisation's day begins at its own
// midnight) and the list reads them as such (case-list-params.ts).
import type { Report, ReportGroup } from "@/lib/validations/reports";

export interface InstantRange {
  /** Inclusive. */
  from: string;
  /** Exclusive. */
  to: string;
}

/** The cases list's filter for one value of a dimension; null where the list has no filter for it. */
export function groupFilter(groupBy: ReportGroup, key: string): [name: string, value: string] | null {
  switch (groupBy) {
    case "team":
      return ["teamId", key || "none"];
    case "channel":
    case "priority":
    case "businessUnit":
    case "category":
      // No "has none" filter for these: the link shows the whole range instead of a wrong subset.
      return key ? [groupBy, key] : null;
  }
}

/** The filter for one assignee of the agents table ("" = unassigned). */
export const assigneeFilter = (key: string): [string, string] => ["assigneeId", key || "none"];

/** The cases list with those created within `range` (null: any time) and matching `filter`. */
export function casesHref(slug: string, range: InstantRange | null, filter?: [string, string] | null): string {
  const params = new URLSearchParams(range ? { createdFrom: range.from, createdTo: range.to } : {});
  if (filter) params.set(filter[0], filter[1]);
  return `/t/${slug}/cases?${params.toString()}`;
}

/** The whole report's range. */
export const reportRange = (report: Pick<Report, "range">): InstantRange => ({ from: report.range.startsAt, to: report.range.endsAt });

/** Period `i` of the volume chart: from its start to the next period's (or the range's end). */
export function periodRange(report: Pick<Report, "range" | "volume">, i: number): InstantRange {
  return { from: report.volume.startsAt[i]!, to: report.volume.startsAt[i + 1] ?? report.range.endsAt };
}
