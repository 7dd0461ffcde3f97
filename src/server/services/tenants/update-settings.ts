// Writes the tenant's settings (validated by tenantSettingsSchema) and audits what changed.
// The default assignee must be a member who can work cases, or new cases would land on nobody.
import { parseTenantSettings, type TenantSettings } from "@/lib/validations/tenant-settings";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";

/** Trimmed, without duplicates (case-insensitively), in the order given. */
function uniqueList(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function updateTenantSettings(db: TenantDb, tenantId: string, input: TenantSettings): Promise<TenantSettings> {
  const next: TenantSettings = {
    ...input,
    businessUnits: uniqueList(input.businessUnits),
    caseCategories: uniqueList(input.caseCategories),
    escalationLevels: uniqueList(input.escalationLevels),
    workingHours: { ...input.workingHours, days: [...new Set(input.workingHours.days)].sort((a, b) => a - b) },
  };
  if (next.defaultAssigneeId) {
    const member = await db.membership.findFirst({ where: { userId: next.defaultAssigneeId }, select: { role: true } });
    if (!member || member.role === "VIEWER") {
      throw new AppError("BAD_REQUEST", "Some fields are not valid", {
        fieldErrors: { defaultAssigneeId: ["Choose a member who can work cases"] },
      });
    }
  }
  const row = await db.tenant.findFirstOrThrow({ select: { settings: true } });
  const before = parseTenantSettings(row.settings);
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(next) as (keyof TenantSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) diff[key] = { from: before[key], to: next[key] };
  }
  if (Object.keys(diff).length === 0) return before;
  await db.tenant.update({ where: { id: tenantId }, data: { settings: next }, select: { id: true } });
  await recordAudit(db, { action: "tenant.settings_updated", targetType: "tenant", targetId: tenantId, diff });
  return next;
}
