import type { Metadata } from "next";
import { AlertRules } from "@/components/settings/alert-rules";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Alert rules" };

export default async function AlertRulesSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { tenant } = view;
  const [rules, teams] = await Promise.all([orNotFound(() => api.alertRules.list()), orNotFound(() => api.teams.list())]);
  return (
    <AlertRules
      slug={slug}
      rules={rules}
      teams={teams.map((t) => ({ id: t.id, name: t.name }))}
      businessUnits={tenant.settings.businessUnits}
      categories={tenant.settings.caseCategories}
      canManage={tenant.permissions.includes("settings:manage")}
    />
  );
}
