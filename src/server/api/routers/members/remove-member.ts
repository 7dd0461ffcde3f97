import { z } from "zod";
import { removeMemberSchema } from "@/lib/validations/admin";
import { tenantProcedure } from "@/server/api/trpc";
import { removeMember as removeMemberService } from "@/server/services/members/change-membership";

export const removeMember = tenantProcedure("members:manage")
  .meta({ openapi: { method: "DELETE", path: "/members/{userId}" } })
  .input(removeMemberSchema)
  .output(z.object({ userId: z.string(), apiKeysRevoked: z.number().int(), invitationsRevoked: z.number().int() }))
  .mutation(({ ctx, input }) => removeMemberService(ctx.db, ctx.role, input.userId));
