// The service behind /api/cron/jobs: checks the scheduler's secret and runs the job runner for a
// bounded time. Any number of schedulers and instances may call it at once.
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/env";
import { AppError } from "@/server/errors/app-error";
import { newWorkerId, runDueJobs, type RunSummary } from "./runner";

export const CRON_DEFAULT_BUDGET_MS = 25_000;
/** Leaves room under a 60 s platform limit for the jobs already running when the budget ends. */
export const CRON_MAX_BUDGET_MS = 50_000;

/** True when `authorization` is `Bearer <CRON_SECRET>`. Compares digests, so time reveals neither content nor length. */
export function isCronAuthorized(authorization: string | null): boolean {
  const presented = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  const matches = timingSafeEqual(digest(presented), digest(env.CRON_SECRET));
  return matches && presented.length > 0;
}

const cronQuerySchema = z.object({
  budgetMs: z.coerce
    .number()
    .int()
    .positive()
    .transform((ms) => Math.min(ms, CRON_MAX_BUDGET_MS))
    .default(CRON_DEFAULT_BUDGET_MS),
});

/** Runs due jobs for a scheduler's call; throws UNAUTHORIZED on a wrong or missing secret. */
export async function runCronJobs(input: { authorization: string | null; searchParams: URLSearchParams }): Promise<RunSummary> {
  if (!isCronAuthorized(input.authorization)) {
    throw new AppError("UNAUTHORIZED", "Missing or wrong cron secret");
  }
  const { budgetMs } = cronQuerySchema.parse({ budgetMs: input.searchParams.get("budgetMs") ?? undefined });
  return runDueJobs({ budgetMs, workerId: newWorkerId("cron") });
}
