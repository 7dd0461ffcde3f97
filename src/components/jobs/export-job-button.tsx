"use client";
// "Export CSV" for any export job: runs the action that enqueues it, follows the job (its progress
// and end arrive over the live stream, with polling as the fallback), then offers the file. The
// job page shows the same job for anyone following up later. Each list binds its own action
// (cases: exportCasesAction, reports: exportReportAction).
import { useQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { fileHref } from "@/components/imports/import-status";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import type { ActionResult } from "@/lib/action-result";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";

const ACTIVE = new Set(["PENDING", "RUNNING", "FAILED"]);

export type ExportAction = () => Promise<ActionResult<{ jobId: string }>>;

export function ExportJobButton({ slug, action, label = "Export CSV" }: { slug: string; action: ExportAction; label?: string }) {
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

  const start = () =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) setJobId(result.data.jobId);
      setMessage(result.ok ? null : result.error.message);
    });
  const fileId = job?.status === "SUCCEEDED" ? (job.result as { fileId?: string } | null)?.fileId : undefined;
  const running = Boolean(jobId) && (!job || ACTIVE.has(job.status));

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Button variant="secondary" onClick={start} disabled={pending || running}>
        {running ? `Exporting… ${job?.progress ?? 0}%` : label}
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
