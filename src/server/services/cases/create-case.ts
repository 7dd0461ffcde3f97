import type { z } from "zod";
import type { createCaseSchema } from "@/lib/validations/case";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { caseDetailSelect, type CaseDetail } from "./case-select";

export async function createCase(
  db: TenantDb,
  input: z.output<typeof createCaseSchema>,
  opts: { createdById: string | null },
): Promise<CaseDetail> {
  const created = await db.case.create({
    data: {
      tenantId: requireTenantId(),
      title: input.title,
      description: input.description,
      channel: input.channel,
      priority: input.priority,
      tags: [...new Set(input.tags)],
      createdById: opts.createdById,
    },
    select: caseDetailSelect,
  });
  await recordAudit(db, {
    action: "case.created",
    targetType: "case",
    targetId: created.id,
    diff: { number: created.number, title: created.title, priority: created.priority, channel: created.channel },
  });
  return created;
}
