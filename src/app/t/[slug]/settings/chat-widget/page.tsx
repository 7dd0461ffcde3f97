import type { Metadata } from "next";
import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { ChatWidgetPanel } from "@/components/settings/chat-widget/chat-widget-panel";
import { publicBaseUrl } from "@/server/http/public-url";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Chat widget" };

export default async function ChatWidgetSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { tenant } = view;
  // Everything here changes what strangers' browsers load and may send, so it is for admins only.
  if (!tenant.permissions.includes("settings:manage")) forbidden();
  const [settings, requestHeaders] = await Promise.all([orNotFound(() => api.chatWidget.get({})), headers()]);
  return <ChatWidgetPanel slug={slug} origin={publicBaseUrl(requestHeaders)} timeZone={tenant.displayTimeZone} settings={settings} />;
}
