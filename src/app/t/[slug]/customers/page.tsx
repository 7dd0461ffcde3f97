import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { redirect } from "next/navigation";
import { timeAgo } from "@/lib/format";
import { toAppError } from "@/server/errors/to-app-error";
import { api } from "@/trpc/server";
import { loadTenant } from "../_components/load-tenant";

export const metadata: Metadata = { title: "Customers" };

type SP = { q?: string | string[]; cursor?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 500);

export default async function CustomersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SP> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const q = one(sp.q)?.trim().slice(0, 200) || undefined;
  const cursor = one(sp.cursor) ?? null;
  const base = `/t/${slug}/customers`;
  const withQ = (extra: Record<string, string>) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), ...extra })}`;
  const [view, page] = await Promise.all([
    loadTenant(slug),
    api.customers.list({ q, cursor, limit: 25 }).catch((error: unknown) => {
      // Search text or a cursor from the URL the list refuses (a NUL, a forged cursor): the first
      // page for a bad cursor, no match for bad text, never an error page.
      const appError = toAppError(error);
      if (appError.code !== "BAD_REQUEST") throw error;
      if (cursor && appError.details?.fieldErrors?.cursor) redirect(withQ({}));
      return { items: [], nextCursor: null };
    }),
  ]);
  const canWrite = view.state === "active" && view.tenant.permissions.includes("customers:write");

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Customers</h1>
        {canWrite ? (
          <Button asChild>
            <Link href={`${base}/new`}>New customer</Link>
          </Button>
        ) : null}
      </div>
      {/* A plain GET form: search works before hydration and the URL is shareable. */}
      <form method="get" action={base} role="search" className="relative mt-4">
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
        <Input name="q" type="search" defaultValue={q} aria-label="Search customers" placeholder="Search by name, or an exact email or external id" className="pl-9" />
      </form>

      {page.items.length === 0 ? (
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="text-sm font-medium">{q ? "No customer matches" : "No customers yet"}</p>
          <p className="mt-1 text-sm text-slate-500">
            {q ? "Names match in part; emails and external ids only exactly." : "Customers appear here as they write in, or add one yourself."}
          </p>
        </div>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2.5">Name</th>
                <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Email</th>
                <th scope="col" className="hidden px-4 py-2.5 sm:table-cell">Company</th>
                <th scope="col" className="px-4 py-2.5 text-right">Open cases</th>
                <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Updated</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((c) => (
                <tr key={c.id} className="group hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`${base}/${c.id}`} className="font-medium text-slate-900 group-hover:text-brand-700">
                      {c.name}
                    </Link>
                    <p className="text-xs text-slate-500 md:hidden">{c.email ?? ""}</p>
                  </td>
                  <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{c.email ?? "—"}</td>
                  <td className="hidden px-4 py-3 text-slate-600 sm:table-cell">{c.company ?? "—"}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{c.openCaseCount}</td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-500 lg:table-cell">{timeAgo(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="mt-4 flex justify-between text-sm" aria-label="Pagination">
        {cursor ? (
          <Link href={withQ({})} className="font-medium text-brand-600 hover:underline">
            ← First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={withQ({ cursor: page.nextCursor })} className="font-medium text-brand-600 hover:underline">
            Next page →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
