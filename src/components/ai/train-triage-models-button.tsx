"use client";
// "Train now" in the learned triage panel: waits for models newer than the ones shown.
import { RunAndRefreshButton } from "@/components/insights/run-and-refresh-button";
import { trainTriageModelsAction } from "./ai-actions";

export function TrainTriageModelsButton({ marker }: { marker: string | null }) {
  return <RunAndRefreshButton marker={marker} action={trainTriageModelsAction} label="Train now" busyLabel="Training…" />;
}
