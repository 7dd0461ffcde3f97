"use client";
// "Export CSV" of the report on screen (its resolved range, dimension and periods): the export
// job and its download, as on the cases list.
import { exportReportAction } from "@/components/insights/insights-actions";
import { ExportJobButton } from "@/components/jobs/export-job-button";
import type { ReportQuery } from "@/lib/validations/reports";

export function ReportExportButton({ slug, query }: { slug: string; query: ReportQuery }) {
  return <ExportJobButton slug={slug} action={() => exportReportAction(query)} />;
}
