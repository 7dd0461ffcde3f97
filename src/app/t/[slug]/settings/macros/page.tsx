import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { MacrosPanel } from "@/components/settings/macros/macros-panel";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Macros" };

export default async function MacrosPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { tenant } = view;
  // Viewers do not change cases, so they keep no macros.
  if (!tenant.permissions.includes("cases:write")) forbidden();
  const [macros, teams, members] = await Promise.all([
    orNotFound(() => api.macros.list({})),
    orNotFound(() => api.teams.list()),
    orNotFound(() => api.members.list()),
  ]);
  const choices = {
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    // Viewers cannot be assigned cases.
    members: members.filter((m) => m.role !== "VIEWER").map((m) => ({ id: m.userId, name: m.name })),
  };
  return <MacrosPanel slug={slug} macros={macros} canShare={tenant.permissions.includes("settings:manage")} choices={choices} />;
}
