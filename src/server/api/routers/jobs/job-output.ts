import { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";

export const JOB_STATUSES = ["PENDING", "RUNNING", "FAILED", "DEAD", "CANCELLED", "SUCCEEDED"] as const;

export const jobSummarySelect = {
  id: true,
  type: true,
  status: true,
  progress: true,
  stage: true,
  attempts: true,
  maxAttempts: true,
  runAt: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
  lastError: true,
  cancelRequestedAt: true,
} satisfies Prisma.JobSelect;

export const jobSummaryOutput = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number().int(),
  stage: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  createdAt: z.date(),
  lastError: z.string().nullable(),
  cancelRequestedAt: z.date().nullable(),
});

export const jobDetailOutput = jobSummaryOutput.extend({
  payload: z.unknown(),
  result: z.unknown(),
  errorHistory: z.unknown(),
});
