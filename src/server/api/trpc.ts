// tRPC setup. Exports only the approved procedure builders; the raw `t` stays here.
//   publicProcedure → authedProcedure → tenantProcedure(permission)
import "server-only";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Permission } from "@/server/auth/permissions";
import { requestIdOfError } from "@/server/errors/request-id";
import { toAppError, toErrorBody } from "@/server/errors/to-app-error";
import type { TRPCContext } from "./context";
import { authedMiddleware } from "./middlewares/authed";
import { platformAdminMiddleware } from "./middlewares/platform-admin";
import { requestMiddleware } from "./middlewares/request";
import { tenantMiddleware } from "./middlewares/tenant";

const REALTIME_PING_MS = 10_000;

/** Each procedure's meta: the permission it needs, and its REST route for the OpenAPI surface
 * (`/api/v1`, `/api/openapi.json`; see src/server/api/openapi). */
export type ProcedureMeta = OpenApiMeta<{
  /** Required of every tenant procedure; the tenant middleware refuses calls without one. */
  permission?: Permission;
  /** The one exception to "a tenant scheduled for deletion refuses every call": cancelling it. */
  allowWhileDeletionScheduled?: boolean;
  /** Platform administration (platformAdminProcedure): no tenant, checked by the platform-admin middleware. */
  platformAdmin?: boolean;
}>;

const t = initTRPC
  .context<TRPCContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // Realtime streams (src/server/realtime): a ping every 10 s keeps proxies from closing an idle
    // stream, and a client that hears nothing for 25 s (a dead connection) reconnects, resuming
    // from its last event. A stream ends after 10 minutes and the client reconnects at once, so a
    // deploy or a serverless host's request limit never leaves one open forever.
    sse: {
      ping: { enabled: true, intervalMs: REALTIME_PING_MS },
      client: { reconnectAfterInactivityMs: 25_000 },
      maxDurationMs: 10 * 60_000,
    },
    errorFormatter({ shape, error, ctx }) {
      const appError = toAppError(error);
      const body = toErrorBody(appError, ctx?.requestId ?? requestIdOfError(error) ?? "unknown");
      return {
        ...shape,
        message: body.message,
        data: { ...body, httpStatus: appError.httpStatus, path: shape.data.path },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Anyone may call; still gets request id, logging and error mapping. */
export const publicProcedure = t.procedure.use(requestMiddleware(t));
/** A signed-in user or a valid API key. */
export const authedProcedure = publicProcedure.use(authedMiddleware(t));
/** A member of the tenant named by the URL (or bound to the API key) holding `permission`. */
export function tenantProcedure(permission: Permission) {
  return authedProcedure.meta({ permission }).use(tenantMiddleware(t));
}

/** A signed-in platform administrator (users.platform_role = 'admin'), re-read on every call; never an API key. */
export const platformAdminProcedure = authedProcedure.meta({ platformAdmin: true }).use(platformAdminMiddleware(t));

export type TRPCInstance = typeof t;
