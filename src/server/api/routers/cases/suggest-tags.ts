import { z } from "zod";
import { text } from "@/lib/validations/text";
import { tenantProcedure } from "@/server/api/trpc";
import { suggestTags as suggestTagsService } from "@/server/services/cases/tag-suggestions";

export const suggestTagsInput = z.object({
  /** The start of the tag being typed; empty for the most used. */
  prefix: text().trim().max(40).optional(),
  limit: z.number().int().min(1).max(50).default(10),
});

export const suggestTags = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/tags", summary: "The tenant's tags, most used on recent cases first" } })
  .input(suggestTagsInput)
  .output(z.array(z.object({ tag: z.string(), cases: z.number().int() })))
  .query(({ ctx, input }) => suggestTagsService(ctx.db, input));
