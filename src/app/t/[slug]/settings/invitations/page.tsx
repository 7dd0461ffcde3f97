import type { Metadata } from "next";
import { InvitationsPanel } from "@/components/settings/invitations-panel";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { slug } = await params;
  const { cursor } = await searchParams;
  const view = await loadTenant(slug);
  const page = await orNotFound(() => api.invitations.list({ limit: 50, cursor: cursor ?? null }));
  return (
    <InvitationsPanel slug={slug} myRole={view.state === "active" ? view.tenant.role : "VIEWER"} items={page.items} nextCursor={page.nextCursor} />
  );
}
