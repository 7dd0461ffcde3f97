// The cases list keeps its whole query in the URL so a filtered view can be shared, bookmarked
// and reloaded. This turns search params into the list procedure's input and back; anything the
// schema refuses is dropped rather than failing the page (./parse-case-list-query.ts, on the
// server: this half, which writes URLs, loads no validation code in the browser).
import { notKey } from "@/lib/case-fields";
import type { CaseListQuery } from "@/lib/validations/case-filters";

export type SearchParams = Record<string, string | string[] | undefined>;

/** Values without commas (enums, ids, tags), several joined by commas: `status=OPEN,PENDING`. */
const LIST_KEYS = ["status", "priority", "channel", "assigneeId", "teamId", "tag"] as const;
/** The tenant's own words, which may hold commas: one parameter per value (`category=A&category=B`). */
const REPEATED_KEYS = ["category", "businessUnit"] as const;
export const CHOICE_KEYS = [...LIST_KEYS, ...REPEATED_KEYS] as const;
export const TEXT_KEYS = ["q", "sla", "customerId", "sort", "order", "tab"] as const;
/**
 * Days in the URL (yyyy-mm-dd, UTC). A "to" day is included: the query's bound is the next midnight.
 * Links from the reports carry instants instead (an organisation's day starts at its own midnight,
 * not UTC's): an ISO instant is taken as the bound itself, "to" exclusive, and written back as such.
 */
export const FROM_KEYS = ["createdFrom", "updatedFrom"] as const;
export const TO_KEYS = ["createdTo", "updatedTo"] as const;
export const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const isMidnight = (d: Date) => d.getTime() % DAY_MS === 0;

export const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const split = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v : v ? [v] : []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
const repeated = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
export const valuesOf = (key: (typeof CHOICE_KEYS)[number], v: string | string[] | undefined) =>
  (LIST_KEYS as readonly string[]).includes(key) ? split(v) : repeated(v);

export function parseCursor(params: SearchParams): string | null {
  const cursor = first(params.cursor);
  return cursor && cursor.length <= 500 ? cursor : null;
}

/** The page's number (1 for the first), for "26–50 of 305"; a cursor without one counts as page 2. */
export function parsePage(params: SearchParams, cursor: string | null): number {
  const page = Number(first(params.page));
  if (!cursor) return 1;
  return Number.isInteger(page) && page >= 2 && page <= 1_000_000 ? page : 2;
}

/** The URL search string for a query; defaults are left out to keep links short. */
export function caseListSearch(query: Partial<CaseListQuery>, at?: { cursor: string; page: number } | null): string {
  const sp = new URLSearchParams();
  const put = (name: string, key: (typeof CHOICE_KEYS)[number], values: readonly string[] | undefined) => {
    if (!values?.length) return;
    if ((LIST_KEYS as readonly string[]).includes(key)) sp.set(name, values.join(","));
    else for (const value of values) sp.append(name, value);
  };
  for (const key of CHOICE_KEYS) put(key, key, query[key]);
  for (const key of CHOICE_KEYS) put(notKey(key), key, query[notKey(key)]);
  for (const key of TEXT_KEYS) {
    const value = query[key];
    if (!value) continue;
    if (key === "sort" && value === "created") continue;
    sp.set(key, String(value));
  }
  for (const key of FROM_KEYS) {
    const value = query[key];
    if (value) sp.set(key, isMidnight(value) ? dayOf(value) : value.toISOString());
  }
  for (const key of TO_KEYS) {
    const value = query[key];
    if (value) sp.set(key, isMidnight(value) ? dayOf(new Date(value.getTime() - DAY_MS)) : value.toISOString());
  }
  if (at) {
    sp.set("cursor", at.cursor);
    sp.set("page", String(at.page));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** Whether any filter (not tab or sort) is set, for the "clear filters" link and empty states. */
export function hasFilters(query: CaseListQuery): boolean {
  return (
    CHOICE_KEYS.some((key) => query[key]?.length || query[notKey(key)]?.length) ||
    Boolean(query.q || query.sla || query.customerId || query.createdFrom || query.createdTo || query.updatedFrom || query.updatedTo)
  );
}
