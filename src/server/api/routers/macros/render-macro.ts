import { z } from "zod";
import { caseMessageKindSchema } from "@/lib/validations/case";
import { sharingCallerOf } from "@/server/api/sharing-caller";
import { tenantProcedure } from "@/server/api/trpc";
import { renderMacroReply } from "@/server/services/macros/macros";

/** The macro's reply as it goes into the composer, filled for this case and the caller (null: it has none). */
export const renderMacro = tenantProcedure("cases:write")
  .meta({ openapi: { method: "GET", path: "/macros/{id}/render" } })
  .input(z.object({ id: z.uuid(), caseId: z.uuid() }))
  .output(z.object({ reply: z.object({ kind: caseMessageKindSchema, body: z.string() }).nullable() }))
  .query(({ ctx, input }) => renderMacroReply(ctx.db, sharingCallerOf(ctx), input));
