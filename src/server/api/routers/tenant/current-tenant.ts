import { z } from "zod";
import { PERMISSIONS } from "@/server/auth/permissions";
import { tenantProcedure } from "@/server/api/trpc";
import { parseTenantSettings, tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { displayTimeZone } from "@/server/services/accounts/display-time-zone";

export const currentTenantOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  role: z.enum(["OWNER", "ADMIN", "AGENT", "VIEWER"]),
  permissions: z.array(z.enum(PERMISSIONS)),
  settings: tenantSettingsSchema,
  /** The zone to show times in: the reader's own (their profile), else the organisation's. */
  displayTimeZone: z.string(),
});

export const currentTenant = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "GET", path: "/tenant" } })
  .output(currentTenantOutput)
  .query(async ({ ctx }) => {
    const tenant = await ctx.db.tenant.findFirstOrThrow({ select: { settings: true } });
    const settings = parseTenantSettings(tenant.settings);
    return {
      ...ctx.tenant,
      role: ctx.role,
      permissions: [...ctx.permissions],
      settings,
      displayTimeZone: await displayTimeZone(ctx.db, settings),
    };
  });
