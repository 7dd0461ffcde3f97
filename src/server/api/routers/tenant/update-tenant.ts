import { z } from "zod";
import { updateTenantSchema } from "@/lib/validations/tenant-settings";
import { tenantProcedure } from "@/server/api/trpc";
import { updateTenant as updateTenantService } from "@/server/services/tenants/update-tenant";

/** Name and address; a new address leaves a redirect from the old one. */
export const updateTenant = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "PATCH", path: "/tenant" } })
  .input(updateTenantSchema)
  .output(z.object({ id: z.string(), name: z.string(), slug: z.string() }))
  .mutation(({ ctx, input }) => updateTenantService(ctx.db, ctx.tenant.id, input));
