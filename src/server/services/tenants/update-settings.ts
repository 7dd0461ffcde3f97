// Writes the tenant's settings (a patch: fields left out keep their value) and audits what changed.
// The default assignee must be a member who can work cases, or new cases would land on nobody.
import {
  ARCHIVED_LIST,
  CHOICE_LISTS,
  parseTenantSettings,
  type TenantSettings,
  type UpdateTenantSettingsValues,
} from "@/lib/validations/tenant-settings";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { enqueue } from "@/server/jobs";
import { forgetCountedDays } from "@/server/services/insights/trending/baseline-days";
import { reindexSearchJob } from "@/server/services/search/reindex-search";

/** Trimmed, without duplicates (case-insensitively), in the order given. */
export function uniqueList(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Lists de-duplicated, days sorted, and a value in use never also archived. */
export function normaliseSettings(settings: TenantSettings): TenantSettings {
  const next: TenantSettings = {
    ...settings,
    businessUnits: uniqueList(settings.businessUnits),
    caseCategories: uniqueList(settings.caseCategories),
    escalationLevels: uniqueList(settings.escalationLevels),
    workingHours: { ...settings.workingHours, days: [...new Set(settings.workingHours.days)].sort((a, b) => a - b) },
  };
  for (const list of CHOICE_LISTS) {
    const active = new Set(next[list].map((v) => v.toLowerCase()));
    next[ARCHIVED_LIST[list]] = uniqueList(settings[ARCHIVED_LIST[list]]).filter((v) => !active.has(v.toLowerCase()));
  }
  return next;
}

export async function updateTenantSettings(db: TenantDb, tenantId: string, input: UpdateTenantSettingsValues): Promise<TenantSettings> {
  const row = await db.tenant.findFirstOrThrow({ select: { settings: true } });
  const before = parseTenantSettings(row.settings);
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  // AI settings are a patch of their own: a form that sets the daily budget keeps the rest.
  const ai = input.ai ? { ...before.ai, ...input.ai, autoApply: { ...before.ai.autoApply, ...input.ai.autoApply } } : before.ai;
  const trending = { ...before.trending, ...input.trending };
  const next = normaliseSettings({ ...before, ...given, ai, trending });
  if (input.defaultAssigneeId) {
    const member = await db.membership.findFirst({ where: { userId: input.defaultAssigneeId }, select: { role: true } });
    if (!member || member.role === "VIEWER") {
      throw new AppError("BAD_REQUEST", "Some fields are not valid", {
        fieldErrors: { defaultAssigneeId: ["Choose a member who can work cases"] },
      });
    }
  }
  if (next.textLanguage !== before.textLanguage) {
    // Trending topics' counted days hold words stemmed in the old language: counted again next run.
    await forgetCountedDays(db);
    // The stored search vectors too: written again in the new language, in the background.
    await enqueue(reindexSearchJob, {}, { db });
  }
  return saveSettings(db, tenantId, before, next, "tenant.settings_updated");
}

/** Stores `next` if it differs from `before`, auditing the keys that changed under `action`. */
export async function saveSettings(
  db: TenantDb,
  tenantId: string,
  before: TenantSettings,
  next: TenantSettings,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<TenantSettings> {
  const diff: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof TenantSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) diff[key] = { from: before[key], to: next[key] };
  }
  if (Object.keys(diff).length === 0) return before;
  await db.tenant.update({ where: { id: tenantId }, data: { settings: next }, select: { id: true } });
  await recordAudit(db, { action, targetType: "tenant", targetId: tenantId, diff: { ...diff, ...extra } });
  return next;
}
