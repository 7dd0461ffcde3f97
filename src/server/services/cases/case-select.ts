import { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";
import { caseChannelSchema, casePrioritySchema, caseStatusSchema } from "@/lib/validations/case";

/** The columns a case summary may show; nothing else leaves the database. */
export const caseSummarySelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  priority: true,
  channel: true,
  tags: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.CaseSelect;

export const caseDetailSelect = {
  ...caseSummarySelect,
  description: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.CaseSelect;

const person = z.object({ id: z.string(), name: z.string() });

export const caseSummaryOutput = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  status: caseStatusSchema,
  priority: casePrioritySchema,
  channel: caseChannelSchema,
  tags: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  assignee: person.nullable(),
});

export const caseDetailOutput = caseSummaryOutput.extend({
  description: z.string(),
  createdBy: person.nullable(),
});

export type CaseSummary = z.infer<typeof caseSummaryOutput>;
export type CaseDetail = z.infer<typeof caseDetailOutput>;
