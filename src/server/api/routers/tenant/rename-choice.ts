import { z } from "zod";
import { renameChoiceSchema, tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { tenantProcedure } from "@/server/api/trpc";
import { renameChoice as renameChoiceService } from "@/server/services/tenants/rename-choice";

/** Renames a category or business unit in the settings and on everything that carries it. */
export const renameChoice = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/tenant/settings/rename-choice" } })
  .input(renameChoiceSchema)
  .output(z.object({ settings: tenantSettingsSchema, cases: z.number().int() }))
  .mutation(({ ctx, input }) => renameChoiceService(ctx.db, ctx.tenant.id, input));
