"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { timeAgo } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { JobProgress, JobStatusBadge } from "./job-status";
import { RunnerWarning } from "./runner-warning";

export function JobsTable({ slug }: { slug: string }) {
  const trpc = useTRPC();
  // Status and progress arrive over the live stream (src/trpc/realtime); a slow poll only while it is down.
  const { data } = useQuery({ ...trpc.jobs.list.queryOptions({ limit: 50 }), refetchInterval: useFallbackPoll() });
  const items = data?.items ?? [];

  if (items.length === 0) {
    return (
      <>
        <RunnerWarning />
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="text-sm font-medium">No jobs yet</p>
          <p className="mt-1 text-sm text-slate-500">Bulk updates on many cases, imports and exports run here.</p>
        </div>
      </>
    );
  }

  return (
    <>
      <RunnerWarning />
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5">Job</th>
              <th scope="col" className="px-4 py-2.5">Status</th>
              <th scope="col" className="px-4 py-2.5">Progress</th>
              <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Attempts</th>
              <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Created</th>
              <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Finished</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((job) => (
              <tr key={job.id} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link href={`/t/${slug}/jobs/${job.id}`} className="font-medium text-slate-900 hover:text-brand-700">
                    {job.type}
                  </Link>
                  {job.stage ? <p className="text-xs text-slate-500">{job.stage}</p> : null}
                </td>
                <td className="px-4 py-3">
                  <JobStatusBadge status={job.status} />
                </td>
                <td className="px-4 py-3">
                  <JobProgress value={job.progress} status={job.status} />
                </td>
                <td className="hidden px-4 py-3 tabular-nums text-slate-600 md:table-cell">
                  {job.attempts} / {job.maxAttempts}
                </td>
                <td className="hidden px-4 py-3 text-slate-600 md:table-cell" suppressHydrationWarning>
                  {timeAgo(job.createdAt)}
                </td>
                <td className="hidden px-4 py-3 text-slate-600 lg:table-cell" suppressHydrationWarning>
                  {job.finishedAt ? timeAgo(job.finishedAt) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
