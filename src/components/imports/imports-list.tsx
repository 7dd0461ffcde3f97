"use client";
// The tenant's imports with status, progress and counts, kept current by the live stream.
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { JobProgress } from "@/components/jobs/job-status";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { cancelImportAction } from "./import-actions";
import { fileHref, ImportStatusBadge, isImportActive } from "./import-status";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function ImportsList({ slug, onMap }: { slug: string; onMap: (id: string) => void }) {
  const trpc = useTRPC();
  const { data, refetch } = useSuspenseQuery({ ...trpc.imports.list.queryOptions({ limit: 50 }), refetchInterval: useFallbackPoll() });
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  if (data.items.length === 0) return <p className="mt-4 text-sm text-slate-500">No imports yet.</p>;
  const cancel = (id: string) =>
    startTransition(async () => {
      const result = await cancelImportAction(slug, id);
      setMessage(result.ok ? null : result.error.message);
      await refetch();
    });

  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      {message ? (
        <p role="alert" className="bg-red-50 px-3 py-2 text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">File</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Progress</th>
            <th className="px-3 py-2 font-medium">Rows</th>
            <th className="px-3 py-2 font-medium" />
          </tr>
        </thead>
        <tbody>
          {data.items.map((i) => (
            <tr key={i.id} className="border-b border-slate-100 last:border-0" data-testid="import-row">
              <td className="px-3 py-2">
                <div className="font-medium text-slate-900">{i.file?.filename ?? "—"}</div>
                <div className="text-xs text-slate-500">
                  {i.entity === "cases" ? "Cases" : "Customers"} · {when.format(i.createdAt)}
                </div>
              </td>
              <td className="px-3 py-2">
                <ImportStatusBadge status={i.status} />
                {i.error ? <div className="mt-1 max-w-xs truncate text-xs text-red-700" title={i.error}>{i.error}</div> : null}
              </td>
              <td className="px-3 py-2">
                {i.status === "UPLOADED" ? "—" : <JobProgress value={i.progress} status={i.status === "SUCCEEDED" ? "SUCCEEDED" : "RUNNING"} />}
                {isImportActive(i.status) && i.stage ? <div className="mt-1 text-xs text-slate-500">{i.stage}</div> : null}
              </td>
              <td className="px-3 py-2 text-xs tabular-nums text-slate-600" data-testid="import-counts">
                {i.status === "UPLOADED" ? (
                  "—"
                ) : (
                  <>
                    {i.totalRows} total · {i.importedRows} imported · {i.duplicateRows} duplicates · {i.rejectedRows} rejected
                  </>
                )}
              </td>
              <td className="space-x-2 whitespace-nowrap px-3 py-2 text-right">
                {i.status === "UPLOADED" ? (
                  <Button size="sm" onClick={() => onMap(i.id)}>
                    Map columns
                  </Button>
                ) : null}
                {i.rejectsFileId ? (
                  <a className="text-sm font-medium text-brand-600 hover:underline" href={fileHref(slug, i.rejectsFileId)} download>
                    Rejected rows
                  </a>
                ) : null}
                {i.status === "UPLOADED" || isImportActive(i.status) ? (
                  <Button size="sm" variant="secondary" disabled={pending} onClick={() => cancel(i.id)}>
                    Cancel
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
