import { createSavedViewSchema } from "@/lib/validations/saved-view";
import { tenantProcedure } from "@/server/api/trpc";
import { createSavedView, savedViewOutput } from "@/server/services/views/saved-views";
import { viewCallerOf } from "./view-caller";

/** Sharing with the tenant needs cases:write; everyone who reads cases keeps personal views. */
export const createView = tenantProcedure("cases:read")
  .meta({ openapi: { method: "POST", path: "/views" } })
  .input(createSavedViewSchema)
  .output(savedViewOutput)
  .mutation(({ ctx, input }) => createSavedView(ctx.db, viewCallerOf(ctx), input));
