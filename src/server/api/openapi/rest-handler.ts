// REST over the tRPC router (trpc-to-openapi): each request runs the procedure named by its
// method and path through the same context, middlewares and error formatter as a tRPC call. Only
// the error body is reshaped, so both surfaces answer errors as `{ code, message, details, requestId }`.
import "server-only";
import { toAppError, toErrorBody, type ErrorBody } from "@/server/errors/to-app-error";
import type { SessionUser } from "@/server/auth/session-user";
import { AppError } from "@/server/errors/app-error";
import { admitRequest } from "@/server/http/load-shedding";
import { ServerTiming } from "@/server/http/server-timing";
import { createTRPCContext, requestIdFrom } from "../context";
import { appRouter } from "../root";
import { REST_BASE_PATH } from "./document";
import { createCachedOpenApiFetchHandler } from "./openapi-fetch";
import { withoutReservedQuery } from "./reserved-query";

export interface RequestExtra {
  headers: Headers;
  requestId: string;
  user: SessionUser | null | undefined;
  timing: ServerTiming;
}

type Surface = (req: Request, extra: RequestExtra) => Promise<Response>;

/** The answer's status from our error (the adapter's own table knows only tRPC's codes), and when to come back after a 429. */
export const restResponseMeta = ({ errors }: { errors: unknown[] }) => {
  if (errors.length === 0) return {};
  const error = toAppError(errors[0]);
  const retryAfter = error.details?.retryAfterSeconds;
  return { status: error.httpStatus, headers: typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : ({} as Record<string, string>) };
};

/**
 * A REST surface over a router: admission, request id, Server-Timing, no caching, and errors in
 * the app's shape. `make` builds the route table, on first use and once.
 */
export function restSurface(make: () => Surface) {
  let surface: Surface | undefined;
  /** `user` is for tests, which run outside Next and so have no session cookie to resolve. */
  return async (req: Request, opts: { user?: SessionUser | null } = {}): Promise<Response> => {
    const started = performance.now();
    const timing = new ServerTiming();
    const requestId = requestIdFrom(req.headers);
    const admitted = await admitRequest();
    if (!admitted.ok) {
      const retryAfter = admitted.error.details?.retryAfterSeconds;
      return Response.json(toErrorBody(admitted.error, requestId), {
        status: admitted.error.httpStatus,
        headers: { "x-request-id": requestId, "cache-control": "private, no-store", ...(typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {}) },
      });
    }
    try {
      surface ??= make();
      return await handleAdmitted(surface, req, opts, requestId, timing, started);
    } finally {
      admitted.admission.release();
    }
  };
}

export const handleRestRequest = restSurface(() =>
  createCachedOpenApiFetchHandler<RequestExtra>({
    endpoint: REST_BASE_PATH,
    router: appRouter,
    createContext: ({ headers, requestId, user, timing }) => createTRPCContext({ headers, requestId, user, timing }),
    responseMeta: restResponseMeta,
  }),
);

async function handleAdmitted(surface: Surface, req: Request, opts: { user?: SessionUser | null }, requestId: string, timing: ServerTiming, started: number): Promise<Response> {
  const response = await surface(withoutReservedQuery(req), { headers: req.headers, requestId, user: opts.user, timing });
  const headers = new Headers(response.headers);
  headers.set("x-request-id", requestId);
  // Tenant data for one caller, as on the tRPC surface.
  headers.set("cache-control", "private, no-store");
  timing.add("total", performance.now() - started);
  headers.set("server-timing", timing.header());
  if (response.ok) return new Response(response.body, { status: response.status, headers });

  // Every error passes the router's error formatter, which puts our body under `data`.
  const raw = (await response.json().catch(() => undefined)) as { data?: ErrorBody } | undefined;
  const body = raw?.data?.code
    ? { code: raw.data.code, message: raw.data.message, details: raw.data.details, requestId }
    : toErrorBody(new AppError("INTERNAL_SERVER_ERROR", "Internal error"), requestId);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
