import { z } from "zod";
import { listMacrosSchema } from "@/lib/validations/macro";
import { sharingCallerOf } from "@/server/api/sharing-caller";
import { tenantProcedure } from "@/server/api/trpc";
import { listMacros as listMacrosService, macroOutput } from "@/server/services/macros/macros";

/** The caller's own macros and the team's, optionally matching `q` (the name). */
export const listMacros = tenantProcedure("cases:write")
  .meta({ openapi: { method: "GET", path: "/macros" } })
  .input(listMacrosSchema)
  .output(z.array(macroOutput))
  .query(({ ctx, input }) => listMacrosService(ctx.db, sharingCallerOf(ctx), input));
