import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { AuditTable } from "@/components/audit/audit-table";
import { formatInZone } from "@/lib/format";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";
import { auditFilterFromSearch, searchQuery, type AuditSearch } from "./audit-search";

export const metadata: Metadata = { title: "Audit log" };


export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<AuditSearch & { cursor?: string }>;
}) {
  const { slug } = await params;
  const { cursor, ...search } = await searchParams;
  const filter = auditFilterFromSearch(search);
  const [page, members, chain] = await Promise.all([
    orNotFound(() => api.audit.list({ limit: 50, ...filter, cursor: cursor || undefined })),
    orNotFound(() => api.members.list()),
    orNotFound(() => api.audit.verify()),
  ]);
  const view = await loadTenant(slug);
  const timeZone = view.state === "active" ? view.tenant.displayTimeZone : "UTC";
  const base = `/t/${slug}/settings/audit`;

  return (
    <section aria-labelledby="audit-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="audit-heading" className="text-base font-semibold">Audit log</h2>
          {chain.ok ? (
            <p className="mt-1 text-xs text-green-700">
              Signed chain intact: {chain.events.toLocaleString("en-US")} {chain.events === 1 ? "event" : "events"}, none changed or removed
              {chain.checkpoint ? ` (checkpoint #${chain.checkpoint.seq.toLocaleString("en-US")}, ${formatInZone(chain.checkpoint.at, timeZone)})` : " (no checkpoint yet)"}.
              {chain.legacyEvents > 0 ? ` The first ${chain.legacyEvents.toLocaleString("en-US")} predate signing and are covered by the hash chain.` : null}
            </p>
          ) : (
            <p role="alert" className="mt-1 text-xs font-medium text-red-700">
              Audit log tampered with at event #{chain.breaks[0]?.seq}: {chain.breaks[0]?.reason}.
            </p>
          )}
          {chain.warnings.map((w) => (
            <p key={w} className="mt-1 text-xs text-amber-700">{w}</p>
          ))}
        </div>
      </div>
      <form className="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto_auto]" action={base} aria-label="Filter the audit log">
        <select name="actor" defaultValue={search.actor ?? ""} aria-label="Actor" className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
          <option value="">Any actor</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>{m.name}</option>
          ))}
        </select>
        <Input name="action" defaultValue={search.action} placeholder="Action: case., api_key.…" aria-label="Action starts with" />
        <Input name="target" defaultValue={search.target} placeholder="Target id" aria-label="Target id" />
        <Input name="from" type="date" defaultValue={search.from} aria-label="From date" />
        <Input name="to" type="date" defaultValue={search.to} aria-label="To date" />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">Filter</Button>
          <a href={`${base}/export?${searchQuery(search)}`} className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50" download>
            Export CSV
          </a>
        </div>
      </form>
      <AuditTable events={page.items} timeZone={timeZone} />
      <nav className="mt-4 flex justify-between text-sm" aria-label="Pagination">
        {cursor ? <Link href={`${base}?${searchQuery(search)}`} className="font-medium text-brand-600 hover:underline">← Newest</Link> : <span />}
        {page.nextCursor ? (
          <Link href={`${base}?${searchQuery({ ...search, cursor: page.nextCursor })}`} className="font-medium text-brand-600 hover:underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
