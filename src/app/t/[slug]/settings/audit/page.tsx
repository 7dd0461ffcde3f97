import type { Metadata } from "next";
import Link from "next/link";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { api } from "@/trpc/server";
import { orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ action?: string; cursor?: string }>;
}) {
  const { slug } = await params;
  const { action, cursor } = await searchParams;
  const [page, members, chain] = await Promise.all([
    orNotFound(() => api.audit.list({ limit: 50, action: action || undefined, cursor: cursor || undefined })),
    orNotFound(() => api.members.list()),
    orNotFound(() => api.audit.verify()),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const base = `/t/${slug}/settings/audit`;

  return (
    <section aria-labelledby="audit-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="audit-heading" className="text-base font-semibold">Audit log</h2>
          {chain.ok ? (
            <p className="mt-1 text-xs text-green-700">Hash chain intact: {chain.events.toLocaleString("en-US")} events, none changed or removed.</p>
          ) : (
            <p role="alert" className="mt-1 text-xs font-medium text-red-700">
              Hash chain broken at event #{chain.breaks[0]?.seq}: {chain.breaks[0]?.reason}.
            </p>
          )}
        </div>
        <form className="flex gap-2" action={base}>
          <Input name="action" defaultValue={action} placeholder="Action, e.g. case. or api_key." aria-label="Filter by action" className="w-64" />
          <Button type="submit" variant="secondary">Filter</Button>
        </form>
      </div>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5">When</th>
              <th scope="col" className="px-4 py-2.5">Actor</th>
              <th scope="col" className="px-4 py-2.5">Action</th>
              <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Target</th>
              <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.items.map((e) => (
              <tr key={e.id} className="align-top">
                <td className="whitespace-nowrap px-4 py-3 text-slate-600">{when.format(e.createdAt)}</td>
                <td className="px-4 py-3">
                  {e.actorType === "user" ? (names.get(e.actorId ?? "") ?? "Former member") : e.actorType === "apiKey" ? "API key" : "System"}
                  {e.ip ? <p className="text-xs text-slate-500">{e.ip}</p> : null}
                </td>
                <td className="px-4 py-3 font-mono text-xs">{e.action}</td>
                <td className="hidden px-4 py-3 text-xs text-slate-600 md:table-cell">{e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8) ?? ""}` : "—"}</td>
                <td className="hidden max-w-xs px-4 py-3 lg:table-cell">
                  {e.diff ? <code className="line-clamp-2 break-all text-xs text-slate-600">{JSON.stringify(e.diff)}</code> : null}
                  {e.requestId ? <p className="text-xs text-slate-400">request {e.requestId.slice(0, 8)}</p> : null}
                </td>
              </tr>
            ))}
            {page.items.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-8 text-center text-slate-500">No events match.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <nav className="mt-4 flex justify-between text-sm" aria-label="Pagination">
        {cursor ? <Link href={`${base}${action ? `?action=${encodeURIComponent(action)}` : ""}`} className="font-medium text-brand-600 hover:underline">← Newest</Link> : <span />}
        {page.nextCursor ? (
          <Link href={`${base}?${new URLSearchParams({ ...(action ? { action } : {}), cursor: page.nextCursor })}`} className="font-medium text-brand-600 hover:underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
