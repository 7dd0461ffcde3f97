"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { channelLabel, PriorityBadge, StatusBadge } from "./case-badges";
import type { casesListInput, CasesView } from "./cases-list-input";

const VIEWS: { id: CasesView; label: string }[] = [
  { id: "open", label: "Open" },
  { id: "done", label: "Resolved" },
  { id: "all", label: "All" },
];

const dateFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

export function CasesTable({ slug, view, input }: { slug: string; view: CasesView; input: ReturnType<typeof casesListInput> }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.list.queryOptions(input));
  const base = `/t/${slug}/cases`;

  return (
    <div className="mt-4">
      <div className="flex gap-1 border-b border-slate-200" role="tablist" aria-label="Case views">
        {VIEWS.map((v) => (
          <Link
            key={v.id}
            role="tab"
            aria-selected={v.id === view}
            href={`${base}?view=${v.id}`}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              v.id === view ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {v.label}
          </Link>
        ))}
      </div>

      {data.items.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="text-sm font-medium">No cases here</p>
          <p className="mt-1 text-sm text-slate-500">New cases from every channel will show up in this list.</p>
        </div>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2.5">#</th>
                <th scope="col" className="px-4 py-2.5">Title</th>
                <th scope="col" className="px-4 py-2.5">Status</th>
                <th scope="col" className="hidden px-4 py-2.5 sm:table-cell">Priority</th>
                <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Channel</th>
                <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Assignee</th>
                <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.items.map((c) => (
                <tr key={c.id} className="group hover:bg-slate-50">
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-xs text-slate-500">{c.number}</td>
                  <td className="max-w-md px-4 py-3">
                    <Link href={`${base}/${c.number}`} className="font-medium text-slate-900 group-hover:text-brand-700">
                      <span className="line-clamp-1">{c.title}</span>
                    </Link>
                    {c.tags.length > 0 ? <p className="mt-0.5 text-xs text-slate-500">{c.tags.join(" · ")}</p> : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="hidden whitespace-nowrap px-4 py-3 sm:table-cell">
                    <PriorityBadge priority={c.priority} />
                  </td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 lg:table-cell">{channelLabel(c.channel)}</td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 md:table-cell">{c.assignee?.name ?? "—"}</td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-500 lg:table-cell">{dateFormat.format(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav className="mt-4 flex items-center justify-between text-sm" aria-label="Pagination">
        {input.cursor ? (
          <Link href={`${base}?view=${view}`} className="font-medium text-brand-600 hover:underline">
            ← First page
          </Link>
        ) : (
          <span />
        )}
        {data.nextCursor ? (
          <Link href={`${base}?view=${view}&cursor=${data.nextCursor}`} className="font-medium text-brand-600 hover:underline">
            Next page →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
