import type { Metadata } from "next";
import { MembersTable } from "@/components/settings/members-table";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  const members = await orNotFound(() => api.members.list());
  const me = view.state === "active" ? view.tenant : null;
  return (
    <MembersTable
      slug={slug}
      members={members}
      myRole={me?.role ?? "VIEWER"}
      canManage={me?.permissions.includes("members:manage") ?? false}
    />
  );
}
