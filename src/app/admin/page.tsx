import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { TenantStatusBadge } from "@/components/admin/tenant-status-badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { formatDate } from "@/lib/format";
import { TENANT_STATUSES } from "@/lib/validations/admin";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Tenants" };

type Search = { q?: string; status?: string; cursor?: string };

export default async function AdminTenantsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { q, status, cursor } = await searchParams;
  const validStatus = TENANT_STATUSES.find((s) => s === status);
  const validCursor = cursor && /^[0-9a-f-]{36}$/i.test(cursor) ? cursor : undefined;
  const page = await api.admin.tenants.list({ search: q || undefined, status: validStatus, cursor: validCursor, limit: 25 });
  const next = new URLSearchParams({ ...(q ? { q } : {}), ...(validStatus ? { status: validStatus } : {}), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) });

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Tenants</h1>
        <Link href="/admin/tenants/new" className={buttonVariants()}>New tenant</Link>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <label htmlFor="tenant-search" className="sr-only">Search by name or address</label>
        <Input id="tenant-search" name="q" defaultValue={q ?? ""} placeholder="Search by name or address" className="w-72" />
        <label htmlFor="tenant-status" className="sr-only">Status</label>
        <Select id="tenant-status" name="status" defaultValue={validStatus ?? ""} className="w-40">
          <option value="">All statuses</option>
          <option value="ACTIVE">Active</option>
          <option value="SUSPENDED">Suspended</option>
        </Select>
        <Button type="submit" variant="secondary">Filter</Button>
        {q || validStatus ? <Link href="/admin" className="px-2 text-sm text-slate-500 hover:text-slate-900">Clear</Link> : null}
      </form>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500">No tenants match.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2.5">Organisation</th>
                <th scope="col" className="px-4 py-2.5">Status</th>
                <th scope="col" className="px-4 py-2.5 text-right">Members</th>
                <th scope="col" className="px-4 py-2.5 text-right">Cases</th>
                <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((t) => (
                <tr key={t.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`/admin/tenants/${t.id}`} className="font-medium text-brand-700 hover:underline">{t.name}</Link>
                    <p className="font-mono text-xs text-slate-500">/t/{t.slug}</p>
                  </td>
                  <td className="px-4 py-3"><TenantStatusBadge status={t.status} deletionScheduledFor={t.deletionScheduledFor} /></td>
                  <td className="px-4 py-3 text-right tabular-nums">{t.memberCount}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{t.caseCount}</td>
                  <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{formatDate(t.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex justify-end gap-2">
        {validCursor ? <Link href={`/admin?${new URLSearchParams({ ...(q ? { q } : {}), ...(validStatus ? { status: validStatus } : {}) })}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>First page</Link> : null}
        {page.nextCursor ? <Link href={`/admin?${next}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>Next page</Link> : null}
      </div>
    </div>
  );
}
