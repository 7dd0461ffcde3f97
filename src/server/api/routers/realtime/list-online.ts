import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { currentOnlineMembers } from "@/server/realtime/online-members";

export const onlineMemberOutput = z.object({ userId: z.string(), name: z.string(), since: z.date() });

/**
 * Who of the tenant has an open realtime stream right now (on any instance), for assignment.
 * Browsers read it once; the stream then pushes every change (`online` messages).
 */
export const listOnlineMembers = tenantProcedure("members:read")
  .meta({ openapi: { method: "GET", path: "/members/online" } })
  .output(z.array(onlineMemberOutput))
  .query(({ ctx }) => currentOnlineMembers(ctx.db, ctx.tenant.id));
