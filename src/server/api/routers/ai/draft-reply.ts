import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { draftReply } from "@/server/services/ai/draft-reply";

/**
 * A reply draft for the composer, streamed while the model writes it (server-sent events), ending
 * with the validated draft. A subscription so that no transaction is held while the model thinks:
 * the tenant middleware's transaction ends when the stream begins, and the draft reads and
 * records in short transactions of its own. Never sent: the member edits and sends it.
 */
export const draftReplyStream = tenantProcedure("cases:write")
  .input(z.object({ caseId: z.uuid() }))
  .subscription(async function* ({ ctx, input, signal }) {
    yield* draftReply(ctx.tenant.id, input.caseId, callerOf(ctx).userId, signal ?? new AbortController().signal);
  });
