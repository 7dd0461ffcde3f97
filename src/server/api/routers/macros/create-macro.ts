import { createMacroSchema } from "@/lib/validations/macro";
import { sharingCallerOf } from "@/server/api/sharing-caller";
import { tenantProcedure } from "@/server/api/trpc";
import { createMacro as createMacroService, macroOutput } from "@/server/services/macros/macros";

/** Everyone who replies keeps personal macros; sharing with the team needs settings:manage. */
export const createMacro = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/macros" } })
  .input(createMacroSchema)
  .output(macroOutput)
  .mutation(({ ctx, input }) => createMacroService(ctx.db, sharingCallerOf(ctx), input));
