// Stores a triage's suggestions on a case, whoever made them (the AI's run, or the tenant's learned
// model with no run): a suggestion a member already decided stays as decided, the rest are
// replaced, and those the tenant trusts above a confidence are applied through the same update as
// a member's, so the case's history says what changed.
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { emitEvents } from "@/server/realtime/emit";
import { updateCase } from "@/server/services/cases/update-case";
import { isApplicable, type ApplicableField, type SuggestionField } from "./suggestion-fields";
import { withCaseTags } from "./case-suggestions";

const SYSTEM_CALLER = { userId: null, canReadPii: false } as const;

export interface Proposal {
  field: SuggestionField;
  value: string | string[];
  reason: string;
  confidence: number;
}

export interface StoreOptions {
  /** Leave fields that already have a suggestion alone (the learned model never replaces the AI's). */
  keepExisting?: boolean;
  /** Apply nothing, whatever the thresholds (suggestions for cases that were open before a model existed). */
  suggestOnly?: boolean;
}

/** Upserts the proposals (a decided suggestion stays as decided) and applies the trusted ones; null when the case is gone. */
export async function storeSuggestions(
  db: TenantDb,
  caseId: string,
  runId: string | null,
  proposals: Proposal[],
  settings: TenantSettings,
  options: StoreOptions = {},
): Promise<ApplicableField[] | null> {
  const current = await db.case.findFirst({ where: { id: caseId }, select: { tenantId: true, version: true, status: true } });
  if (!current) return null;
  const decided = new Set(
    (await db.caseSuggestion.findMany({ where: { caseId, ...(!options.keepExisting && { status: { not: "PENDING" } }) }, select: { field: true } })).map((s) => s.field),
  );
  const toApply: Partial<Record<ApplicableField, string | string[]>> = {};
  for (const p of proposals) {
    if (decided.has(p.field)) continue;
    const threshold = isApplicable(p.field) ? settings.ai.autoApply[p.field] : null;
    const apply = !options.suggestOnly && threshold !== null && p.confidence >= threshold && current.status !== "CLOSED";
    if (apply && isApplicable(p.field)) toApply[p.field] = p.value;
    const data = { runId, value: p.value as Prisma.InputJsonValue, reason: p.reason, confidence: p.confidence, status: apply ? ("APPLIED" as const) : ("PENDING" as const), decidedAt: apply ? new Date() : null };
    await db.caseSuggestion.upsert({
      where: { tenantId_caseId_field: { tenantId: current.tenantId, caseId, field: p.field } },
      create: { tenantId: current.tenantId, caseId, field: p.field, ...data },
      update: data,
    });
  }
  const fields = Object.keys(toApply) as ApplicableField[];
  if (fields.length > 0) {
    await updateCase(db, SYSTEM_CALLER, {
      id: caseId,
      version: current.version,
      ...(toApply.category !== undefined && { category: toApply.category as string }),
      ...(toApply.businessUnit !== undefined && { businessUnit: toApply.businessUnit as string }),
      ...(toApply.priority !== undefined && { priority: toApply.priority as "LOW" | "NORMAL" | "HIGH" | "URGENT" }),
      ...(toApply.tags !== undefined && { tags: await withCaseTags(db, caseId, toApply.tags as string[]) }),
    });
  }
  emitEvents({ kind: "case.updated", entityId: caseId, data: { change: "suggestions" } });
  return fields;
}
