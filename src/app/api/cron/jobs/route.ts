// Called by schedulers (Vercel cron sends GET, others POST) with `Authorization: Bearer
// $CRON_SECRET`. Runs due jobs for up to ?budgetMs= (default 25 s) and answers a summary.
import { requestIdFrom } from "@/server/api/context";
import { runWithContext } from "@/server/context/request-context";
import { isExpected, toAppError, toErrorBody } from "@/server/errors/to-app-error";
import { runCronJobs } from "@/server/jobs";
import { logger } from "@/server/logger";
// Registers the features' job types, so this runner claims them too.
import "@/server/services/feature-jobs";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

async function handle(request: Request): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  return runWithContext({ requestId }, async () => {
    try {
      const summary = await runCronJobs({
        authorization: request.headers.get("authorization"),
        searchParams: new URL(request.url).searchParams,
      });
      return Response.json(summary, { headers: { "x-request-id": requestId } });
    } catch (error) {
      const appError = toAppError(error);
      if (isExpected(appError)) logger.info({ code: appError.code }, "cron call refused");
      else logger.error({ err: error }, "cron job run failed");
      const headers: Record<string, string> = { "x-request-id": requestId };
      if (appError.code === "UNAUTHORIZED") headers["www-authenticate"] = "Bearer";
      return Response.json(toErrorBody(appError, requestId), { status: appError.httpStatus, headers });
    }
  });
}

export const GET = handle;
export const POST = handle;
