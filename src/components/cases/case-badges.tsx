import { Badge } from "@/components/ui/badge";
import { CASE_PRIORITIES } from "@/lib/case-fields";

const STATUS_TONE = { NEW: "blue", OPEN: "purple", PENDING: "yellow", SNOOZED: "gray", RESOLVED: "green", CLOSED: "gray" } as const;
const PRIORITY_TONE = { LOW: "gray", NORMAL: "blue", HIGH: "yellow", URGENT: "red" } as const;

const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();

export function StatusBadge({ status }: { status: keyof typeof STATUS_TONE }) {
  return <Badge tone={STATUS_TONE[status]}>{label(status)}</Badge>;
}

/** The priorities as <option>s, lowest first, for every select that sets or filters one. */
export function PriorityOptions() {
  return CASE_PRIORITIES.map((p) => (
    <option key={p} value={p}>
      {label(p)}
    </option>
  ));
}

export function PriorityBadge({ priority }: { priority: keyof typeof PRIORITY_TONE }) {
  return <Badge tone={PRIORITY_TONE[priority]}>{label(priority)}</Badge>;
}

/** Shown while a case is escalated (header and list); the level is one of the tenant's own names. */
export function EscalationBadge({ level, className }: { level: string | null; className?: string }) {
  if (!level) return null;
  return (
    <Badge tone="red" className={className} title={`Escalated: ${level}`}>
      <span aria-hidden>▲&nbsp;</span>
      <span className="sr-only">Escalated: </span>
      {level}
    </Badge>
  );
}

export const channelLabel = (channel: string) => (channel === "API" ? "API" : label(channel));
