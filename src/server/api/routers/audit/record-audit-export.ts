import { z } from "zod";
import { auditListSchema } from "@/lib/validations/admin";
import { tenantProcedure } from "@/server/api/trpc";
import { recordAudit } from "@/server/audit";

export const auditExportInput = auditListSchema.omit({ limit: true, cursor: true });

/** Called by the CSV export before it streams: checks audit:read and records who exported what. */
export const recordAuditExport = tenantProcedure("audit:read")
  .input(auditExportInput)
  .output(z.object({ recorded: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await recordAudit(ctx.db, { action: "audit.exported", targetType: "audit_log", diff: { filter: input } });
    return { recorded: true as const };
  });
