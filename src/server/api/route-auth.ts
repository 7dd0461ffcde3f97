// Authentication for plain route handlers (uploads, downloads) exactly as tRPC does it: the same
// context (session or API key), the same middleware chain (rate limit, tenant membership and
// status, the permission), by calling a tiny procedure that is not part of the app router. The
// tenant transaction it opens ends before the handler streams anything, so a slow upload never
// holds a database transaction; the handler then runs inside the same request context.
import "server-only";
import type { Permission } from "@/server/auth/permissions";
import { currentContext, runWithContext, type Actor, type RequestContext } from "@/server/context/request-context";
import type { Role } from "@/server/db/generated/enums";
import { tagRequestError, wasLogged } from "@/server/errors/request-id";
import { isExpected, toAppError, toErrorBody } from "@/server/errors/to-app-error";
import { logger } from "@/server/logger";
import type { Caller } from "@/server/services/cases/actor";
import { callerOf } from "./caller";
import { createTRPCContext, requestIdFrom, TENANT_HEADER } from "./context";
import { createCallerFactory, createTRPCRouter, tenantProcedure } from "./trpc";

export interface RouteAuth {
  requestId: string;
  tenant: { id: string; slug: string };
  role: Role;
  permissions: ReadonlySet<Permission>;
  caller: Caller;
  actor: Actor | undefined;
  /** The request context to run the handler's work in (actor, tenant, role, permissions). */
  context: RequestContext;
}

function authRouter(permission: Permission) {
  return createTRPCRouter({
    resolve: tenantProcedure(permission).query(({ ctx }) => ({
      tenant: { id: ctx.tenant.id, slug: ctx.tenant.slug },
      role: ctx.role,
      permissions: ctx.permissions,
      caller: callerOf(ctx),
      context: currentContext()!,
    })),
  });
}

const callerFactory = (permission: Permission) => createCallerFactory(authRouter(permission));
const callers = new Map<Permission, ReturnType<typeof callerFactory>>();

/** The tenant slug a route request names: the app's header, `x-tenant-slug`, or `?tenant=`. */
function tenantSlugOf(request: Request): string | null {
  return request.headers.get(TENANT_HEADER) ?? request.headers.get("x-tenant-slug") ?? new URL(request.url).searchParams.get("tenant");
}

/** Authenticates and authorises a route request; throws what a tRPC call would (as AppErrors). */
export async function authorizeRouteRequest(request: Request, permission: Permission): Promise<RouteAuth> {
  const requestId = requestIdFrom(request.headers);
  const headers = new Headers(request.headers);
  const slug = tenantSlugOf(request);
  if (slug) headers.set(TENANT_HEADER, slug);
  let factory = callers.get(permission);
  if (!factory) {
    factory = callerFactory(permission);
    callers.set(permission, factory);
  }
  // Throws an AppError already logged with the request id (by the context or the request middleware).
  const ctx = await createTRPCContext({ headers, requestId });
  try {
    const resolved = await factory(ctx).resolve();
    return { requestId, actor: resolved.context.actor, ...resolved };
  } catch (error) {
    throw tagRequestError(toAppError(error), requestId, true);
  }
}

/** Runs a route's work in the request context of its authorisation. */
export function runAsRoute<T>(auth: RouteAuth, fn: () => T): T {
  return runWithContext(auth.context, fn);
}

/** The standard error answer ({ code, message, details, requestId }), logged like tRPC logs. */
export function routeErrorResponse(error: unknown, requestId: string, route: string): Response {
  const appError = toAppError(error);
  // Failures of the authorisation (context, middlewares) were logged where they happened.
  if (wasLogged(error)) logger.debug({ route, code: appError.code, requestId }, "route refused (logged above)");
  else if (isExpected(appError)) logger.info({ route, code: appError.code, requestId }, "route refused");
  else logger.error({ route, err: error, requestId }, "route failed");
  const headers: Record<string, string> = { "x-request-id": requestId };
  const retryAfter = appError.details?.retryAfterSeconds;
  if (typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  return Response.json(toErrorBody(appError, requestId), { status: appError.httpStatus, headers });
}
