"use client";
// "Export CSV" of the cases list's current filter; the job-following lives in ExportJobButton.
import { exportCasesAction } from "@/components/imports/import-actions";
import { ExportJobButton } from "@/components/jobs/export-job-button";
import type { CaseListQuery } from "@/lib/validations/case-filters";

export function ExportButton({ slug, query, canExport }: { slug: string; query: CaseListQuery; canExport: boolean }) {
  if (!canExport) return null;
  return <ExportJobButton slug={slug} action={() => exportCasesAction(query)} />;
}
