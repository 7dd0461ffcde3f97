// tRPC setup. Exports only the approved procedure builders; the raw `t` stays here.
//   publicProcedure → authedProcedure → tenantProcedure(permission)
import "server-only";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { Permission } from "@/server/auth/permissions";
import { toAppError, toErrorBody } from "@/server/errors/to-app-error";
import type { TRPCContext } from "./context";
import { authedMiddleware } from "./middlewares/authed";
import { requestMiddleware } from "./middlewares/request";
import { tenantMiddleware } from "./middlewares/tenant";

export interface ProcedureMeta {
  /** Required of every tenant procedure; the tenant middleware refuses calls without one. */
  permission?: Permission;
  /** REST route for the OpenAPI surface. */
  openapi?: { method: "GET" | "POST" | "PATCH" | "DELETE"; path: string };
}

const t = initTRPC
  .context<TRPCContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const appError = toAppError(error);
      const body = toErrorBody(appError, ctx?.requestId ?? "unknown");
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

export type TRPCInstance = typeof t;
