"use server";
// UI mutations for insights: the same procedures scripts call.
import type { ActionResult } from "@/lib/action-result";
import type { ReportQueryInput } from "@/lib/validations/reports";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function exportReportAction(query: ReportQueryInput): Promise<ActionResult<{ jobId: string }>> {
  return runAction(() => api.insights.exportReport(query));
}

export async function rebuildReportsAction(): Promise<ActionResult<{ jobId: string }>> {
  return runAction(() => api.insights.rebuildReports());
}

export async function recomputeTrendingAction(): Promise<ActionResult<{ jobId: string }>> {
  return runAction(() => api.insights.recomputeTrending());
}
