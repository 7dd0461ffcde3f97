"use client";
import { useQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { cancelJobAction, retryJobAction } from "./job-actions";
import { isActive, JobProgress, JobStatusBadge } from "./job-status";
import { RunnerWarning } from "./runner-warning";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });
const at = (date: Date | null) => (date ? when.format(date) : "—");

interface ErrorEntry {
  attempt?: number;
  at?: string;
  message?: string;
}

export function JobDetail({ slug, id, canManage }: { slug: string; id: string; canManage: boolean }) {
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

  return (
    <div className="mt-3 space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="font-mono text-lg font-semibold">{job.type}</h1>
          <p className="mt-1 text-sm text-slate-500">{job.stage ?? "No stage reported"}</p>
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
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm sm:grid-cols-3">
        <Fact label="Progress">
          <JobProgress value={job.progress} status={job.status} />
        </Fact>
        <Fact label="Attempts">{`${job.attempts} of ${job.maxAttempts}`}</Fact>
        <Fact label="Created">{at(job.createdAt)}</Fact>
        <Fact label="Runs at">{at(job.runAt)}</Fact>
        <Fact label="Started">{at(job.startedAt)}</Fact>
        <Fact label="Finished">{at(job.finishedAt)}</Fact>
      </section>
      <section>
        <h2 className="text-sm font-medium text-slate-500">Payload</h2>
        <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100">{JSON.stringify(job.payload, null, 2)}</pre>
      </section>
      {job.result ? (
        <section>
          <h2 className="text-sm font-medium text-slate-500">Result</h2>
          <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100">{JSON.stringify(job.result, null, 2)}</pre>
        </section>
      ) : null}
      {errors.length > 0 ? (
        <section>
          <h2 className="text-sm font-medium text-slate-500">Errors</h2>
          <ol className="mt-2 space-y-2">
            {errors.map((e, i) => (
              <li key={i} className="rounded-md border border-red-100 bg-red-50 px-3 py-2 text-sm">
                <span className="font-medium text-red-800">Attempt {e.attempt ?? i + 1}</span>
                {e.at ? <span className="ml-2 text-xs text-red-700">{at(new Date(e.at))}</span> : null}
                <p className="mt-1 break-words text-red-900">{e.message}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
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
