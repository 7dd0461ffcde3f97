import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { TeamsPanel } from "@/components/settings/teams-panel";
import { authOptions } from "@/server/auth/options";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { tenant } = view;
  const [teams, members, session] = await Promise.all([orNotFound(() => api.teams.list()), orNotFound(() => api.members.list()), getServerSession(authOptions)]);
  // Viewers cannot work cases, so they join no team (the server refuses them too).
  const candidates = members.filter((m) => m.role !== "VIEWER").map((m) => ({ userId: m.userId, name: m.name }));
  return (
    <TeamsPanel
      slug={slug}
      teams={teams}
      candidates={candidates}
      businessUnits={tenant.settings.businessUnits}
      canManage={tenant.permissions.includes("settings:manage")}
      myId={session?.user?.id ?? null}
    />
  );
}
