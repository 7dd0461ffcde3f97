"use client";
import { useQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { fileHref } from "@/components/imports/import-status";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { cancelJobAction, retryJobAction } from "./job-actions";
import { isActive, JobProgress, JobStatusBadge } from "./job-status";
import { RunnerWarning } from "./runner-warning";
import { formatInZone, zoneLabel } from "@/lib/format";

interface ErrorEntry {
  attempt?: number;
  at?: string;
  message?: string;
}

export function JobDetail({ slug, id, canManage, timeZone }: { slug: string; id: string; canManage: boolean; timeZone: string }) {
  const trpc = useTRPC();
  // Status and progress arrive over the live stream (src/trpc/realtime); a slow poll only while it is down.
  const { data: job, error, refetch } = useQuery({ ...trpc.jobs.get.queryOptions({ id }), refetchInterval: useFallbackPoll() });
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  if (error) return <p className="mt-6 text-sm text-red-700">This job could not be loaded: {error.message}</p>;
  if (!job) return null;

  const act = (fn: typeof cancelJobAction) =>
    startTransition(async () => {
      const result = await fn(slug, id);
      setMessage(result.ok ? null : result.error.message);
      await refetch();
    });
  const errors = Array.isArray(job.errorHistory) ? (job.errorHistory as ErrorEntry[]) : [];
  const at = (date: Date | string | null) => formatInZone(date, timeZone, { seconds: true });

  return (
    <div className="mt-3 space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-lg font-semibold">{job.title}</h1>
          <p className="mt-1 text-sm text-slate-500">
            Started by <span className="font-medium text-slate-700">{job.startedBy.name}</span>
            {job.startedBy.type === "apiKey" ? " (API key)" : null} · {at(job.createdAt)}
          </p>
          {job.stage && isActive(job.status) ? <p className="mt-1 text-sm text-slate-500">{job.stage}</p> : null}
        </div>
        <div className="flex items-center gap-3">
          <JobStatusBadge status={job.status} />
          {canManage && isActive(job.status) && !job.cancelRequestedAt ? (
            <Button variant="secondary" size="sm" disabled={pending} onClick={() => act(cancelJobAction)}>
              Cancel
            </Button>
          ) : null}
          {canManage && (job.status === "DEAD" || job.status === "CANCELLED" || job.status === "FAILED") ? (
            <Button size="sm" disabled={pending} onClick={() => act(retryJobAction)}>
              Retry
            </Button>
          ) : null}
        </div>
      </div>
      {message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {message}
        </p>
      ) : null}
      {isActive(job.status) ? <RunnerWarning /> : null}
      {job.error ? (
        <div role="status" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm">
          <p className="font-medium text-red-800">{job.error}</p>
          <details className="mt-2 text-red-900">
            <summary className="cursor-pointer text-xs font-medium text-red-700">Technical details</summary>
            {job.lastError ? <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words text-xs">{job.lastError}</pre> : null}
            {errors.length > 0 ? (
              <ol className="mt-2 space-y-2">
                {errors.map((e, i) => (
                  <li key={i} className="text-xs">
                    <span className="font-medium">Attempt {e.attempt ?? i + 1}</span>
                    {e.at ? <span className="ml-2">{at(e.at)}</span> : null}
                    <p className="mt-0.5 whitespace-pre-wrap break-words font-mono">{e.message}</p>
                  </li>
                ))}
              </ol>
            ) : null}
          </details>
        </div>
      ) : null}
      {job.downloads.length > 0 ? (
        <div className="flex flex-wrap gap-3">
          {job.downloads.map((d) => (
            <a
              key={d.fileId}
              href={fileHref(slug, d.fileId)}
              download
              className="inline-flex h-9 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              {d.label}
              <span className="ml-2 font-normal opacity-80">{d.filename}</span>
            </a>
          ))}
        </div>
      ) : null}
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm sm:grid-cols-3">
        <Fact label="Progress">
          <JobProgress value={job.progress} status={job.status} />
        </Fact>
        <Fact label="Attempts">{`${job.attempts} of ${job.maxAttempts}`}</Fact>
        <Fact label="Created">{at(job.createdAt)}</Fact>
        <Fact label="Runs at">{at(job.runAt)}</Fact>
        <Fact label="Started">{at(job.startedAt)}</Fact>
        <Fact label="Finished">{at(job.finishedAt)}</Fact>
        <p className="text-xs text-slate-500 sm:col-span-3">Times in {zoneLabel(timeZone)}.</p>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <Fields title="What it does" fields={job.fields} empty="Nothing to set: this job always does the same." />
        {job.resultFields.length > 0 || job.status === "SUCCEEDED" ? (
          <Fields title="Outcome" fields={job.resultFields} empty="Done, nothing to report." />
        ) : null}
      </div>
    </div>
  );
}

function Fields({ title, fields, empty }: { title: string; fields: { label: string; value: string }[]; empty: string }) {
  return (
    <section>
      <h2 className="text-sm font-medium text-slate-500">{title}</h2>
      {fields.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{empty}</p>
      ) : (
        <dl className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
          {fields.map((f, i) => (
            <div key={`${f.label}-${i}`} className="grid grid-cols-[minmax(7rem,40%)_1fr] gap-3 px-4 py-2.5">
              <dt className="text-slate-500">{f.label}</dt>
              <dd className="break-words text-slate-900">{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-slate-900">{children}</dd>
    </div>
  );
}
