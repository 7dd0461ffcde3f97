import { z } from "zod";
import { caseStatusSchema } from "@/lib/validations/case";
import { tenantProcedure } from "@/server/api/trpc";
import { caseSummaryOutput, caseSummarySelect } from "@/server/services/cases/case-select";
import type { Prisma } from "@/server/db/generated/client";

export const listCasesInput = z.object({
  limit: z.number().int().min(1).max(100).default(25),
  /** The id of the last case of the previous page. */
  cursor: z.uuid().nullish(),
  status: z.array(caseStatusSchema).max(6).optional(),
  q: z.string().trim().max(200).optional(),
});

export const listCasesOutput = z.object({
  items: z.array(caseSummaryOutput),
  nextCursor: z.string().nullable(),
});

export const listCases = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases" } })
  .input(listCasesInput)
  .output(listCasesOutput)
  .query(async ({ ctx, input }) => {
    const where: Prisma.CaseWhereInput = {
      ...(input.status?.length ? { status: { in: input.status } } : {}),
      ...(input.q ? { title: { contains: input.q, mode: "insensitive" } } : {}),
    };
    const rows = await ctx.db.case.findMany({
      where,
      select: caseSummarySelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    });
    const hasMore = rows.length > input.limit;
    const items = hasMore ? rows.slice(0, input.limit) : rows;
    return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
  });
