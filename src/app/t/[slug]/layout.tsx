import { getServerSession } from "next-auth";
import { CommandPalette } from "@/components/command/command-palette";
import { AppShell } from "@/components/layout/app-shell";
import { TRPCReactProvider } from "@/trpc/react";
import { RealtimeProvider } from "@/trpc/realtime/realtime-provider";
import { authOptions } from "@/server/auth/options";
import { listTenantsOfUser } from "@/server/services/accounts/list-tenants-of-user";
import { loadTenant } from "./_components/load-tenant";
import { SuspendedNotice } from "./_components/suspended-notice";
import { DeletionScheduledNotice } from "./_components/deletion-scheduled-notice";
import { isPlatformAdmin } from "@/server/api/middlewares/platform-admin";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  if (view.state === "suspended") return <SuspendedNotice message={view.message} />;
  if (view.state === "deletion-scheduled") {
    return <DeletionScheduledNotice slug={slug} message={view.message} deletionScheduledFor={view.deletionScheduledFor} canCancel={view.canCancel} />;
  }
  const session = await getServerSession(authOptions);
  const tenants = session?.user?.id ? await listTenantsOfUser(session.user.id) : [];
  const platformAdmin = session?.user?.id ? await isPlatformAdmin(session.user.id) : false;
  const position = await api.realtime.position();
  return (
    // The tRPC client and query cache live here, not in the root layout: only the workspace uses
    // them, and the sign-in and other public pages load faster without them.
    <TRPCReactProvider>
      {/* The tenant's live stream (one per browser, shared by its tabs) for everything below. */}
      <RealtimeProvider slug={view.tenant.slug} userId={session?.user?.id ?? null} initialSeq={position.seq}>
        <AppShell
          tenant={{ slug: view.tenant.slug, name: view.tenant.name, role: view.tenant.role, displayTimeZone: view.tenant.displayTimeZone }}
          tenants={tenants.map((t) => ({ slug: t.slug, name: t.name }))}
          user={{ name: session?.user?.name ?? "", email: session?.user?.email ?? "" }}
          isPlatformAdmin={platformAdmin}
        >
          {children}
          <CommandPalette
            slug={view.tenant.slug}
            canWrite={view.tenant.permissions.includes("cases:write")}
            canImport={view.tenant.permissions.includes("imports:create")}
          />
        </AppShell>
      </RealtimeProvider>
    </TRPCReactProvider>
  );
}
