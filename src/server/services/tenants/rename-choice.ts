// Renames a case category or business unit everywhere it is stored, in the one transaction, so a
// report or filter never splits "Billing" from "Invoices" halfway: the settings list (in place, or
// in the archive), cases, and for a business unit also teams, alerts, alert rules and feed
// audiences; saved views and alert-rule conditions name values inside JSON and are rewritten too.
// Cases keep their version and updated time: a rename is a word changed for the whole tenant, not
// an edit of each case, so nobody's open form goes stale because of it.
import { ARCHIVED_LIST, parseTenantSettings, type ChoiceList, type TenantSettings } from "@/lib/validations/tenant-settings";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { saveSettings } from "./update-settings";

/** The JSON keys that hold a value of each list: alert-rule scopes and case-list filters. */
const JSON_KEYS: Record<ChoiceList, ReadonlySet<string>> = {
  caseCategories: new Set(["category", "notCategory"]),
  businessUnits: new Set(["businessUnit", "notBusinessUnit"]),
};

/** `value` with every `from` under one of `keys` (a string or a list's item) replaced by `to`. */
export function renameInJson(value: unknown, keys: ReadonlySet<string>, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameInJson(item, keys, from, to));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (!keys.has(key)) return [key, renameInJson(inner, keys, from, to)];
      if (inner === from) return [key, to];
      if (Array.isArray(inner)) return [key, inner.map((item) => (item === from ? to : item))];
      return [key, inner];
    }),
  );
}

const invalid = (field: "from" | "to", message: string) => new AppError("BAD_REQUEST", "Some fields are not valid", { fieldErrors: { [field]: [message] } });

export interface RenameResult {
  settings: TenantSettings;
  /** Cases whose value changed. */
  cases: number;
}

export async function renameChoice(db: TenantDb, tenantId: string, input: { list: ChoiceList; from: string; to: string }): Promise<RenameResult> {
  const { list, from, to } = input;
  const row = await db.tenant.findFirstOrThrow({ select: { settings: true } });
  const before = parseTenantSettings(row.settings);
  const archivedList = ARCHIVED_LIST[list];
  const inList = before[list].includes(from) ? list : before[archivedList].includes(from) ? archivedList : null;
  if (!inList) throw invalid("from", "This value is not in the list; reload the page");
  if (from === to) return { settings: before, cases: 0 };
  // A rename to an existing name would merge two values; only a change of case is the same one.
  const clash = [...before[list], ...before[archivedList]].some((v) => v !== from && v.toLowerCase() === to.toLowerCase());
  if (clash) throw invalid("to", `“${to}” is already in the list`);

  const next: TenantSettings = { ...before, [inList]: before[inList].map((v) => (v === from ? to : v)) };
  const field = list === "caseCategories" ? "category" : "businessUnit";
  const cases = (await db.case.updateMany({ where: { [field]: from }, data: { [field]: to } })).count;
  if (list === "businessUnits") {
    await db.team.updateMany({ where: { businessUnit: from }, data: { businessUnit: to } });
    await db.alert.updateMany({ where: { businessUnit: from }, data: { businessUnit: to } });
    await db.alertRule.updateMany({ where: { businessUnit: from }, data: { businessUnit: to } });
    await db.feedItem.updateMany({ where: { audienceKind: "BUSINESS_UNIT", audienceValue: from }, data: { audienceValue: to } });
  }
  const keys = JSON_KEYS[list];
  for (const rule of await db.alertRule.findMany({ select: { id: true, params: true } })) {
    const params = renameInJson(rule.params, keys, from, to);
    if (JSON.stringify(params) !== JSON.stringify(rule.params)) {
      await db.alertRule.updateMany({ where: { id: rule.id }, data: { params: params as Prisma.InputJsonValue } });
    }
  }
  for (const view of await db.savedView.findMany({ select: { id: true, filters: true } })) {
    const filters = renameInJson(view.filters, keys, from, to);
    if (JSON.stringify(filters) !== JSON.stringify(view.filters)) {
      await db.savedView.updateMany({ where: { id: view.id }, data: { filters: filters as Prisma.InputJsonValue } });
    }
  }
  const settings = await saveSettings(db, tenantId, before, next, "tenant.choice_renamed", { renamed: { from, to }, cases });
  return { settings, cases };
}
