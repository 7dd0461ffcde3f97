import type { Metadata } from "next";
import { AlertsView } from "@/components/alerts/alerts-view";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadTenant } from "../_components/load-tenant";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [view] = await Promise.all([loadTenant(slug), prefetch(trpc.alerts.list.queryOptions({ limit: 100, status: ["ACTIVE", "ACKNOWLEDGED"] }))]);
  const canManage = view.state === "active" && view.tenant.permissions.includes("alerts:manage");
  const businessUnits = view.state === "active" ? view.tenant.settings.businessUnits : [];
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Alerts</h1>
      <p className="mt-1 text-sm text-slate-600">What is going wrong right now: from your scripts and monitoring. Acknowledge one to say you are on it; resolve it with a note when it is over.</p>
      <HydrateClient>
        <AlertsView businessUnits={businessUnits} canManage={canManage} />
      </HydrateClient>
    </div>
  );
}
