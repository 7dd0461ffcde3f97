// The cases-list query: filters (combined with AND), tab and sort. Shared by the list and counts
// procedures, bulk actions on "every case matching the filter", saved views and the URL state
// of the list page, so each of them means the same thing by a filter.
import { z } from "zod";
import { dateInput } from "./date";
import { optionalText } from "./text";
import { caseChannelSchema, casePrioritySchema, caseStatusSchema, tagSchema } from "./case";

export const CASE_SORT_FIELDS = ["created", "updated", "priority", "resolutionDue"] as const;
/** my_teams: unassigned cases of the caller's teams, waiting for one of them to pick them up. */
export const CASE_TABS = ["mine", "my_teams", "unassigned", "all"] as const;
export const SLA_FILTERS = ["breached", "due_soon"] as const;

/** How long before its resolution due time a case counts as "due soon". */
export const SLA_DUE_SOON_MS = 2 * 60 * 60 * 1000;

export const caseListFilterSchema = z.object({
  status: z.array(caseStatusSchema).max(6).optional(),
  priority: z.array(casePrioritySchema).max(4).optional(),
  channel: z.array(caseChannelSchema).max(6).optional(),
  category: optionalText(60),
  businessUnit: optionalText(60),
  /** A member's user id, "me" (the caller), "none" (unassigned) or "my_teams" (unassigned, in one of the caller's teams). */
  assigneeId: z.union([z.uuid(), z.literal("me"), z.literal("none"), z.literal("my_teams")]).optional(),
  /** A team's id, or "none" (in no team). */
  teamId: z.union([z.uuid(), z.literal("none")]).optional(),
  tag: tagSchema.optional(),
  customerId: z.uuid().optional(),
  /** Inclusive lower and exclusive upper bounds. */
  createdFrom: dateInput().optional(),
  createdTo: dateInput().optional(),
  updatedFrom: dateInput().optional(),
  updatedTo: dateInput().optional(),
  /** breached: open and past its resolution due time; due_soon: open and due within 2 hours. */
  sla: z.enum(SLA_FILTERS).optional(),
  /** Words of the title or description (web-search syntax: "quoted phrase", -excluded, or). */
  q: optionalText(200),
});
export type CaseListFilter = z.output<typeof caseListFilterSchema>;
export type CaseListFilterInput = z.input<typeof caseListFilterSchema>;

export const caseSortSchema = z.object({
  sort: z.enum(CASE_SORT_FIELDS).default("created"),
  /** Defaults: newest first for created/updated, most urgent first for priority, soonest due first. */
  order: z.enum(["asc", "desc"]).optional(),
});

export const caseTabSchema = z.enum(CASE_TABS).default("all");

/** Filters plus tab and sort: what a saved view stores and the list page keeps in its URL. */
export const caseListQuerySchema = caseListFilterSchema.extend({ tab: caseTabSchema }).extend(caseSortSchema.shape);
export type CaseListQuery = z.output<typeof caseListQuerySchema>;
export type CaseListQueryInput = z.input<typeof caseListQuerySchema>;

export function defaultOrder(sort: (typeof CASE_SORT_FIELDS)[number]): "asc" | "desc" {
  return sort === "resolutionDue" ? "asc" : "desc";
}
