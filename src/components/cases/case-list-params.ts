// The cases list keeps its whole query in the URL so a filtered view can be shared, bookmarked
// and reloaded. This turns search params into the list procedure's input and back; anything the
// schema refuses is dropped rather than failing the page.
import { caseListQuerySchema, type CaseListQuery } from "@/lib/validations/case-filters";

export type SearchParams = Record<string, string | string[] | undefined>;

const LIST_KEYS = ["status", "priority", "channel"] as const;
const TEXT_KEYS = ["assigneeId", "teamId", "tag", "q", "sla", "category", "businessUnit", "customerId", "sort", "order", "tab"] as const;
/** Days in the URL (yyyy-mm-dd, UTC). A "to" day is included: the query's bound is the next midnight. */
const FROM_KEYS = ["createdFrom", "updatedFrom"] as const;
const TO_KEYS = ["createdTo", "updatedTo"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const list = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v : v ? v.split(",") : []).map((s) => s.trim()).filter(Boolean);

export function parseCaseListQuery(params: SearchParams): CaseListQuery {
  const raw: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const values = list(params[key]);
    if (values.length) raw[key] = values;
  }
  for (const key of TEXT_KEYS) {
    const value = first(params[key]);
    if (value) raw[key] = value;
  }
  for (const key of FROM_KEYS) {
    const value = first(params[key]);
    if (value && DAY.test(value)) raw[key] = new Date(`${value}T00:00:00.000Z`);
  }
  for (const key of TO_KEYS) {
    const value = first(params[key]);
    if (value && DAY.test(value)) raw[key] = new Date(new Date(`${value}T00:00:00.000Z`).getTime() + DAY_MS);
  }
  const parsed = caseListQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Keep the valid parts: drop each key the schema complained about and try once more.
  for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  return caseListQuerySchema.safeParse(raw).data ?? caseListQuerySchema.parse({});
}

export function parseCursor(params: SearchParams): string | null {
  const cursor = first(params.cursor);
  return cursor && cursor.length <= 500 ? cursor : null;
}

/** The URL search string for a query; defaults are left out to keep links short. */
export function caseListSearch(query: Partial<CaseListQuery>, cursor?: string | null): string {
  const sp = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const values = query[key];
    if (values?.length) sp.set(key, values.join(","));
  }
  for (const key of TEXT_KEYS) {
    const value = query[key];
    if (!value) continue;
    if (key === "sort" && value === "created") continue;
    sp.set(key, String(value));
  }
  for (const key of FROM_KEYS) {
    const value = query[key];
    if (value) sp.set(key, dayOf(value));
  }
  for (const key of TO_KEYS) {
    const value = query[key];
    if (value) sp.set(key, dayOf(new Date(value.getTime() - DAY_MS)));
  }
  if (cursor) sp.set("cursor", cursor);
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** Whether any filter (not tab or sort) is set, for the "clear filters" link and empty states. */
export function hasFilters(query: CaseListQuery): boolean {
  return Boolean(
    query.status?.length || query.priority?.length || query.channel?.length || query.assigneeId || query.teamId || query.tag || query.q || query.sla || query.category ||
      query.businessUnit || query.customerId || query.createdFrom || query.createdTo || query.updatedFrom || query.updatedTo,
  );
}
