import { z } from "zod";
import { scheduleTenantDeletionSchema } from "@/lib/validations/tenant-settings";
import { tenantProcedure } from "@/server/api/trpc";
import { scheduleTenantDeletion as scheduleService } from "@/server/services/tenants/deletion";

/** Owners only. Members are refused from now on; the data goes after TENANT_DELETION_GRACE_DAYS. */
export const scheduleTenantDeletion = tenantProcedure("tenant:delete")
  .meta({ openapi: { method: "POST", path: "/tenant/deletion" } })
  .input(scheduleTenantDeletionSchema)
  .output(z.object({ deletionScheduledFor: z.date() }))
  .mutation(({ ctx, input }) => scheduleService(ctx.db, ctx.tenant, input.confirmSlug));
