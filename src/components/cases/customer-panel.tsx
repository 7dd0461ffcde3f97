import { Link } from "@/components/ui/link";
import { StatusBadge } from "./case-badges";
import type { CaseDetail, CustomerView } from "./case-types";

/** Who the case is for, and what else they have asked us (most recent first). */
export function CustomerPanel({
  slug,
  customer,
  details,
  caseId,
}: {
  slug: string;
  customer: NonNullable<CaseDetail["customer"]>;
  details: CustomerView | null;
  caseId: string;
}) {
  const others = (details?.cases ?? []).filter((c) => c.id !== caseId).slice(0, 8);
  return (
    <section aria-label="Customer" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
      <h2 className="text-xs font-medium uppercase tracking-wide text-slate-500">Customer</h2>
      <Link href={`/t/${slug}/customers/${customer.id}`} className="mt-1 block font-medium text-slate-900 hover:text-brand-700">
        {customer.name}
      </Link>
      {customer.company ? <p className="text-slate-600">{customer.company}</p> : null}
      {customer.email ? <p className="break-all text-slate-500">{customer.email}</p> : null}
      {details ? (
        <>
          <h3 className="mt-4 text-xs font-medium uppercase tracking-wide text-slate-500">
            Other cases <span className="font-normal normal-case text-slate-500">({details.caseCounts.open} open of {details.caseCounts.total})</span>
          </h3>
          {others.length === 0 ? (
            <p className="mt-1 text-slate-500">None.</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {others.map((c) => (
                <li key={c.id} className="flex items-start gap-2">
                  <Link href={`/t/${slug}/cases/${c.number}`} className="min-w-0 flex-1 hover:text-brand-700">
                    <span className="font-mono text-xs text-slate-500">#{c.number}</span> <span className="line-clamp-1 inline">{c.title}</span>
                  </Link>
                  <StatusBadge status={c.status} />
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
