import { z } from "zod";
import { text } from "@/lib/validations/text";
import { tenantProcedure } from "@/server/api/trpc";
import { decodeTimeCursor, encodeTimeCursor } from "@/server/services/pagination/time-cursor";
import type { Prisma } from "@/server/db/generated/client";
import { toJobViews } from "@/server/services/jobs-view/job-views";
import { JOB_STATUSES, jobListItemOutput, jobSummarySelect } from "./job-output";

export const listJobsInput = z.object({
  limit: z.number().int().min(1).max(100).default(25),
  cursor: text().max(200).nullish(),
  status: z.array(z.enum(JOB_STATUSES)).max(6).optional(),
  type: text().max(100).optional(),
});

export const listJobs = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "GET", path: "/jobs" } })
  .input(listJobsInput)
  .output(z.object({ items: z.array(jobListItemOutput), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
    const where: Prisma.JobWhereInput = {
      ...(input.status?.length ? { status: { in: input.status } } : {}),
      ...(input.type ? { type: input.type } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    };
    const rows = await ctx.db.job.findMany({
      where,
      // Payload and result only to name the job; the list's output leaves them out.
      select: { ...jobSummarySelect, payload: true, result: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
    });
    const hasMore = rows.length > input.limit;
    const items = hasMore ? rows.slice(0, input.limit) : rows;
    const last = items.at(-1);
    return { items: await toJobViews(ctx.db, items), nextCursor: hasMore && last ? encodeTimeCursor(last.createdAt, last.id) : null };
  });
