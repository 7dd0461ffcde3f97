// Wakes every instance's hub after a tenant's log grew. Fire and forget: a lost wake-up delays
// delivery until the hub's next safety read, it never loses an event (they are in the log).
import { getBus } from "./bus";

export function publishLog(tenantId: string, seq: number): void {
  void getBus().publish({ type: "log", tenantId, seq });
}
