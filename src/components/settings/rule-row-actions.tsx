// What settings managers do to one rule in a list of rules (escalation, alerts): switch it off or
// on, edit it, delete it.
import { Button } from "@/components/ui/button";

export function RuleRowActions({
  name,
  enabled,
  pending,
  onToggle,
  onEdit,
  onDelete,
}: {
  name: string;
  enabled: boolean;
  pending: boolean;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={onToggle}>
        {enabled ? "Turn off" : "Turn on"}
      </Button>
      <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={onEdit}>
        Edit
      </Button>
      <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={onDelete} aria-label={`Delete rule ${name}`}>
        Delete
      </Button>
    </div>
  );
}
