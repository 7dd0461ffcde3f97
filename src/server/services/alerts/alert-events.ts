// Tells open pages (lists, the sidebar's count, an open alert) that an alert changed. Ids and
// non-personal fields only, like every realtime event: pages refetch through the procedures.
import type { AlertSeverity, AlertStatus } from "@/lib/validations/alert";
import { emitEvents } from "@/server/realtime/emit";

export type AlertChange = "created" | "recurred" | "updated" | "acknowledged" | "resolved" | "reopened" | "assigned" | "deleted";

export function alertChanged(id: string, change: AlertChange, state: { status?: AlertStatus; severity?: AlertSeverity } = {}): void {
  emitEvents({
    kind: change === "created" ? "alert.created" : "alert.updated",
    entityId: id,
    data: { change, ...(state.status ? { status: state.status } : {}), ...(state.severity ? { severity: state.severity } : {}) },
  });
}
