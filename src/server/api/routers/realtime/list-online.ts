import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { listOnline } from "@/server/realtime/online";

export const onlineMemberOutput = z.object({ userId: z.string(), name: z.string(), since: z.date() });

/**
 * Who of the tenant has an open realtime stream right now (on any instance), for assignment.
 * Only current members: someone removed a moment ago may still be announced until their stream ends.
 */
export const listOnlineMembers = tenantProcedure("members:read")
  .meta({ openapi: { method: "GET", path: "/members/online" } })
  .output(z.array(onlineMemberOutput))
  .query(async ({ ctx }) => {
    const online = listOnline(ctx.tenant.id);
    if (online.length === 0) return [];
    const members = await ctx.db.membership.findMany({ where: { userId: { in: online.map((m) => m.userId) } }, select: { userId: true } });
    const current = new Set(members.map((m) => m.userId));
    return online.filter((m) => current.has(m.userId));
  });
