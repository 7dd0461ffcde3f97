// Whether the team is in, by the tenant's working hours (the schedule SLA clocks count in): the
// widget says so, and outside them asks for an e-mail so the answer can reach the visitor.
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { addWorkingMs } from "@/server/services/cases/sla";

export function businessHoursNow(settings: Pick<TenantSettings, "timeZone" | "workingHours">, now = new Date()): { open: boolean; nextOpenAt: Date | null } {
  // The first working instant from now: now itself within hours, else the next opening.
  const next = addWorkingMs(now, 0, settings);
  const open = next.getTime() === now.getTime();
  return { open, nextOpenAt: open ? null : next };
}
