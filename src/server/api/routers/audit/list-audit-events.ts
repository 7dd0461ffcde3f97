import { z } from "zod";
import { auditListSchema } from "@/lib/validations/admin";
import { tenantProcedure } from "@/server/api/trpc";
import { decodeTimeCursor, encodeTimeCursor } from "@/server/services/pagination/time-cursor";
import type { Prisma } from "@/server/db/generated/client";
import { toAuditViews } from "@/server/services/audit-log/audit-views";

const auditEventOutput = z.object({
  id: z.string(),
  action: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  diff: z.unknown(),
  createdAt: z.date(),
  // What the log shows instead of ids (services/audit-log); ip above is already normalised.
  actor: z.object({
    type: z.string(),
    id: z.string().nullable(),
    /** A member's name, an API key's name, "System" or "Platform admin". */
    name: z.string(),
    detail: z.string().nullable(),
  }),
  target: z
    .object({
      type: z.string(),
      id: z.string().nullable(),
      /** "#123 Title", a name, a file name; "Deleted case" when the record is gone. */
      label: z.string(),
      detail: z.string().nullable(),
      deleted: z.boolean(),
    })
    .nullable(),
  /** The diff as before → after, in words, with names instead of ids. */
  changes: z.array(
    z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable(), changed: z.boolean() }),
  ),
});

export const listAuditEvents = tenantProcedure("audit:read")
  .meta({ openapi: { method: "GET", path: "/audit-events" } })
  .input(auditListSchema)
  .output(z.object({ items: z.array(auditEventOutput), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
    const where: Prisma.AuditEventWhereInput = {
      ...(input.actorId ? { actorId: input.actorId } : {}),
      ...(input.action ? { action: { startsWith: input.action } } : {}),
      ...(input.targetId ? { targetId: input.targetId } : {}),
      ...(input.from || input.to ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
      // Keyset: strictly after the last row seen, in (createdAt desc, id desc) order.
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    };
    const rows = await ctx.db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      select: {
        id: true, action: true, actorType: true, actorId: true, targetType: true, targetId: true,
        requestId: true, ip: true, userAgent: true, diff: true, createdAt: true,
      },
    });
    const hasMore = rows.length > input.limit;
    const items = hasMore ? rows.slice(0, input.limit) : rows;
    const last = items.at(-1);
    return { items: await toAuditViews(ctx.db, items), nextCursor: hasMore && last ? encodeTimeCursor(last.createdAt, last.id) : null };
  });
