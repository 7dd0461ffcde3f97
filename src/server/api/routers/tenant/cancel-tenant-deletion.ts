import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { cancelTenantDeletion as cancelService } from "@/server/services/tenants/deletion";

/**
 * The one procedure a tenant scheduled for deletion still answers, and only for signed-in members
 * holding tenant:delete (owners): without it the grace period could not be used. API keys stay refused.
 */
export const cancelTenantDeletion = tenantProcedure("tenant:delete")
  .meta({ allowWhileDeletionScheduled: true, openapi: { method: "DELETE", path: "/tenant/deletion" } })
  .input(z.object({}).optional())
  .output(z.object({ deletionScheduledFor: z.null() }))
  .mutation(({ ctx }) => cancelService(ctx.db, ctx.tenant.id));
