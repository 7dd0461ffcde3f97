// tRPC over HTTP (browser, scripts with an API key). Thin: build the context, hand over, tag the
// response with its request id.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { MAX_BATCH_CALLS } from "@/lib/api-limits";
import { createTRPCContext, requestIdFrom } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { AppError } from "@/server/errors/app-error";
import { toAppError, toErrorBody } from "@/server/errors/to-app-error";
import { admitRequest } from "@/server/http/load-shedding";
import { ServerTiming } from "@/server/http/server-timing";
import { otherMethods } from "@/server/http/other-methods";

const ENDPOINT = "/api/trpc";

/** How many procedures the request names: tRPC batches `a,b,c?batch=1`, one call per name. */
function batchSize(req: Request): number {
  const url = new URL(req.url);
  if (url.searchParams.get("batch") !== "1") return 1;
  const path = url.pathname.slice(url.pathname.indexOf(ENDPOINT) + ENDPOINT.length + 1);
  return decodeURIComponent(path).split(",").length;
}

/** An error for the whole request, answered before any context or input is read, in the envelope tRPC uses for one. */
function wholeRequestError(error: AppError, requestId: string): Response {
  const body = { message: error.message, code: -32600, data: { ...toErrorBody(error, requestId), httpStatus: error.httpStatus } };
  const retryAfter = error.details?.retryAfterSeconds;
  return Response.json({ error: superjson.serialize(body) }, {
    status: error.httpStatus,
    headers: { "x-request-id": requestId, "cache-control": "private, no-store", ...(typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {}) },
  });
}

function tooLargeBatch(calls: number): AppError {
  return new AppError("BAD_REQUEST", `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${calls}`, {
    reason: "BATCH_TOO_LARGE",
    maxBatchCalls: MAX_BATCH_CALLS,
  });
}

async function handler(req: Request) {
  const started = performance.now();
  const timing = new ServerTiming();
  const requestId = requestIdFrom(req.headers);
  const calls = batchSize(req);
  if (calls > MAX_BATCH_CALLS) return wholeRequestError(tooLargeBatch(calls), requestId);
  // An event stream holds no work while it waits: it is not counted against the in-flight limit.
  const streaming = req.headers.get("accept")?.includes("text/event-stream") ?? false;
  const admitted = await admitRequest({ counted: !streaming });
  if (!admitted.ok) return wholeRequestError(admitted.error, requestId);
  try {
    return await handle(req, requestId, timing, started);
  } finally {
    admitted.admission.release();
  }
}

async function handle(req: Request, requestId: string, timing: ServerTiming, started: number): Promise<Response> {
  const response = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req,
    router: appRouter,
    createContext: ({ info }) => createTRPCContext({ headers: req.headers, requestId, connectionParams: info.connectionParams, timing }),
    responseMeta({ errors }) {
      // Answers hold one caller's tenant data: no shared cache may keep them, and no browser cache either.
      const headers = new Headers({ "cache-control": "private, no-store" });
      // 429s tell clients when to come back.
      const retryAfter = errors
        .map((e) => toAppError(e).details?.retryAfterSeconds)
        .find((s): s is number => typeof s === "number");
      if (retryAfter) headers.set("retry-after", String(retryAfter));
      return { headers };
    },
  });
  response.headers.set("x-request-id", requestId);
  // A stream's headers go before its work: its timing would say nothing.
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    timing.add("total", performance.now() - started);
    response.headers.set("server-timing", timing.header());
  }
  return response;
}

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
