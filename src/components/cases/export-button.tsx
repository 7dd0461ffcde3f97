"use client";
// "Export CSV" of the cases list's current filter: starts the export job, follows it (its
// progress and end arrive over the live stream), then offers the file. The job page shows the
// same job for anyone following up later.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useState, useTransition } from "react";
import { exportCasesAction } from "@/components/imports/import-actions";
import { fileHref } from "@/components/imports/import-status";
import { Button } from "@/components/ui/button";
import type { CaseListQuery } from "@/lib/validations/case-filters";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";

const ACTIVE = new Set(["PENDING", "RUNNING", "FAILED"]);

export function ExportButton({ slug, query, canExport }: { slug: string; query: CaseListQuery; canExport: boolean }) {
  const trpc = useTRPC();
  const [jobId, setJobId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const fallbackPoll = useFallbackPoll();
  const { data: job } = useQuery({
    ...trpc.jobs.get.queryOptions({ id: jobId ?? "" }),
    enabled: Boolean(jobId),
    refetchInterval: (q) => (!q.state.data || ACTIVE.has(q.state.data.status) ? fallbackPoll : false),
  });
  if (!canExport) return null;

  const start = () =>
    startTransition(async () => {
      const result = await exportCasesAction(query);
      if (result.ok) setJobId(result.data.jobId);
      setMessage(result.ok ? null : result.error.message);
    });
  const fileId = job?.status === "SUCCEEDED" ? (job.result as { fileId?: string } | null)?.fileId : undefined;
  const running = Boolean(jobId) && (!job || ACTIVE.has(job.status));

  return (
    <div className="flex items-center gap-2 text-sm">
      <Button variant="secondary" onClick={start} disabled={pending || running}>
        {running ? `Exporting… ${job?.progress ?? 0}%` : "Export CSV"}
      </Button>
      {fileId ? (
        <a className="font-medium text-brand-600 hover:underline" href={fileHref(slug, fileId)} download>
          Download CSV
        </a>
      ) : null}
      {job && (job.status === "DEAD" || job.status === "CANCELLED") ? (
        <Link className="text-red-700 hover:underline" href={`/t/${slug}/jobs/${job.id}`}>
          Export failed: see the job
        </Link>
      ) : null}
      {message ? (
        <span role="alert" className="text-red-700">
          {message}
        </span>
      ) : null}
    </div>
  );
}
