import { Badge } from "@/components/ui/badge";
import { timeAgo } from "@/lib/format";
import type { CaseSummary } from "./case-types";

type Clock = CaseSummary["sla"]["resolution"];

const DUE_SOON_MS = 2 * 60 * 60 * 1000;
const dueSoon = (dueAt: Date) => dueAt.getTime() - Date.now() < DUE_SOON_MS;

// Relative times read the clock, so the server and browser renders may differ by a minute.
/** One SLA clock in words: "due in 3 hours", "breached 2 days ago", "paused", or nothing when it has no target. */
export function SlaBadge({ clock, label, stoppedOnly = false }: { clock: Clock; label?: string; stoppedOnly?: boolean }) {
  if (clock.state === "none" || !clock.dueAt) return null;
  if (stoppedOnly && clock.state !== "met" && clock.state !== "missed") return null;
  const prefix = label ? `${label} ` : "";
  if (clock.state === "breached") return <Badge tone="red" suppressHydrationWarning>{prefix}breached {timeAgo(clock.dueAt)}</Badge>;
  if (clock.state === "missed") return <Badge tone="yellow">{prefix}missed</Badge>;
  if (clock.state === "met") return <Badge tone="green">{prefix}met</Badge>;
  if (clock.state === "paused") {
    return (
      <Badge tone="gray" title="Waiting on the customer: the clock resumes with the time it had left when the case is open again">
        {prefix}paused
      </Badge>
    );
  }
  return <Badge tone={dueSoon(clock.dueAt) ? "yellow" : "gray"} suppressHydrationWarning>{prefix}due {timeAgo(clock.dueAt)}</Badge>;
}
