import { updateMacroSchema } from "@/lib/validations/macro";
import { sharingCallerOf } from "@/server/api/sharing-caller";
import { tenantProcedure } from "@/server/api/trpc";
import { macroOutput, updateMacro as updateMacroService } from "@/server/services/macros/macros";

/** The owner of a personal macro; an admin (settings:manage) for the team's. */
export const updateMacro = tenantProcedure("cases:write")
  .meta({ openapi: { method: "PATCH", path: "/macros/{id}" } })
  .input(updateMacroSchema)
  .output(macroOutput)
  .mutation(({ ctx, input }) => updateMacroService(ctx.db, sharingCallerOf(ctx), input));
