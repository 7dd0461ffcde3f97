import { Badge } from "@/components/ui/badge";

export function TenantStatusBadge({ status, deletionScheduledFor }: { status: "ACTIVE" | "SUSPENDED"; deletionScheduledFor: Date | null }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={status === "ACTIVE" ? "green" : "yellow"}>{status === "ACTIVE" ? "Active" : "Suspended"}</Badge>
      {deletionScheduledFor ? <Badge tone="red">Deletion scheduled</Badge> : null}
    </span>
  );
}
