"use client";
import { FileUp, Inbox, LayoutDashboard, LifeBuoy, ListChecks, Newspaper, Plus, Search, Settings, Siren, Users, ChartColumn } from "lucide-react";
import { Link } from "@/components/ui/link";
import { usePathname, useRouter } from "next/navigation";
import { AlertCount } from "@/components/alerts/alert-count";
import { CriticalAlertToast } from "@/components/alerts/critical-alert-toast";
import { InboxCount } from "@/components/notifications/inbox-count";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AccountDetails, MobileAccountMenu } from "@/components/layout/account-menu";
import { ConnectionStatus } from "@/components/realtime/connection-status";
import { ConfirmHost } from "@/components/ui/confirm";
import { UndoHost } from "@/components/undo/undo-host";
import { cn } from "@/lib/utils";

interface Props {
  tenant: { slug: string; name: string; role: string; displayTimeZone: string };
  tenants: { slug: string; name: string }[];
  user: { name: string; email: string };
  /** Shows the link to the platform admin console (which checks the role again on every call). */
  isPlatformAdmin?: boolean;
  children: React.ReactNode;
}

export function AppShell({ tenant, tenants, user, isPlatformAdmin = false, children }: Props) {
  const pathname = usePathname();
  const router = useRouter();
  const base = `/t/${tenant.slug}`;
  const nav = [
    { href: base, label: "Overview", icon: LayoutDashboard, exact: true },
    { href: `${base}/inbox`, label: "Inbox", icon: Inbox, count: "inbox" as const },
    { href: `${base}/alerts`, label: "Alerts", icon: Siren, count: "alerts" as const },
    { href: `${base}/feed`, label: "Feed", icon: Newspaper },
    { href: `${base}/cases`, label: "Cases", icon: LifeBuoy },
    { href: `${base}/search`, label: "Search", icon: Search },
    { href: `${base}/customers`, label: "Customers", icon: Users },
    { href: `${base}/jobs`, label: "Jobs", icon: ListChecks },
    // Imports need imports:create (admins and owners); the page and the upload check it again.
    ...(tenant.role === "OWNER" || tenant.role === "ADMIN" ? [{ href: `${base}/imports`, label: "Imports", icon: FileUp }] : []),
    // Trending topics are every member's; search insights (audit:read) are a tab only admins see.
    { href: `${base}/insights`, label: "Insights", icon: ChartColumn },
    { href: `${base}/settings`, label: "Settings", icon: Settings },
  ];

  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col border-b border-slate-200 bg-white md:h-screen md:w-60 md:sticky md:top-0 md:z-20 md:border-b-0 md:border-r">
        <div className="flex items-center gap-2 px-4 py-4">
          <span className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">
            {tenant.name.slice(0, 1).toUpperCase()}
          </span>
          {tenants.length > 1 ? (
            <select
              aria-label="Switch organisation"
              className="min-w-0 flex-1 truncate rounded-md border-0 bg-transparent py-1 text-sm font-semibold focus:ring-2 focus:ring-brand-500"
              value={tenant.slug}
              onChange={(e) => router.push(`/t/${e.target.value}/cases`)}
            >
              {tenants.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          ) : (
            <span className="truncate text-sm font-semibold">{tenant.name}</span>
          )}
          <div className="ml-auto flex shrink-0 items-center gap-1">
            <NotificationBell slug={tenant.slug} />
            <MobileAccountMenu user={user} role={tenant.role} isPlatformAdmin={isPlatformAdmin} timeZone={tenant.displayTimeZone} profileHref={`${base}/settings/profile`} />
          </div>
        </div>
        <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-2 pb-2 max-md:[mask-image:linear-gradient(to_right,#000_88%,transparent)] max-md:pr-10 md:flex-1 md:flex-col md:overflow-visible md:pb-0">
          {nav.map((item) => {
            // Overview is the tenant root, a prefix of every other page: only an exact match counts.
            const active = "exact" in item ? pathname === item.href : pathname.startsWith(item.href);
            return (
              <Link
                key={item.href}
                href={item.href}
                className={cn(
                  "flex shrink-0 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium",
                  active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                <item.icon className="size-4" aria-hidden />
                {item.label}
                {"count" in item ? item.count === "inbox" ? <InboxCount /> : <AlertCount /> : null}
              </Link>
            );
          })}
          {tenant.role === "VIEWER" ? null : (
            <Link
              href={`${base}/cases/new`}
              className="flex shrink-0 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <Plus className="size-4" aria-hidden />
              New case
            </Link>
          )}
        </nav>
        <div className="hidden border-t border-slate-200 px-4 py-3 md:block">
          <AccountDetails user={user} role={tenant.role} isPlatformAdmin={isPlatformAdmin} timeZone={tenant.displayTimeZone} profileHref={`${base}/settings/profile`} />
        </div>
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
      <ConnectionStatus />
      <CriticalAlertToast slug={tenant.slug} />
      <UndoHost />
      <ConfirmHost />
    </div>
  );
}
