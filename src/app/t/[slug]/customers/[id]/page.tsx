import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PriorityBadge, StatusBadge } from "@/components/cases/case-badges";
import { CustomerForm } from "@/components/customers/customer-form";
import { Card } from "@/components/ui/card";
import { timeAgo } from "@/lib/format";
import { loadTenant } from "../../_components/load-tenant";
import { loadCustomer } from "./load-customer";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  // Already loaded (and 404 decided) by the layout, in this request.
  const [view, customer] = await Promise.all([loadTenant(slug), loadCustomer(id)]);
  const canWrite = view.state === "active" && view.tenant.permissions.includes("customers:write");

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8">
      <Link href={`/t/${slug}/customers`} className="text-sm text-slate-500 hover:text-slate-800">
        ← Customers
      </Link>
      <div className="mt-3">
        <h1 className="text-xl font-semibold tracking-tight">{customer.name}</h1>
        <p className="mt-1 text-sm text-slate-500">
          {[customer.company, customer.email].filter(Boolean).join(" · ") || "No contact details"}
          {customer.piiMasked ? " (contact details masked for your role)" : ""}
        </p>
      </div>
      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card>
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <h2 className="text-sm font-semibold">
              Cases <span className="ml-1 text-xs font-normal text-slate-500">{customer.caseCounts.open} open of {customer.caseCounts.total}</span>
            </h2>
            {customer.caseCounts.total > 0 ? (
              <Link href={`/t/${slug}/cases?tab=all&customerId=${customer.id}`} className="text-sm font-medium text-brand-600 hover:underline">
                All in the cases list →
              </Link>
            ) : null}
          </div>
          {customer.cases.length === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-slate-500">No cases from this customer yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {customer.cases.map((c) => (
                <li key={c.id}>
                  <Link href={`/t/${slug}/cases/${c.number}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm hover:bg-slate-50">
                    <span className="font-mono text-xs text-slate-500">#{c.number}</span>
                    <span className="min-w-0 flex-1 truncate font-medium">{c.title}</span>
                    <StatusBadge status={c.status} />
                    <PriorityBadge priority={c.priority} />
                    <span className="w-20 text-right text-xs text-slate-500">{timeAgo(c.updatedAt)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="p-5">
          <h2 className="mb-4 text-sm font-semibold">Details</h2>
          {canWrite ? (
            <CustomerForm slug={slug} customer={customer} stacked />
          ) : (
            <dl className="space-y-3 text-sm">
              {(
                [
                  ["Email", customer.email],
                  ["Phone", customer.phone],
                  ["Company", customer.company],
                  ["External id", customer.externalId],
                  ["Notes", customer.notes],
                ] as const
              ).map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                  <dd className="mt-0.5 whitespace-pre-wrap break-words">{value || "—"}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
      </div>
    </div>
  );
}
