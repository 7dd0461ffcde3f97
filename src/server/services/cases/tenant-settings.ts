import { parseTenantSettings, type TenantSettings } from "@/lib/validations/tenant-settings";
import { AppError } from "@/server/errors/app-error";
import type { TenantDb } from "@/server/db/tenant-db";

/** The current tenant's settings, parsed (the tenant transaction sees only its own row). */
export async function loadTenantSettings(db: TenantDb): Promise<TenantSettings> {
  const tenant = await db.tenant.findFirstOrThrow({ select: { settings: true } });
  return parseTenantSettings(tenant.settings);
}

/**
 * Category and business unit must be among the tenant's settings, when the tenant lists any:
 * they drive filters and reports, where a typo would be a category of its own.
 */
export function checkCaseClassification(
  settings: TenantSettings,
  values: { category?: string | null; businessUnit?: string | null },
): void {
  const fieldErrors: Record<string, string[]> = {};
  if (values.category && settings.caseCategories.length > 0 && !settings.caseCategories.includes(values.category)) {
    fieldErrors.category = [`Choose one of: ${settings.caseCategories.join(", ")}`];
  }
  if (values.businessUnit && settings.businessUnits.length > 0 && !settings.businessUnits.includes(values.businessUnit)) {
    fieldErrors.businessUnit = [`Choose one of: ${settings.businessUnits.join(", ")}`];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_REQUEST", "Some fields are not valid", { fieldErrors });
}
