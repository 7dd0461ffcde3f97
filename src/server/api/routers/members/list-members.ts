import { z } from "zod";
import { roleSchema } from "@/lib/validations/admin";
import { tenantProcedure } from "@/server/api/trpc";

export const memberOutput = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: z.date(),
  lastActiveAt: z.date().nullable(),
});

export const listMembers = tenantProcedure("members:read")
  .meta({ openapi: { method: "GET", path: "/members" } })
  .output(z.array(memberOutput))
  .query(async ({ ctx }) => {
    const rows = await ctx.db.membership.findMany({
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, lastActiveAt: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt,
      lastActiveAt: m.user.lastActiveAt,
    }));
  });
