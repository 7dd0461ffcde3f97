"use client";
// Active (not yet acknowledged) alerts beside "Alerts" in the sidebar: red while any is CRITICAL.
// Live: alert changes invalidate the alerts queries over the stream.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { cn } from "@/lib/utils";

export function AlertCount() {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.alerts.count.queryOptions(), refetchInterval: useFallbackPoll() });
  const active = data ? data.activeBySeverity.INFO + data.activeBySeverity.WARNING + data.activeBySeverity.CRITICAL : 0;
  if (!active) return null;
  const critical = data!.activeBySeverity.CRITICAL;
  return (
    <span
      className={cn("ml-auto rounded-full px-1.5 text-xs font-semibold leading-5", critical ? "bg-red-600 text-white" : "bg-amber-100 text-amber-900")}
      aria-label={critical ? `${active} active alerts, ${critical} critical` : `${active} active alerts`}
    >
      {active > 99 ? "99+" : active}
    </span>
  );
}
