"use client";
// Finished case exports that can still be downloaded, newest first: where people come back for a
// file they exported earlier (the cases list offers it only while the export runs).
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { fileHref } from "@/components/imports/import-status";
import { useTRPC } from "@/trpc/react";
import { PAST_EXPORTS_INPUT } from "./queries";
import { formatInZone } from "@/lib/format";

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function PastExports({ slug, timeZone }: { slug: string; timeZone: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.imports.exports.queryOptions(PAST_EXPORTS_INPUT));
  const items = data?.items ?? [];

  return (
    <section aria-labelledby="past-exports-heading" className="mt-6">
      <h2 id="past-exports-heading" className="text-base font-semibold">Past exports</h2>
      <p className="mt-1 text-sm text-slate-500">
        CSV files exported from the <Link href={`/t/${slug}/cases`} className="font-medium text-brand-600 hover:underline">cases list</Link>, kept for a limited time.
      </p>
      {items.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">
          No exports to download. Use “Export CSV” on the cases list.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          {items.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {file.rows === null ? "Export of cases" : `Export of ${file.rows.toLocaleString("en")} ${file.rows === 1 ? "case" : "cases"}`}
                  <span className="ml-2 font-normal text-slate-500">{file.filename}</span>
                </p>
                <p className="text-xs text-slate-500">
                  {file.createdBy ? `${file.createdBy} · ` : ""}
                  {formatInZone(file.createdAt, timeZone)} · {size(file.size)}
                  {file.expiresAt ? ` · available until ${formatInZone(file.expiresAt, timeZone)}` : ""}
                </p>
              </div>
              <div className="flex items-center gap-3">
                {file.jobId ? (
                  <Link href={`/t/${slug}/jobs/${file.jobId}`} className="text-xs text-slate-500 hover:text-slate-800">
                    Job
                  </Link>
                ) : null}
                <a
                  href={fileHref(slug, file.id)}
                  download
                  className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50"
                >
                  Download
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
