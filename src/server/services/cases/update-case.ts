import type { z } from "zod";
import type { updateCaseSchema } from "@/lib/validations/case";
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import type { Caller } from "./actor";
import { recordCaseEvents, type CaseEventInput } from "./case-events";
import type { CaseDetail } from "./case-select";
import { loadCaseDetail } from "./load-case";
import { computeSlaDue } from "./sla";
import { checkCaseClassification, loadTenantSettings } from "./tenant-settings";
import { updateCaseAtVersion, staleCaseConflict } from "./versioned-update";

export type UpdateCaseInput = z.output<typeof updateCaseSchema>;

const FIELD_KEYS = ["title", "description", "category", "businessUnit"] as const;

export async function ensureCustomerExists(db: TenantDb, customerId: string): Promise<void> {
  const customer = await db.customer.findFirst({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw notFound("Customer");
}

/** Edits the case's fields at the version the editor read; each kind of change becomes a timeline event. */
export async function updateCase(db: TenantDb, caller: Caller, input: UpdateCaseInput): Promise<CaseDetail> {
  const current = await db.case.findFirst({
    where: { id: input.id },
    select: {
      version: true,
      title: true,
      description: true,
      category: true,
      businessUnit: true,
      priority: true,
      tags: true,
      customerId: true,
      createdAt: true,
      status: true,
    },
  });
  if (!current) throw notFound("Case");
  if (current.version !== input.version) throw await staleCaseConflict(db, input.id, caller);
  if (current.status === "CLOSED") throw new AppError("BAD_REQUEST", "A closed case cannot be edited");

  const data: Prisma.CaseUncheckedUpdateManyInput = {};
  const events: CaseEventInput[] = [];
  const fieldsFrom: Record<string, unknown> = {};
  const fieldsTo: Record<string, unknown> = {};
  for (const key of FIELD_KEYS) {
    const next = input[key];
    if (next !== undefined && next !== current[key]) {
      (data as Record<string, unknown>)[key] = next;
      fieldsFrom[key] = current[key];
      fieldsTo[key] = next;
    }
  }
  let settings: TenantSettings | undefined;
  const tenantSettings = async () => (settings ??= await loadTenantSettings(db));
  // Only a value being chosen is checked: a case keeps an archived category it already has.
  if ("category" in fieldsTo || "businessUnit" in fieldsTo) {
    checkCaseClassification(await tenantSettings(), { category: fieldsTo.category as string | null | undefined, businessUnit: fieldsTo.businessUnit as string | null | undefined });
  }
  if (Object.keys(fieldsTo).length > 0) events.push({ caseId: input.id, type: "fields_changed", from: fieldsFrom, to: fieldsTo });

  if (input.priority !== undefined && input.priority !== current.priority) {
    data.priority = input.priority;
    // Targets follow the priority, counted from when the case came in.
    Object.assign(data, computeSlaDue(current.createdAt, input.priority, await tenantSettings()));
    events.push({ caseId: input.id, type: "priority_changed", from: current.priority, to: input.priority });
  }
  if (input.tags !== undefined) {
    const tags = [...new Set(input.tags)];
    if (tags.join("\u0000") !== current.tags.join("\u0000")) {
      data.tags = tags;
      events.push({ caseId: input.id, type: "tags_changed", from: current.tags, to: tags });
    }
  }
  if (input.customerId !== undefined && input.customerId !== current.customerId) {
    if (input.customerId) await ensureCustomerExists(db, input.customerId);
    data.customerId = input.customerId;
    events.push({ caseId: input.id, type: "customer_changed", from: current.customerId, to: input.customerId });
  }

  if (events.length > 0) {
    await updateCaseAtVersion(db, caller, input.id, input.version, data);
    await recordCaseEvents(db, events);
    await recordAudit(db, {
      action: "case.updated",
      targetType: "case",
      targetId: input.id,
      diff: { changed: events.map((e) => e.type), fields: Object.keys(data) },
    });
  }
  return loadCaseDetail(db, { id: input.id }, caller);
}
