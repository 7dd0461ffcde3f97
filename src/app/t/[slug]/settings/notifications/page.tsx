import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences-form";
import { DIGEST_HOUR } from "@/lib/notification-kinds";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Notification settings" };

/** Each member's own choices: every role may see and change them. */
export default async function NotificationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { preferences } = await orNotFound(() => api.notifications.preferences());
  return (
    <section aria-labelledby="notifications-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="notifications-heading" className="text-base font-semibold">Your notifications</h2>
      <p className="mt-1 text-sm text-slate-600">How each kind reaches you in {view.tenant.name}.</p>
      <div className="mt-4">
        <NotificationPreferencesForm slug={view.tenant.slug} initial={preferences} digestHour={DIGEST_HOUR} />
      </div>
    </section>
  );
}
