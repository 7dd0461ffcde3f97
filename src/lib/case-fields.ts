// The values a case's fields and the cases list's query can take, without their schemas: the
// browser's first load of the workspace needs these names (badges, filter chips, URLs) but not
// the validation library the schemas in ./validations are written with, which loads only when a
// form is sent. The schemas are built from these same lists.

export const CASE_STATUSES = ["NEW", "OPEN", "PENDING", "SNOOZED", "RESOLVED", "CLOSED"] as const;
export const CASE_PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export const CASE_CHANNELS = ["EMAIL", "CHAT", "PHONE", "WEB", "SOCIAL", "API"] as const;
export const CASE_MESSAGE_KINDS = ["PUBLIC_REPLY", "INTERNAL_NOTE"] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_SORT_FIELDS = ["created", "updated", "priority", "resolutionDue"] as const;
/** my_teams: unassigned cases of the caller's teams, waiting for one of them to pick them up. */
export const CASE_TABS = ["mine", "my_teams", "unassigned", "all"] as const;
/** Newest first for created/updated, most urgent first for priority, soonest due first. */
export function defaultOrder(sort: (typeof CASE_SORT_FIELDS)[number]): "asc" | "desc" {
  return sort === "resolutionDue" ? "asc" : "desc";
}
export const SLA_FILTERS = ["breached", "due_soon"] as const;

/** How long before its resolution due time a case counts as "due soon". */
export const SLA_DUE_SOON_MS = 2 * 60 * 60 * 1000;

/** The list filters that take several values, each meaning "any of these". */
export const CHOICE_FILTER_KEYS = ["status", "priority", "channel", "category", "businessUnit", "assigneeId", "teamId", "tag"] as const;
export type ChoiceFilterKey = (typeof CHOICE_FILTER_KEYS)[number];

/** The "is not" of a field: `notStatus`, `notTag`… Flat keys, so a REST query string can carry them. */
export type NotKey<K extends ChoiceFilterKey = ChoiceFilterKey> = `not${Capitalize<K>}`;
export const notKey = <K extends ChoiceFilterKey>(key: K) => `not${key.charAt(0).toUpperCase()}${key.slice(1)}` as NotKey<K>;

/** The cases list's optional columns, in the list's own order (#, title and status always show). */
export const LIST_COLUMNS = ["priority", "sla", "assignee", "team", "updated"] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];
