// The one rule for the zone times are shown in: the reader's own, if they chose one in their
// profile, else the organisation's. (Working hours, SLA targets and per-day reports keep the
// organisation's zone: they describe the organisation's day, not the reader's.)
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { currentContext } from "@/server/context/request-context";
import type { TenantDb } from "@/server/db/tenant-db";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";

export async function displayTimeZone(db: TenantDb, settings?: TenantSettings): Promise<string> {
  const actor = currentContext()?.actor;
  // API keys and the system have no profile: theirs is the organisation's.
  if (actor?.type === "user") {
    const user = await db.user.findFirst({ where: { id: actor.id }, select: { timeZone: true } });
    if (user?.timeZone) return user.timeZone;
  }
  return (settings ?? (await loadTenantSettings(db))).timeZone;
}
