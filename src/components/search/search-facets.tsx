"use client";
// The search page's facets: each field's values among the matching cases with their counts, as
// checkboxes that narrow the cases (any checked value within a field, every field), and the
// chosen values as chips above the results. Counts of a field leave its own choice out, so
// checking "Email" still shows how many came by chat.
import { X } from "lucide-react";
import { channelLabel } from "@/components/cases/case-badges";
import type { inferRouterOutputs } from "@trpc/server";
import { FACET_SCAN_CAP } from "@/lib/validations/search-filters";
import { FACET_FIELDS, type FacetField, type SearchFilters } from "./search-page-input";
import type { AppRouter } from "@/server/api/root";

type Facets = NonNullable<inferRouterOutputs<AppRouter>["search"]["query"]["facets"]>;
const TITLES: Record<FacetField, string> = { status: "Status", priority: "Priority", channel: "Channel", category: "Category", businessUnit: "Business unit", tag: "Tag" };
const NONE: Partial<Record<FacetField, string>> = { category: "No category", businessUnit: "No business unit" };
const word = (v: string) => v.charAt(0) + v.slice(1).toLowerCase();

export function valueLabel(field: FacetField, value: string): string {
  if (value === "") return NONE[field] ?? "None";
  if (field === "status" || field === "priority") return word(value);
  if (field === "channel") return channelLabel(value);
  return value;
}

export function toggled(filters: SearchFilters, field: FacetField, value: string): SearchFilters {
  const current: string[] = filters[field] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  // The values come from the facets, which the server counted from these very fields.
  return { ...filters, [field]: next.length ? next : undefined } as SearchFilters;
}

export function FilterChips({ filters, onChange }: { filters: SearchFilters; onChange: (next: SearchFilters) => void }) {
  const chosen = FACET_FIELDS.flatMap((field) => ((filters[field] ?? []) as string[]).map((value) => ({ field, value })));
  if (chosen.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Filters">
      {chosen.map(({ field, value }) => (
        <button
          key={`${field}:${value}`}
          type="button"
          onClick={() => onChange(toggled(filters, field, value))}
          className="inline-flex items-center gap-1 rounded-full border border-brand-200 bg-brand-50 px-2.5 py-0.5 text-xs text-brand-800 hover:bg-brand-100"
          aria-label={`Remove filter ${TITLES[field]}: ${valueLabel(field, value)}`}
        >
          {TITLES[field]}: {valueLabel(field, value)}
          <X className="size-3" aria-hidden />
        </button>
      ))}
      <button type="button" onClick={() => onChange({})} className="text-xs font-medium text-slate-600 hover:text-slate-900 hover:underline">
        Clear filters
      </button>
    </div>
  );
}

export function FacetPanel({ facets, filters, onChange }: { facets: Facets; filters: SearchFilters; onChange: (next: SearchFilters) => void }) {
  const fields = FACET_FIELDS.filter((f) => facets.fields[f].length > 0 || (filters[f]?.length ?? 0) > 0);
  return (
    <div className="space-y-4">
      {fields.map((field) => {
        const chosen: string[] = filters[field] ?? [];
        // A chosen value no longer among the matches keeps its box (at 0), so it can be unchecked.
        const values = [...facets.fields[field], ...chosen.filter((v) => !facets.fields[field].some((f) => f.value === v)).map((value) => ({ value, count: 0 }))];
        return (
          <fieldset key={field}>
            <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{TITLES[field]}</legend>
            <ul className="space-y-0.5">
              {values.map(({ value, count }) => (
                <li key={value}>
                  {/* No filter means "none" (a case without a category); the list's "is not" covers it. */}
                  {value === "" ? (
                    <span className="flex justify-between gap-2 px-1 py-0.5 text-sm text-slate-500">
                      <span>{valueLabel(field, value)}</span>
                      <span className="tabular-nums">{count}</span>
                    </span>
                  ) : (
                    <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
                      <input type="checkbox" checked={chosen.includes(value)} onChange={() => onChange(toggled(filters, field, value))} />
                      <span className="min-w-0 flex-1 truncate">{valueLabel(field, value)}</span>
                      <span className="tabular-nums text-slate-500">{count.toLocaleString("en-US")}</span>
                    </label>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      {facets.partial ? <p className="text-xs text-slate-500">Counted over the newest {FACET_SCAN_CAP.toLocaleString("en-US")} matches.</p> : null}
    </div>
  );
}
