"use client";
// Who is signed in and what they can do with their account: beneath the navigation on wide
// screens, and behind the avatar button beside the bell below 768 px, where the sidebar is a top bar.
import { Clock, LogOut, Shield } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useCallback, useRef, useState } from "react";
import { signOutTo } from "@/components/auth/sign-out";
import { SignOutEverywhereButton } from "@/components/auth/sign-out-everywhere-button";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { useDismiss } from "@/components/ui/use-dismiss";

interface Props {
  user: { name: string; email: string };
  role: string;
  isPlatformAdmin: boolean;
  /** The zone times are shown in (the member's own or the organisation's), said once, here. */
  timeZone: string;
  profileHref: string;
}

const linkClass = "flex items-center gap-1.5 text-xs font-medium text-slate-500 hover:text-slate-900";

export function AccountDetails({ user, role, isPlatformAdmin, timeZone, profileHref }: Props) {
  return (
    <>
      <p className="truncate text-sm font-medium" title={user.email}>
        {user.name}
      </p>
      <p className="truncate text-xs text-slate-500">
        {role.toLowerCase()} · {user.email}
      </p>
      {isPlatformAdmin ? (
        <Link href="/admin" className={`mt-2 ${linkClass}`}>
          <Shield className="size-3.5" aria-hidden /> Admin
        </Link>
      ) : null}
      <button type="button" onClick={() => void signOutTo("/sign-in")} className={`mt-2 ${linkClass}`}>
        <LogOut className="size-3.5" aria-hidden /> Sign out
      </button>
      <SignOutEverywhereButton className={`mt-1 block ${linkClass}`} />
      <Link href="/change-password" className={`mt-1 block ${linkClass}`}>
        Change password
      </Link>
      <Link href={profileHref} className={`mt-1 ${linkClass}`} title="Change the time zone times are shown in">
        <Clock className="size-3.5" aria-hidden /> Times in {timeZone.replaceAll("_", " ")}
      </Link>
      <ThemeToggle className="mt-2" />
    </>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase();
}

export function MobileAccountMenu(props: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root);
  return (
    <div ref={root} className="relative md:hidden">
      <button
        type="button"
        aria-label="Account"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="grid size-8 place-items-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700 hover:bg-slate-300"
      >
        {initials(props.user.name)}
      </button>
      {open ? (
        <div role="region" aria-label="Account" className="absolute right-0 z-40 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-4 shadow-lg">
          <AccountDetails {...props} />
        </div>
      ) : null}
    </div>
  );
}
