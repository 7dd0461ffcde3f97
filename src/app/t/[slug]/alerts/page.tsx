import type { Metadata } from "next";
import { AlertsView } from "@/components/alerts/alerts-view";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadTenant } from "../_components/load-tenant";

export const metadata: Metadata = { title: "Alerts" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AlertsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ alert?: string | string[] }> }) {
  const { slug } = await params;
  const requested = (await searchParams).alert;
  // Anything but one alert id is ignored: the page then opens as usual.
  const openAlertId = typeof requested === "string" && UUID.test(requested) ? requested : undefined;
  const [view] = await Promise.all([
    loadTenant(slug),
    prefetch(trpc.alerts.list.queryOptions(openAlertId ? { limit: 100 } : { limit: 100, status: ["ACTIVE", "ACKNOWLEDGED"] })),
  ]);
  const canManage = view.state === "active" && view.tenant.permissions.includes("alerts:manage");
  const businessUnits = view.state === "active" ? view.tenant.settings.businessUnits : [];
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Alerts</h1>
      <p className="mt-1 text-sm text-slate-600">What is going wrong right now: from your scripts and monitoring. Acknowledge one to say you are on it; resolve it with a note when it is over.</p>
      <HydrateClient>
        <AlertsView slug={slug} businessUnits={businessUnits} canManage={canManage} openAlertId={openAlertId} />
      </HydrateClient>
    </div>
  );
}
