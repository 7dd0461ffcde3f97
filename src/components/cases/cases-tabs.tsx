"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { cn } from "@/lib/utils";
import type { CaseListQuery } from "@/lib/validations/case-filters";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { caseListSearch } from "./case-list-params";

const TABS = [
  { id: "mine", label: "Mine" },
  { id: "my_teams", label: "My teams" },
  { id: "unassigned", label: "Unassigned" },
  { id: "all", label: "All" },
] as const;

/** Mine / My teams (their unassigned cases) / Unassigned / All, each with how many cases match the current filters. */
export function CasesTabs({ base, query }: { base: string; query: CaseListQuery }) {
  const trpc = useTRPC();
  // Counts follow what teammates do through the live stream; a slow poll only while it is down.
  const { data: counts } = useSuspenseQuery({ ...trpc.cases.counts.queryOptions(query), refetchInterval: useFallbackPoll() });
  return (
    <div className="mt-4 flex gap-1 overflow-x-auto border-b border-slate-200" role="tablist" aria-label="Case views">
      {TABS.map((t) => {
        const active = t.id === query.tab;
        return (
          <Link
            key={t.id}
            role="tab"
            aria-selected={active}
            href={`${base}${caseListSearch({ ...query, tab: t.id })}`}
            className={cn(
              "-mb-px flex shrink-0 items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {t.label}
            <span
              className={cn(
                "rounded-full px-1.5 py-0.5 text-xs tabular-nums",
                active ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600",
              )}
            >
              {counts[t.id].toLocaleString("en")}
            </span>
          </Link>
        );
      })}
    </div>
  );
}
