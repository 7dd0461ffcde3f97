// What an alert may point at, checked against the tenant on every write: a business unit the
// tenant lists, cases and teams of its own, an assignee who is a member able to work alerts.
// Another tenant's ids are NOT_FOUND, exactly like ids that do not exist, so they reveal nothing.
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";

/** Strict, like a team's: a unit the tenant does not list would be a filter value of its own. */
export function checkAlertBusinessUnit(settings: TenantSettings, businessUnit: string | null | undefined): void {
  if (businessUnit && !settings.businessUnits.includes(businessUnit)) {
    const message = settings.businessUnits.length ? `Choose one of: ${settings.businessUnits.join(", ")}` : "Add business units in the general settings first";
    throw new AppError("BAD_REQUEST", "Some fields are not valid", { fieldErrors: { businessUnit: [message] } });
  }
}

/** The ids without repeats, once every one is a case of this tenant. */
export async function requireRelatedCases(db: TenantDb, caseIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return ids;
  const found = await db.case.count({ where: { id: { in: ids } } });
  if (found !== ids.length) throw notFound("Case");
  return ids;
}

/** A member who may work alerts: viewers only read them, so they cannot be assigned one. */
export async function requireAlertAssignee(db: TenantDb, userId: string): Promise<void> {
  const membership = await db.membership.findFirst({ where: { userId }, select: { role: true } });
  if (!membership) throw notFound("Member");
  if (membership.role === "VIEWER") {
    throw new AppError("BAD_REQUEST", "Viewers cannot be assigned alerts", { fieldErrors: { assigneeId: ["Viewers cannot be assigned alerts"] } });
  }
}
