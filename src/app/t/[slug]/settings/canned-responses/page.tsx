import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CannedResponsesPanel } from "@/components/settings/canned-responses-panel";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Canned responses" };

export default async function CannedResponsesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { tenant } = view;
  // Viewers do not reply to cases, so they keep no responses.
  if (!tenant.permissions.includes("cases:write")) forbidden();
  const responses = await orNotFound(() => api.cannedResponses.list({}));
  return <CannedResponsesPanel slug={slug} responses={responses} canShare={tenant.permissions.includes("settings:manage")} />;
}
