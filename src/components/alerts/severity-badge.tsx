// An alert's (or alert rule's) severity, coloured the same on every page.
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { AlertSeverity } from "@/lib/validations/alert";

const TONE = { CRITICAL: "red", WARNING: "yellow", INFO: "blue" } as const;

export function SeverityBadge({ severity, className }: { severity: AlertSeverity; className?: string }) {
  return (
    <Badge tone={TONE[severity]} className={cn(className)}>
      {severity.charAt(0) + severity.slice(1).toLowerCase()}
    </Badge>
  );
}
