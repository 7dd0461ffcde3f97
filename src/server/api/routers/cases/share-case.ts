import { shareCaseSchema } from "@/lib/validations/share";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { shareResultOutput } from "@/server/services/shares/recipients";
import { shareCase as shareCaseService } from "@/server/services/shares/share-case";

export const shareCaseInput = shareCaseSchema;

/** Sends the case to members and teams with a note; it lands in their inboxes and on the timeline. */
export const shareCase = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/{id}/share" } })
  .input(shareCaseInput)
  .output(shareResultOutput)
  .mutation(({ ctx, input }) => shareCaseService(ctx.db, callerOf(ctx), input));
