// A case's triage suggestions, and a member's decision on one: accepting applies the value to the
// case through the same update as an edit (checked against the tenant's lists, on the timeline,
// audited, at the version the member read); dismissing only records the decision.
import { z } from "zod";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import type { Caller } from "@/server/services/cases/actor";
import type { CaseDetail } from "@/server/services/cases/case-select";
import { updateCase } from "@/server/services/cases/update-case";
import { emitEvents } from "@/server/realtime/emit";
import { casePrioritySchema, tagSchema } from "@/lib/validations/case";
import { APPLICABLE_FIELDS, INFO_FIELDS, isApplicable, suggestionOutput, type SuggestionView } from "./suggestion-fields";

const FIELD_ORDER = [...APPLICABLE_FIELDS, ...INFO_FIELDS] as readonly string[];

export const caseSuggestionsInput = z.object({ caseId: z.uuid() });
export const caseSuggestionsOutput = z.object({ items: z.array(suggestionOutput) });

export const decideSuggestionInput = z.object({
  caseId: z.uuid(),
  suggestionId: z.uuid(),
  decision: z.enum(["accept", "dismiss"]),
  /** The case version the member read (accepting edits the case). */
  version: z.number().int().min(1),
});

/** A stored value as the field takes it; anything else (an old shape) is no value. */
const VALUE_SCHEMA = {
  category: z.string(),
  businessUnit: z.string(),
  priority: casePrioritySchema,
  tags: z.array(tagSchema),
  language: z.string(),
  sentiment: z.string(),
  summary: z.string(),
} as const;

function view(row: { id: string; field: string; value: unknown; reason: string; confidence: number; status: SuggestionView["status"]; decidedAt: Date | null; createdAt: Date }): SuggestionView | null {
  const schema = VALUE_SCHEMA[row.field as keyof typeof VALUE_SCHEMA];
  const value = schema?.safeParse(row.value);
  if (!value?.success) return null;
  return { ...row, field: row.field as SuggestionView["field"], value: value.data, applicable: isApplicable(row.field) };
}

export async function listCaseSuggestions(db: TenantDb, caseId: string): Promise<SuggestionView[]> {
  const found = await db.case.findFirst({ where: { id: caseId }, select: { id: true } });
  if (!found) throw notFound("Case");
  const rows = await db.caseSuggestion.findMany({
    where: { caseId },
    select: { id: true, field: true, value: true, reason: true, confidence: true, status: true, decidedAt: true, createdAt: true },
  });
  return rows
    .map(view)
    .filter((v): v is SuggestionView => v !== null)
    .sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
}

export async function decideSuggestion(db: TenantDb, caller: Caller, input: z.output<typeof decideSuggestionInput>): Promise<{ suggestion: SuggestionView; case: CaseDetail | null }> {
  const row = await db.caseSuggestion.findFirst({
    where: { id: input.suggestionId, caseId: input.caseId },
    select: { id: true, field: true, value: true, reason: true, confidence: true, status: true, decidedAt: true, createdAt: true },
  });
  const current = row && view(row);
  if (!current) throw notFound("Suggestion");
  if (!current.applicable) throw new AppError("BAD_REQUEST", "This suggestion is for information only", { reason: "NOT_APPLICABLE" });
  if (current.status !== "PENDING") throw new AppError("CONFLICT", "This suggestion was already decided", { reason: "ALREADY_DECIDED", status: current.status });

  let updated: CaseDetail | null = null;
  if (input.decision === "accept") {
    // Suggested tags join the case's own; the other fields replace their value.
    const value = current.field === "tags" ? await withCaseTags(db, input.caseId, current.value as string[]) : current.value;
    const change = { [current.field]: value } as { category?: string; businessUnit?: string; priority?: "LOW" | "NORMAL" | "HIGH" | "URGENT"; tags?: string[] };
    updated = await updateCase(db, caller, { id: input.caseId, version: input.version, ...change });
  }
  const decidedAt = new Date();
  const status = input.decision === "accept" ? ("ACCEPTED" as const) : ("DISMISSED" as const);
  await db.caseSuggestion.updateMany({ where: { id: current.id }, data: { status, decidedAt, decidedById: caller.userId } });
  await recordAudit(db, { action: `case.suggestion_${input.decision === "accept" ? "accepted" : "dismissed"}`, targetType: "case", targetId: input.caseId, diff: { field: current.field, confidence: current.confidence } });
  // Accepting already told everyone through the case update; a dismissal changes only the panel.
  if (input.decision === "dismiss") emitEvents({ kind: "case.updated", entityId: input.caseId, data: { change: "suggestions" } });
  return { suggestion: { ...current, status, decidedAt }, case: updated };
}

/** The case's tags with `added` after them (each once). */
export async function withCaseTags(db: TenantDb, caseId: string, added: string[]): Promise<string[]> {
  const found = await db.case.findFirst({ where: { id: caseId }, select: { tags: true } });
  return [...new Set([...(found?.tags ?? []), ...added])];
}
