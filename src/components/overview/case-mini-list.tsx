import { Link } from "@/components/ui/link";
import { PriorityBadge } from "@/components/cases/case-badges";
import type { CaseSummary } from "@/components/cases/case-types";
import { SlaBadge } from "@/components/cases/sla-badge";
import { Card } from "@/components/ui/card";

/** A short list of cases with a link to the full, filtered list. */
export function CaseMiniList({
  title,
  total,
  items,
  slug,
  moreHref,
  empty,
}: {
  title: string;
  total: number;
  items: CaseSummary[];
  slug: string;
  moreHref: string;
  empty: string;
}) {
  return (
    <Card className="flex flex-col">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h2 className="text-sm font-semibold">
          {title} <span className="ml-1 rounded-full bg-slate-100 px-1.5 py-0.5 text-xs font-medium tabular-nums text-slate-600">{total}</span>
        </h2>
        {total > 0 ? (
          <Link href={moreHref} className="text-xs font-medium text-brand-600 hover:underline">
            View all
          </Link>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((c) => (
            <li key={c.id}>
              <Link href={`/t/${slug}/cases/${c.number}`} className="block px-4 py-2.5 text-sm hover:bg-slate-50">
                <span className="flex items-baseline gap-2">
                  <span className="font-mono text-xs text-slate-500">#{c.number}</span>
                  <span className="min-w-0 flex-1 truncate font-medium">{c.title}</span>
                </span>
                <span className="mt-1 flex flex-wrap gap-1.5">
                  <PriorityBadge priority={c.priority} />
                  <SlaBadge clock={c.sla.resolution} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
