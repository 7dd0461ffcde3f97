import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { aiAvailable } from "@/server/ai/provider";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";

/** Whether AI assist can be used here: the deployment has a provider and the tenant has it on. The UI hides every AI feature otherwise. */
export const status = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "GET", path: "/ai/status" } })
  .input(z.object({}).optional())
  .output(z.object({ available: z.boolean(), enabled: z.boolean() }))
  .query(async ({ ctx }) => {
    const available = aiAvailable();
    return { available, enabled: available && (await loadTenantSettings(ctx.db)).ai.enabled };
  });
