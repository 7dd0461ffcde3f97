"use client";
// "Recompute now" on the trending page: waits for a newer run than the one shown.
import { recomputeTrendingAction } from "./insights-actions";
import { RunAndRefreshButton } from "./run-and-refresh-button";

export function RecomputeTrendingButton({ runId }: { runId: string | null }) {
  return <RunAndRefreshButton marker={runId} action={recomputeTrendingAction} label="Recompute now" busyLabel="Computing…" />;
}
