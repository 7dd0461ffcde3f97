import { tenantSettingsSchema, updateTenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { tenantProcedure } from "@/server/api/trpc";
import { updateTenantSettings as updateTenantSettingsService } from "@/server/services/tenants/update-settings";

/** Replaces the settings as a whole (the form always sends every field). */
export const updateTenantSettings = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "PATCH", path: "/tenant/settings" } })
  .input(updateTenantSettingsSchema)
  .output(tenantSettingsSchema)
  .mutation(({ ctx, input }) => updateTenantSettingsService(ctx.db, ctx.tenant.id, input));
