import { shareViewSchema } from "@/lib/validations/share";
import { tenantProcedure } from "@/server/api/trpc";
import { shareResultOutput } from "@/server/services/shares/recipients";
import { shareView as shareViewService } from "@/server/services/shares/share-view";
import { viewCallerOf } from "./view-caller";

export const shareViewInput = shareViewSchema;

/** Sends a view the caller can see to members and teams with a note (cases:read, like keeping views). */
export const shareView = tenantProcedure("cases:read")
  .meta({ openapi: { method: "POST", path: "/views/{id}/share" } })
  .input(shareViewInput)
  .output(shareResultOutput)
  .mutation(({ ctx, input }) => shareViewService(ctx.db, viewCallerOf(ctx), input));
