// Called by schedulers (Vercel cron sends GET, others POST) with `Authorization: Bearer
// $CRON_SECRET`. Runs due jobs for up to ?budgetMs= (default 25 s) and answers a summary.
import { requestIdFrom } from "@/server/api/context";
import { runWithContext } from "@/server/context/request-context";
import type { AppError } from "@/server/errors/app-error";
import { isExpected, toAppError, toErrorBody } from "@/server/errors/to-app-error";
import { runCronJobs } from "@/server/jobs";
import { logger } from "@/server/logger";
// Registers the features' job types, so this runner claims them too.
import "@/server/services/feature-jobs";
import { otherMethods } from "@/server/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

function errorHeaders(appError: AppError, requestId: string): Record<string, string> {
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (appError.code === "UNAUTHORIZED") headers["www-authenticate"] = "Bearer";
  const retryAfter = appError.details?.retryAfterSeconds;
  if (typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  return headers;
}

async function handle(request: Request): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  return runWithContext({ requestId }, async () => {
    try {
      const { claimError, ...summary } = await runCronJobs({
        authorization: request.headers.get("authorization"),
        searchParams: new URL(request.url).searchParams,
      });
      // The queue could not be read (the runner logged it): a failure the scheduler must see, not
      // an idle run. A database out of reach answers 503 with Retry-After.
      if (claimError !== undefined) {
        const appError = toAppError(claimError);
        return Response.json(toErrorBody(appError, requestId), { status: appError.httpStatus, headers: errorHeaders(appError, requestId) });
      }
      return Response.json(summary, { headers: { "x-request-id": requestId } });
    } catch (error) {
      const appError = toAppError(error);
      if (isExpected(appError)) logger.info({ code: appError.code }, "cron call refused");
      else logger.error({ err: error }, "cron job run failed");
      return Response.json(toErrorBody(appError, requestId), { status: appError.httpStatus, headers: errorHeaders(appError, requestId) });
    }
  });
}

export const GET = handle;
export const POST = handle;

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
