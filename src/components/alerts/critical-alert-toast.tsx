"use client";
// A toast when a CRITICAL alert fires (or a resolved one comes back) while the member is in the
// app: the live count of active critical alerts went up. Not on page load: only a rise is news.
// Shown in the app's one toast stack (components/undo/undo-host.tsx), above any undo toast.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";

const SHOWN_MS = 15_000;

export function CriticalAlertToast({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.alerts.count.queryOptions(), refetchInterval: useFallbackPoll() });
  const critical = data?.activeBySeverity.CRITICAL;
  const previous = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (critical === undefined) return;
    const before = previous.current;
    previous.current = critical;
    if (before === undefined || critical <= before) return;
    toast.custom(
      (id) => (
        <div role="alert" className="flex w-[var(--width)] max-w-full items-start gap-3 rounded-lg border border-red-200 bg-white px-4 py-3 text-sm shadow-lg">
          <span className="mt-1 size-2.5 shrink-0 rounded-full bg-red-600" aria-hidden />
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-900">A critical alert fired</p>
            <Link href={`/t/${slug}/alerts`} onClick={() => toast.dismiss(id)} className="text-brand-700 underline-offset-2 hover:underline">
              Open alerts
            </Link>
          </div>
          <button type="button" onClick={() => toast.dismiss(id)} className="text-slate-500 hover:text-slate-800" aria-label="Dismiss">
            ×
          </button>
        </div>
      ),
      { id: "critical-alert", duration: SHOWN_MS },
    );
  }, [critical, slug]);

  return null;
}
