import type { z } from "zod";
import type { createCaseSchema } from "@/lib/validations/case";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import type { Caller } from "./actor";
import { recordCaseEvents } from "./case-events";
import type { CaseDetail } from "./case-select";
import { loadCaseDetail } from "./load-case";
import { computeSlaDue } from "./sla";
import { checkCaseClassification, loadTenantSettings } from "./tenant-settings";
import { ensureCustomerExists } from "./update-case";

/** A new case: numbered by the database, SLA targets from its priority, on the timeline and audited. */
export async function createCase(db: TenantDb, caller: Caller, input: z.output<typeof createCaseSchema>): Promise<CaseDetail> {
  const settings = await loadTenantSettings(db);
  checkCaseClassification(settings, input);
  if (input.customerId) await ensureCustomerExists(db, input.customerId);
  const now = new Date();
  const created = await db.case.create({
    data: {
      tenantId: requireTenantId(),
      title: input.title,
      description: input.description,
      channel: input.channel,
      priority: input.priority,
      tags: [...new Set(input.tags)],
      createdById: caller.userId,
      customerId: input.customerId ?? null,
      category: input.category ?? null,
      businessUnit: input.businessUnit ?? null,
      // New cases go to the tenant's default assignee, when it has one.
      assigneeId: settings.defaultAssigneeId && (await isAssignableMember(db, settings.defaultAssigneeId)) ? settings.defaultAssigneeId : null,
      createdAt: now,
      ...computeSlaDue(now, input.priority, settings),
    },
    select: { id: true, number: true },
  });
  await recordCaseEvents(db, [{ caseId: created.id, type: "created", to: { status: "NEW", priority: input.priority }, at: now }]);
  await recordAudit(db, {
    action: "case.created",
    targetType: "case",
    targetId: created.id,
    diff: { number: created.number, title: input.title, priority: input.priority, channel: input.channel },
  });
  return loadCaseDetail(db, { id: created.id }, caller);
}

/** A member of this tenant who may work cases (viewers only read). */
export async function isAssignableMember(db: TenantDb, userId: string): Promise<boolean> {
  const membership = await db.membership.findFirst({ where: { userId }, select: { role: true } });
  return membership !== null && membership.role !== "VIEWER";
}
