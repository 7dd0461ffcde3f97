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

const labelledField = z.object({ label: z.string(), value: z.string() });

/** What the jobs pages show instead of ids (services/jobs-view). */
const jobReadable = {
  /** "Export of 34 cases", "Import of customers.csv". */
  title: z.string(),
  startedBy: z.object({
    type: z.enum(["user", "apiKey", "system"]),
    id: z.string().nullable(),
    /** A member's name, an API key's name, "Scheduled" or "System". */
    name: z.string(),
    detail: z.string().nullable(),
  }),
  /** What went wrong, in words; lastError keeps the technical message. */
  error: z.string().nullable(),
  /** Files the job produced that can still be downloaded (GET /api/files/{fileId}). */
  downloads: z.array(z.object({ label: z.string(), fileId: z.string(), filename: z.string() })),
};

export const jobListItemOutput = jobSummaryOutput.extend(jobReadable);

export const jobDetailOutput = jobSummaryOutput.extend({
  ...jobReadable,
  /** The job's settings and outcome as labelled fields, with names instead of ids. */
  fields: z.array(labelledField),
  resultFields: z.array(labelledField),
  payload: z.unknown(),
  result: z.unknown(),
  errorHistory: z.unknown(),
});
