// Filters and facets of a search: the cases list's own filter fields (same schema, same SQL), and
// counts of the matches per value beside the results. Shared by the procedure and the search page.
import { z } from "zod";
import { caseListFilterSchema, type CaseListFilter } from "./case-filters";

/** The cases list's filters that a search narrows by; "any of these values" within a field. */
export const searchFilterSchema = caseListFilterSchema.pick({
  status: true,
  priority: true,
  channel: true,
  category: true,
  businessUnit: true,
  assigneeId: true,
  teamId: true,
  tag: true,
  createdFrom: true,
  createdTo: true,
});
export type SearchFilter = Pick<CaseListFilter, keyof typeof searchFilterSchema.shape>;

/** The fields counted beside the results. */
export const FACET_FIELDS = ["status", "priority", "channel", "category", "businessUnit", "tag"] as const;
/**
 * How many of the newest matches filters and facets are computed over. A common word on a large
 * tenant matches more; the counts then say so (`partial`). 5,000 keeps that page near 50 ms on 1M
 * cases (bench/search.bench.ts: 10,000 took 70 ms at p50).
 */
export const FACET_SCAN_CAP = 5_000;
export type FacetField = (typeof FACET_FIELDS)[number];

const facetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const facetsOutput = z
  .object({
    /** Per field, the values among the matches, most first ("" is "none": no category, no business unit). */
    fields: z.object(Object.fromEntries(FACET_FIELDS.map((f) => [f, facetValues])) as Record<FacetField, typeof facetValues>),
    /**
     * True when the words matched more cases than are looked at for filters and counts (the newest
     * SCAN_CAP): totals and counts then describe those.
     */
    partial: z.boolean(),
  })
  .nullable();
export type SearchFacets = z.output<typeof facetsOutput>;

/** Whether any filter is set. */
export const hasFilter = (filter: Partial<SearchFilter>) =>
  Object.entries(filter).some(([, value]) => value !== undefined && (!Array.isArray(value) || value.length > 0));
