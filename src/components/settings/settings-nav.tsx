"use client";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const TABS = [
  { path: "general", label: "General", permission: "tenant:read" },
  { path: "profile", label: "Profile", permission: "tenant:read" },
  { path: "notifications", label: "Notifications", permission: "tenant:read" },
  { path: "members", label: "Members", permission: "members:read" },
  { path: "teams", label: "Teams", permission: "members:read" },
  { path: "canned-responses", label: "Canned responses", permission: "cases:write" },
  { path: "macros", label: "Macros", permission: "cases:write" },
  { path: "invitations", label: "Invitations", permission: "members:manage" },
  { path: "escalation", label: "Escalation", permission: "cases:read" },
  { path: "alert-rules", label: "Alert rules", permission: "alerts:read" },
  { path: "chat-widget", label: "Chat widget", permission: "settings:manage" },
  { path: "api-keys", label: "API keys", permission: "api-keys:manage" },
  { path: "ai", label: "AI", permission: "audit:read" },
  { path: "audit", label: "Audit log", permission: "audit:read" },
] as const;

/** Shows the tabs the member's role can use; the server checks each page and action again. */
export function SettingsNav({ slug, permissions }: { slug: string; permissions: string[] }) {
  const pathname = usePathname();
  return (
    <nav className="mt-4 flex gap-1 overflow-x-auto border-b border-slate-200" aria-label="Settings sections">
      {TABS.filter((t) => permissions.includes(t.permission)).map((tab) => {
        const href = `/t/${slug}/settings/${tab.path}`;
        const active = pathname.startsWith(href);
        return (
          <Link
            key={tab.path}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
