import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { TenantStatusBadge } from "@/components/admin/tenant-status-badge";
import { TenantStatusControl } from "@/components/admin/tenant-status-control";
import { toAppError } from "@/server/errors/to-app-error";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Tenant" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

async function load(id: string) {
  try {
    return await api.admin.tenants.get({ id });
  } catch (error) {
    const code = toAppError(error).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
}

export default async function AdminTenantPage({ params }: { params: Promise<{ id: string }> }) {
  const tenant = await load((await params).id);
  const facts: [string, React.ReactNode][] = [
    ["Address", <span key="a" className="font-mono">/t/{tenant.slug}</span>],
    ["Status", <TenantStatusBadge key="s" status={tenant.status} deletionScheduledFor={tenant.deletionScheduledFor} />],
    ["Members", tenant.memberCount],
    ["Cases", tenant.caseCount],
    ["Pending invitations", tenant.pendingInvitations],
    ["Created", `${dateTime.format(tenant.createdAt)} UTC`],
    ["Deletion", tenant.deletionScheduledFor ? `Scheduled for ${dateTime.format(tenant.deletionScheduledFor)} UTC` : "Not scheduled"],
    ["Owners", tenant.owners.length ? tenant.owners.map((o) => `${o.name} <${o.email}>`).join(", ") : "None yet (invitation pending)"],
    ["Old addresses", tenant.oldSlugs.length ? tenant.oldSlugs.map((s) => `/t/${s}`).join(", ") : "—"],
  ];
  return (
    <div className="space-y-5">
      <Link href="/admin" className="text-sm text-slate-500 hover:text-slate-900">← Tenants</Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-xl font-semibold tracking-tight">{tenant.name}</h1>
        <TenantStatusControl id={tenant.id} name={tenant.name} status={tenant.status} />
      </div>
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm sm:grid-cols-[12rem_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
