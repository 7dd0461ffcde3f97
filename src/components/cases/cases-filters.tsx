"use client";
// The filter bar of the cases list. Every change rewrites the URL (dropping the cursor, since a
// cursor belongs to one query), and the server renders the new first page.
import { Search, SlidersHorizontal, X } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useState, type RefObject } from "react";
import { Input, Select } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import type { CaseListQuery } from "@/lib/validations/case-filters";
import { caseListSearch, hasFilters } from "./case-list-params";
import type { Member } from "./case-types";
import { chipsOf } from "./filter-fields";
import { FilterChips } from "./filter-chips";

const SORTS = [
  { value: "created", label: "Newest" },
  { value: "created:asc", label: "Oldest" },
  { value: "updated", label: "Recently updated" },
  { value: "priority", label: "Priority" },
  { value: "resolutionDue", label: "Due soonest" },
];

interface Props {
  base: string;
  query: CaseListQuery;
  members: Member[];
  teams: { id: string; name: string }[];
  categories: string[];
  businessUnits: string[];
  searchRef: RefObject<HTMLInputElement | null>;
  navigate: (href: string) => void;
  /** The member's display options, beside the sort. */
  displayMenu?: React.ReactNode;
}

export function CasesFilters({ base, query, members, teams, categories, businessUnits, searchRef, navigate, displayMenu }: Props) {
  const [q, setQ] = useState(query.q ?? "");
  // Below 768 px the filters fold behind a button; the number on it says how many are set.
  const [shown, setShown] = useState(false);
  const go = (next: Partial<CaseListQuery>) => navigate(`${base}${caseListSearch({ ...query, ...next })}`);
  const sortValue = query.order === "asc" && query.sort === "created" ? "created:asc" : query.sort;
  const active = chipsOf(query).length + [query.sla, query.createdFrom ?? query.createdTo, query.customerId].filter(Boolean).length;

  return (
    <div className="mt-4 space-y-3">
      <div className="flex gap-2">
        <form
          method="get"
          action={base}
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            go({ q: q.trim() || undefined });
          }}
          className="relative flex-1"
        >
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
          <Input
            ref={searchRef}
            name="q"
            type="search"
            aria-label="Search cases"
            placeholder="Search title and description…   ( / )"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && e.currentTarget.blur()}
            className="pl-9"
          />
        </form>
        <button
          type="button"
          aria-expanded={shown}
          aria-controls="case-filters"
          onClick={() => setShown((s) => !s)}
          className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-700 md:hidden"
        >
          <SlidersHorizontal className="size-4" aria-hidden /> Filters{active ? ` · ${active}` : ""}
        </button>
      </div>
      <div id="case-filters" className={cn("flex-wrap items-center gap-2 md:flex", shown ? "flex" : "hidden")}>
        <FilterChips query={query} ctx={{ members, teams, categories, businessUnits }} change={go}>
          <FilterSelect
            label="SLA"
            value={query.sla ?? ""}
            onChange={(v) => go({ sla: (v || undefined) as CaseListQuery["sla"] })}
            options={[
              { value: "breached", label: "Breached" },
              { value: "due_soon", label: "Due soon" },
            ]}
          />
          <div role="group" aria-label="Created between" className="flex items-center gap-1.5 text-sm text-slate-500">
            Created
            <DayFilter label="Created from" value={query.createdFrom} onChange={(d) => go({ createdFrom: d })} />
            –
            <DayFilter label="Created to" value={query.createdTo} inclusiveEnd onChange={(d) => go({ createdTo: d })} />
          </div>
          {query.customerId ? (
            <button
              type="button"
              onClick={() => go({ customerId: undefined })}
              className="inline-flex h-8 items-center gap-1 rounded-md border border-brand-500 bg-brand-50 px-2 text-sm text-brand-700"
            >
              One customer <X className="size-3.5" aria-label="Remove the customer filter" />
            </button>
          ) : null}
        </FilterChips>
        <div className="ml-auto flex items-center justify-end gap-2">
          {hasFilters(query) ? (
            <Link
              href={`${base}${caseListSearch({ tab: query.tab, sort: query.sort, order: query.order })}`}
              className="inline-flex items-center gap-1 whitespace-nowrap text-sm font-medium text-slate-500 hover:text-slate-900"
            >
              <X className="size-3.5" aria-hidden /> Clear filters
            </Link>
          ) : null}
          <Select
            aria-label="Sort"
            value={sortValue}
            onChange={(e) => {
              const [sort, order] = e.target.value.split(":") as [CaseListQuery["sort"], "asc" | undefined];
              go({ sort, order });
            }}
            className="h-8 w-auto text-sm"
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
          {displayMenu}
        </div>
      </div>
    </div>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <Select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={value ? "h-8 w-auto border-brand-500 bg-brand-50 text-sm text-brand-700" : "h-8 w-auto text-sm text-slate-600"}
    >
      <option value="">{label}: any</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {label}: {o.label}
        </option>
      ))}
    </Select>
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A day picker for one end of a date range. The query's bounds are instants (from inclusive, to
 * exclusive); an "inclusive end" picker shows and sets the day before its bound.
 */
function DayFilter({ label, value, inclusiveEnd = false, onChange }: { label: string; value?: Date; inclusiveEnd?: boolean; onChange: (d: Date | undefined) => void }) {
  const shown = value ? new Date(value.getTime() - (inclusiveEnd ? DAY_MS : 0)).toISOString().slice(0, 10) : "";
  return (
    <Input
      type="date"
      aria-label={label}
      title={label}
      value={shown}
      onChange={(e) => {
        const day = e.target.value;
        if (!day) return onChange(undefined);
        const start = new Date(`${day}T00:00:00.000Z`);
        onChange(inclusiveEnd ? new Date(start.getTime() + DAY_MS) : start);
      }}
      className={value ? "h-8 w-36 border-brand-500 bg-brand-50 text-sm" : "h-8 w-36 text-sm text-slate-600"}
    />
  );
}
