import { Badge } from "@/components/ui/badge";

const TONE = { PENDING: "blue", RUNNING: "purple", FAILED: "yellow", DEAD: "red", CANCELLED: "gray", SUCCEEDED: "green" } as const;
const LABEL = { PENDING: "Waiting", RUNNING: "Running", FAILED: "Retrying", DEAD: "Failed", CANCELLED: "Cancelled", SUCCEEDED: "Done" } as const;

export type JobStatusValue = keyof typeof TONE;

export function JobStatusBadge({ status }: { status: JobStatusValue }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}

export function JobProgress({ value, status }: { value: number; status: JobStatusValue }) {
  const done = status === "SUCCEEDED";
  const width = done ? 100 : Math.max(0, Math.min(100, value));
  return (
    <div className="flex items-center gap-2" aria-label={`${width}% done`}>
      <div className="h-1.5 w-24 overflow-hidden rounded-full bg-slate-100">
        <div className={`h-full rounded-full ${done ? "bg-green-500" : "bg-brand-500"}`} style={{ width: `${width}%` }} />
      </div>
      <span className="text-xs tabular-nums text-slate-500">{width}%</span>
    </div>
  );
}

/** Jobs still moving: their progress arrives as live events while any is listed. */
export const isActive = (status: JobStatusValue) => status === "PENDING" || status === "RUNNING" || status === "FAILED";
