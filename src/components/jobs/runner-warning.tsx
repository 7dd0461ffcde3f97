"use client";
import { useQuery } from "@tanstack/react-query";
import { timeAgo } from "@/lib/format";
import { useTRPC } from "@/trpc/react";

/**
 * Says so when no job runner has been seen for a minute: waiting jobs (exports, imports) would
 * otherwise sit at "Waiting 0%" with no hint why. Checks every 15 s while the page is open.
 */
export function RunnerWarning() {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.jobs.runnerStatus.queryOptions(), refetchInterval: 15_000 });
  if (!data?.stale) return null;
  return (
    <p role="alert" className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800" suppressHydrationWarning>
      Background jobs are not running: no job runner has been seen {data.lastSeenAt ? `since ${timeAgo(data.lastSeenAt)}` : "yet"}. Waiting jobs start
      once one runs (the app runs jobs itself unless <code>JOBS_IN_PROCESS=false</code>; otherwise start <code>npm run jobs:work</code>).
    </p>
  );
}
