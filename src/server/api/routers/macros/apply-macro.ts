import { z } from "zod";
import { applyMacroSchema } from "@/lib/validations/macro";
import { callerOf } from "@/server/api/caller";
import { sharingCallerOf } from "@/server/api/sharing-caller";
import { tenantProcedure } from "@/server/api/trpc";
import { applyMacro as applyMacroService } from "@/server/services/macros/apply-macro";

/** Runs a macro on up to 100 cases in one transaction: its reply or note, then its field changes. */
export const applyMacro = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/macros/{id}/run" } })
  .input(applyMacroSchema)
  .output(
    z.object({
      macro: z.object({ id: z.string(), name: z.string() }),
      matched: z.number().int(),
      replied: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      skippedReasons: z.object({ closed: z.number().int(), refusedTransition: z.number().int() }),
      /** Each case whose fields changed and the version the change left: an Undo names it. */
      changed: z.array(z.object({ id: z.string(), version: z.number().int() })),
    }),
  )
  .mutation(({ ctx, input }) => applyMacroService(ctx.db, { ...callerOf(ctx), ...sharingCallerOf(ctx) }, input));
