import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { notFound } from "@/server/errors/app-error";
import { announcePresence } from "@/server/realtime/presence";
import { markSeenByAgent } from "@/server/services/chat/visitor-activity";

/**
 * Says that the caller is viewing a case, replying on it, or has left it. Members only (an API
 * key is nobody to show). Nothing is stored: the announcement goes to every instance's open
 * streams and expires unless renewed.
 */
export const updatePresence = tenantProcedure("cases:read")
  .input(z.object({ caseId: z.uuid(), state: z.enum(["viewing", "replying", "left"]) }))
  .output(z.object({ ok: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const found = await ctx.db.case.findFirst({ where: { id: input.caseId }, select: { id: true, channel: true } });
    if (!found) throw notFound("Case");
    if (!ctx.user) return { ok: false };
    // A chat's visitor sees "Seen" once a member has the case in front of them.
    if (input.state !== "left" && found.channel === "CHAT") await markSeenByAgent(ctx.db, found.id);
    const ok = await announcePresence({ tenantId: ctx.tenant.id, caseId: found.id, userId: ctx.user.id, name: ctx.user.name, state: input.state });
    return { ok };
  });
