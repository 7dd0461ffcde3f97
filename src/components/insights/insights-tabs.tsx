// The insights pages' tabs. Trending topics and reports are for every member; search insights read
// what members searched for (audit:read), so only those who may read them see the tab; the page
// checks it again.
import { Link } from "@/components/ui/link";
import { cn } from "@/lib/utils";

export function InsightsTabs({ slug, current, canReadSearch }: { slug: string; current: "trending" | "reports" | "search"; canReadSearch: boolean }) {
  const tabs = [{ key: "trending", label: "Trending topics" }, { key: "reports", label: "Reports" }, ...(canReadSearch ? [{ key: "search", label: "Search" }] : [])] as const;
  return (
    <nav aria-label="Insights" className="mb-4 flex gap-4 border-b border-slate-200 text-sm">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={`/t/${slug}/insights/${tab.key}`}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-1 pb-2", tab.key === current ? "border-brand-600 font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
