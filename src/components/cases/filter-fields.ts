// The fields the cases list filters by, as chips: each chip is one field with "is" or "is not"
// and any number of values (any of them matches). Pure, so the chips, the "Add filter" menu and
// their tests agree on what a query means and how a change rewrites it.
import { STATUS_LABELS } from "@/lib/case-status";
import { CASE_CHANNELS, CASE_PRIORITIES, CASE_STATUSES, notKey, type ChoiceFilterKey } from "@/lib/case-fields";
import type { CaseListQuery } from "@/lib/validations/case-filters";
import { channelLabel } from "./case-badges";

export interface FilterOption {
  value: string;
  label: string;
}

/** What the options of some fields come from: the tenant's members, teams and settings. */
export interface FilterContext {
  members: { userId: string; name: string; role: string }[];
  teams: { id: string; name: string }[];
  categories: string[];
  businessUnits: string[];
}

export interface ChoiceField {
  key: ChoiceFilterKey;
  label: string;
  /** Tags have no fixed list: the picker suggests the tenant's tags and takes what is typed. */
  options: (ctx: FilterContext) => FilterOption[] | "tags";
}

const word = (v: string) => v.charAt(0) + v.slice(1).toLowerCase();

export const CHOICE_FIELDS: readonly ChoiceField[] = [
  { key: "status", label: "Status", options: () => CASE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })) },
  { key: "priority", label: "Priority", options: () => CASE_PRIORITIES.map((p) => ({ value: p, label: word(p) })) },
  { key: "channel", label: "Channel", options: () => CASE_CHANNELS.map((c) => ({ value: c, label: channelLabel(c) })) },
  {
    key: "assigneeId",
    label: "Assignee",
    options: (ctx) => [
      { value: "me", label: "Me" },
      { value: "none", label: "Unassigned" },
      { value: "my_teams", label: "My teams' unassigned" },
      ...ctx.members.filter((m) => m.role !== "VIEWER").map((m) => ({ value: m.userId, label: m.name })),
    ],
  },
  { key: "teamId", label: "Team", options: (ctx) => [{ value: "none", label: "No team" }, ...ctx.teams.map((t) => ({ value: t.id, label: t.name }))] },
  { key: "category", label: "Category", options: (ctx) => ctx.categories.map((c) => ({ value: c, label: c })) },
  { key: "businessUnit", label: "Business unit", options: (ctx) => ctx.businessUnits.map((u) => ({ value: u, label: u })) },
  { key: "tag", label: "Tag", options: () => "tags" },
];

export const choiceField = (key: ChoiceFilterKey) => CHOICE_FIELDS.find((f) => f.key === key)!;

/** One chip: a field, whether it excludes, and its values. */
export interface Chip {
  key: ChoiceFilterKey;
  negated: boolean;
  values: string[];
}

/** The chips of a query, in the fields' order; a field with both "is" and "is not" (from a link) shows both. */
export function chipsOf(query: Partial<CaseListQuery>): Chip[] {
  return CHOICE_FIELDS.flatMap(({ key }) => [
    ...(query[key]?.length ? [{ key, negated: false, values: query[key] }] : []),
    ...(query[notKey(key)]?.length ? [{ key, negated: true, values: query[notKey(key)]! }] : []),
  ]);
}

/** The change to a query that gives a chip these values (none removes it). */
export function setChip(chip: Pick<Chip, "key" | "negated">, values: string[]): Partial<CaseListQuery> {
  return { [chip.negated ? notKey(chip.key) : chip.key]: values.length ? values : undefined };
}

/** Turns "is" into "is not" or back, keeping the values. */
export function flipChip(chip: Chip): Partial<CaseListQuery> {
  return { ...setChip(chip, []), ...setChip({ key: chip.key, negated: !chip.negated }, chip.values) };
}

export function toggleValue(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** "Open, Pending", or "3 values" when long; names of members and teams from the context. */
export function chipText(chip: Chip, ctx: FilterContext): string {
  const options = choiceField(chip.key).options(ctx);
  const name = (v: string) => (options === "tags" ? v : (options.find((o) => o.value === v)?.label ?? "Unknown"));
  return chip.values.length > 2 ? `${chip.values.length} values` : chip.values.map(name).join(", ");
}
