import type { Metadata } from "next";
import { EscalationRules } from "@/components/settings/escalation-rules";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Escalation settings" };

export default async function EscalationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { tenant } = view;
  const [rules, teams] = await Promise.all([orNotFound(() => api.escalationRules.list()), orNotFound(() => api.teams.list())]);
  return (
    <EscalationRules
      slug={slug}
      levels={tenant.settings.escalationLevels}
      teams={teams.map((t) => ({ id: t.id, name: t.name }))}
      rules={rules}
      canManage={tenant.permissions.includes("settings:manage")}
    />
  );
}
