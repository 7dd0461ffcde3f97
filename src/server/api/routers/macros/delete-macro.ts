import { z } from "zod";
import { sharingCallerOf } from "@/server/api/sharing-caller";
import { tenantProcedure } from "@/server/api/trpc";
import { deleteMacro as deleteMacroService } from "@/server/services/macros/macros";

export const deleteMacro = tenantProcedure("cases:write")
  .meta({ openapi: { method: "DELETE", path: "/macros/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => deleteMacroService(ctx.db, sharingCallerOf(ctx), input.id));
