"use client";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { fileHref } from "@/components/imports/import-status";
import { formatInZone, timeAgo } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { JobProgress, JobStatusBadge } from "./job-status";
import { RunnerWarning } from "./runner-warning";
import { JOBS_LIST_INPUT } from "./queries";

export function JobsTable({ slug, timeZone }: { slug: string; timeZone: string }) {
  const trpc = useTRPC();
  // Status and progress arrive over the live stream (src/trpc/realtime); a slow poll only while it is down.
  const { data } = useQuery({ ...trpc.jobs.list.queryOptions(JOBS_LIST_INPUT), refetchInterval: useFallbackPoll() });
  const items = data?.items ?? [];

  if (items.length === 0) {
    return (
      <>
        <RunnerWarning />
        <div className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="text-sm font-medium">No jobs yet</p>
          <p className="mt-1 text-sm text-slate-500">Bulk updates on many cases, imports and exports run here.</p>
        </div>
      </>
    );
  }

  return (
    <>
      <RunnerWarning />
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="whitespace-nowrap bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5">Job</th>
              <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Started by</th>
              <th scope="col" className="px-4 py-2.5">Status</th>
              <th scope="col" className="hidden px-4 py-2.5 sm:table-cell">Progress</th>
              <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Created</th>
              <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Finished</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((job) => (
              <tr key={job.id} className="align-top hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link href={`/t/${slug}/jobs/${job.id}`} className="font-medium text-slate-900 hover:text-brand-700">
                    {job.title}
                  </Link>
                  {/* Who and when, for screens without those columns. */}
                  <p className="text-xs text-slate-500 lg:hidden">
                    <span className="md:hidden">{job.startedBy.name} · </span>
                    <time dateTime={job.createdAt.toISOString()} title={formatInZone(job.createdAt, timeZone)} suppressHydrationWarning>{timeAgo(job.createdAt)}</time>
                  </p>
                  {job.error ? (
                    <p className="mt-0.5 text-xs text-red-700">{job.error}</p>
                  ) : job.stage && job.status !== "SUCCEEDED" ? (
                    <p className="mt-0.5 text-xs text-slate-500">{job.stage}</p>
                  ) : null}
                  {job.downloads.map((d) => (
                    <a key={d.fileId} href={fileHref(slug, d.fileId)} download className="mt-1 inline-block text-xs font-medium text-brand-600 hover:underline">
                      {d.label} <span className="font-normal text-slate-500">({d.filename})</span>
                    </a>
                  ))}
                </td>
                <td className="hidden whitespace-nowrap px-4 py-3 md:table-cell">
                  <span className="text-slate-900">{job.startedBy.name}</span>
                  {job.startedBy.type === "apiKey" ? <p className="text-xs text-slate-500">API key</p> : null}
                </td>
                <td className="px-4 py-3">
                  <JobStatusBadge status={job.status} />
                </td>
                <td className="hidden px-4 py-3 sm:table-cell">
                  <JobProgress value={job.progress} status={job.status} />
                </td>
                <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 lg:table-cell">
                  <time dateTime={job.createdAt.toISOString()} title={formatInZone(job.createdAt, timeZone)} suppressHydrationWarning>{timeAgo(job.createdAt)}</time>
                </td>
                <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 lg:table-cell">
                  {job.finishedAt ? <time dateTime={job.finishedAt.toISOString()} title={formatInZone(job.finishedAt, timeZone)} suppressHydrationWarning>{timeAgo(job.finishedAt)}</time> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
