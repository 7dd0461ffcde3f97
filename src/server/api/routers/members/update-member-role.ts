import { z } from "zod";
import { roleSchema, updateMemberRoleSchema } from "@/lib/validations/admin";
import { tenantProcedure } from "@/server/api/trpc";
import { updateMemberRole as updateMemberRoleService } from "@/server/services/members/change-membership";

export const updateMemberRole = tenantProcedure("members:manage")
  .meta({ openapi: { method: "PATCH", path: "/members/{userId}" } })
  .input(updateMemberRoleSchema)
  .output(z.object({ userId: z.string(), role: roleSchema }))
  .mutation(({ ctx, input }) => updateMemberRoleService(ctx.db, ctx.role, input.userId, input.role));
