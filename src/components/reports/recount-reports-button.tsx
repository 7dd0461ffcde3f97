"use client";
// "Recount" on the reports page (admins): forgets the rollups and counts every case again, then
// waits for the new count to finish. A repair; the rollups follow the cases on their own.
import { useState } from "react";
import { rebuildReportsAction } from "@/components/insights/insights-actions";
import { RunAndRefreshButton } from "@/components/insights/run-and-refresh-button";

export function RecountReportsButton({ countedAt }: { countedAt: string | null }) {
  // While the recount runs the page reads "not counted" (null): that is not the end yet, so the
  // button keeps waiting for a count time other than the one it started from.
  const [lastCount, setLastCount] = useState(countedAt);
  if (countedAt && countedAt !== lastCount) setLastCount(countedAt);
  return <RunAndRefreshButton marker={countedAt ?? lastCount} action={rebuildReportsAction} label="Recount" busyLabel="Counting…" />;
}
