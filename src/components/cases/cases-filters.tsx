"use client";
// The filter bar of the cases list. Every change rewrites the URL (dropping the cursor, since a
// cursor belongs to one query), and the server renders the new first page.
import { Search, X } from "lucide-react";
import Link from "next/link";
import { useState, type RefObject } from "react";
import { Input, Select } from "@/components/ui/input";
import { STATUS_LABELS } from "@/lib/case-status";
import type { CaseListQuery } from "@/lib/validations/case-filters";
import { CASE_CHANNELS, CASE_PRIORITIES, CASE_STATUSES } from "@/lib/validations/case";
import { channelLabel } from "./case-badges";
import { caseListSearch, hasFilters } from "./case-list-params";
import type { Member } from "./case-types";

const label = (v: string) => v.charAt(0) + v.slice(1).toLowerCase();

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
}

export function CasesFilters({ base, query, members, teams, categories, businessUnits, searchRef, navigate }: Props) {
  const [q, setQ] = useState(query.q ?? "");
  const go = (next: Partial<CaseListQuery>) => navigate(`${base}${caseListSearch({ ...query, ...next })}`);
  const sortValue = query.order === "asc" && query.sort === "created" ? "created:asc" : query.sort;

  return (
    <div className="mt-4 space-y-3">
      <form
        method="get"
        action={base}
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: q.trim() || undefined });
        }}
        className="relative"
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
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center">
        <FilterSelect
          label="Status"
          value={query.status?.length === 1 ? query.status[0]! : ""}
          onChange={(v) => go({ status: v ? ([v] as CaseListQuery["status"]) : undefined })}
          options={CASE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <FilterSelect
          label="Priority"
          value={query.priority?.length === 1 ? query.priority[0]! : ""}
          onChange={(v) => go({ priority: v ? ([v] as CaseListQuery["priority"]) : undefined })}
          options={CASE_PRIORITIES.map((p) => ({ value: p, label: label(p) }))}
        />
        <FilterSelect
          label="Channel"
          value={query.channel?.length === 1 ? query.channel[0]! : ""}
          onChange={(v) => go({ channel: v ? ([v] as CaseListQuery["channel"]) : undefined })}
          options={CASE_CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))}
        />
        <FilterSelect
          label="Assignee"
          value={query.assigneeId ?? ""}
          onChange={(v) => go({ assigneeId: v || undefined })}
          options={[
            { value: "me", label: "Me" },
            { value: "none", label: "Unassigned" },
            { value: "my_teams", label: "My teams' unassigned" },
            ...members.filter((m) => m.role !== "VIEWER").map((m) => ({ value: m.userId, label: m.name })),
          ]}
        />
        {teams.length ? (
          <FilterSelect
            label="Team"
            value={query.teamId ?? ""}
            onChange={(v) => go({ teamId: v || undefined })}
            options={[{ value: "none", label: "No team" }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
          />
        ) : null}
        {categories.length ? (
          <FilterSelect
            label="Category"
            value={query.category ?? ""}
            onChange={(v) => go({ category: v || undefined })}
            options={categories.map((c) => ({ value: c, label: c }))}
          />
        ) : null}
        {businessUnits.length ? (
          <FilterSelect
            label="Unit"
            value={query.businessUnit ?? ""}
            onChange={(v) => go({ businessUnit: v || undefined })}
            options={businessUnits.map((u) => ({ value: u, label: u }))}
          />
        ) : null}
        <FilterSelect
          label="SLA"
          value={query.sla ?? ""}
          onChange={(v) => go({ sla: (v || undefined) as CaseListQuery["sla"] })}
          options={[
            { value: "breached", label: "Breached" },
            { value: "due_soon", label: "Due soon" },
          ]}
        />
        <TagFilter key={query.tag ?? ""} value={query.tag ?? ""} onChange={(tag) => go({ tag: tag || undefined })} />
        <div role="group" aria-label="Created between" className="col-span-2 flex items-center gap-1.5 text-sm text-slate-500 sm:col-span-1">
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
        <div className="col-span-2 flex items-center justify-end gap-2 sm:ml-auto">
          {hasFilters(query) ? (
            <Link
              href={`${base}${caseListSearch({ tab: query.tab, sort: query.sort, order: query.order })}`}
              className="inline-flex items-center gap-1 text-sm font-medium text-slate-500 hover:text-slate-900"
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
      className={value ? "h-8 w-full border-brand-500 bg-brand-50 text-sm text-brand-700 sm:w-auto" : "h-8 w-full text-sm text-slate-600 sm:w-auto"}
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

function TagFilter({ value, onChange }: { value: string; onChange: (tag: string) => void }) {
  const [tag, setTag] = useState(value);
  return (
    <form
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(tag.trim().toLowerCase());
      }}
    >
      <Input
        aria-label="Tag"
        placeholder="Tag"
        value={tag}
        onChange={(e) => setTag(e.target.value)}
        onBlur={() => tag.trim().toLowerCase() !== value && onChange(tag.trim().toLowerCase())}
        className={value ? "h-8 w-full border-brand-500 bg-brand-50 text-sm sm:w-28" : "h-8 w-full text-sm sm:w-28"}
      />
    </form>
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
      className={value ? "h-8 min-w-0 flex-1 border-brand-500 bg-brand-50 text-sm sm:w-36 sm:flex-none" : "h-8 min-w-0 flex-1 text-sm text-slate-600 sm:w-36 sm:flex-none"}
    />
  );
}
