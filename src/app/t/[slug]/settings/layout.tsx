import { SettingsNav } from "@/components/settings/settings-nav";
import { loadTenant } from "../_components/load-tenant";

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  const permissions = view.state === "active" ? view.tenant.permissions : [];
  return (
    <div className="mx-auto max-w-5xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Settings</h1>
      <SettingsNav slug={slug} permissions={permissions} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
