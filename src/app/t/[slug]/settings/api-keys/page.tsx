import type { Metadata } from "next";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  const keys = await orNotFound(() => api.apiKeys.list());
  return <ApiKeysPanel slug={slug} keys={keys} myRole={view.state === "active" ? view.tenant.role : "VIEWER"} />;
}
