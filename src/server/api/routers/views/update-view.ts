import { updateSavedViewSchema } from "@/lib/validations/saved-view";
import { tenantProcedure } from "@/server/api/trpc";
import { savedViewOutput, updateSavedView } from "@/server/services/views/saved-views";
import { viewCallerOf } from "./view-caller";

/** The owner, or (for shared views) a member with settings:manage. */
export const updateView = tenantProcedure("cases:read")
  .meta({ openapi: { method: "PATCH", path: "/views/{id}" } })
  .input(updateSavedViewSchema)
  .output(savedViewOutput)
  .mutation(({ ctx, input }) => updateSavedView(ctx.db, viewCallerOf(ctx), input));
