// The case fields the learned triage model suggests, and where each lives. Tags are left to the
// AI: a case has several, and a one-value-per-case model cannot learn them.
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { Prisma } from "@/server/db/generated/client";

export const TRIAGE_FIELDS = ["category", "businessUnit", "priority"] as const;
export type TriageField = (typeof TRIAGE_FIELDS)[number];

export const TRIAGE_FIELD_COLUMN: Record<TriageField, Prisma.Sql> = {
  category: Prisma.sql`c.category`,
  businessUnit: Prisma.sql`c.business_unit`,
  priority: Prisma.sql`c.priority::text`,
};

const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"];

/**
 * The values a field may take now (a value learned before it was archived from the list is no
 * suggestion); null when any value goes (a tenant with no list, as case writes allow).
 */
export function allowedValues(field: TriageField, settings: TenantSettings): readonly string[] | null {
  if (field === "priority") return PRIORITIES;
  const list = field === "category" ? settings.caseCategories : settings.businessUnits;
  return list.length > 0 ? list : null;
}
