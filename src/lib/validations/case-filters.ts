// The cases-list query: filters (combined with AND), tab and sort. Shared by the list and counts
// procedures, bulk actions on "every case matching the filter", saved views and the URL state
// of the list page, so each of them means the same thing by a filter.
import { z } from "zod";
import { dateInput } from "./date";
import { optionalText, text } from "./text";
import { CASE_SORT_FIELDS, CASE_TABS, notKey, SLA_FILTERS, type ChoiceFilterKey, type NotKey } from "@/lib/case-fields";
import { caseChannelSchema, casePrioritySchema, caseStatusSchema, tagSchema } from "./case";

export {
  CASE_SORT_FIELDS,
  CASE_TABS,
  CHOICE_FILTER_KEYS,
  defaultOrder,
  notKey,
  SLA_DUE_SOON_MS,
  SLA_FILTERS,
  type ChoiceFilterKey,
  type NotKey,
} from "@/lib/case-fields";

/**
 * One value or several (any of them matches): `tag=billing` and `tag=[billing, refund]` both
 * read as a list, so links, saved views and scripts written for one value keep working.
 */
const oneOrMany = (item: z.ZodType<string>, max: number) =>
  z
    .union([z.array(item).max(max), item])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    // Declares what the transform yields, so the OpenAPI document can describe the output.
    .pipe(z.array(text()).max(max))
    .optional();

/** A member's user id, "me" (the caller), "none" (unassigned) or "my_teams" (unassigned, in one of the caller's teams). */
const assigneeValue = z.union([z.uuid(), z.literal("me"), z.literal("none"), z.literal("my_teams")]);
/** A team's id, or "none" (in no team). */
const teamValue = z.union([z.uuid(), z.literal("none")]);
const settingValue = text().trim().min(1).max(60);

/** The fields that take several values, each meaning "any of these" (CHOICE_FILTER_KEYS, all of them). */
const choiceFilters = {
  status: z.array(caseStatusSchema).max(6).optional(),
  priority: z.array(casePrioritySchema).max(4).optional(),
  channel: z.array(caseChannelSchema).max(6).optional(),
  category: oneOrMany(settingValue, 50),
  businessUnit: oneOrMany(settingValue, 50),
  assigneeId: oneOrMany(assigneeValue, 50),
  teamId: oneOrMany(teamValue, 50),
  tag: oneOrMany(tagSchema, 20),
} satisfies Record<ChoiceFilterKey, z.ZodType>;

/** "Is not": cases matching none of these values (a case with no value at all is kept). */
const notFilters = Object.fromEntries(Object.entries(choiceFilters).map(([key, schema]) => [notKey(key as ChoiceFilterKey), schema])) as {
  [K in ChoiceFilterKey as NotKey<K>]: (typeof choiceFilters)[K];
};

export const caseListFilterSchema = z.object({
  ...choiceFilters,
  ...notFilters,
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
