// Builds the tRPC context from a request: who is calling (session user or API key) and which
// tenant they name. Nothing here is trusted yet: the middlewares check membership and permission.
import { getServerSession } from "next-auth";
import { authOptions } from "@/server/auth/options";
import { resolveSessionUser, type SessionUser } from "@/server/auth/session-user";
import { authenticateApiKey, hashApiKey, type ApiKeyCheck } from "@/server/auth/api-keys";
import { isExpected, toAppError } from "@/server/errors/to-app-error";
import { tagRequestError } from "@/server/errors/request-id";
import { logger } from "@/server/logger";
import { AppError } from "@/server/errors/app-error";
import { blockedFor, consumeOrThrow } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import { requestOrigin } from "@/server/http/public-url";
import { clientIpFrom } from "@/server/security/client-ip";
import type { ServerTiming } from "@/server/http/server-timing";
import { addressLimitKey } from "@/server/rate-limit/address-key";
import { requestIdFrom } from "@/server/http/request-id";

export const TENANT_HEADER = "x-caseboard-tenant";
export { requestIdFrom } from "@/server/http/request-id";

export interface TRPCContext {
  requestId: string;
  /** The client's address as decided for this request (src/server/security/client-ip.ts). */
  ip?: string;
  userAgent?: string;
  /** Signed-in user whose session is still valid, if any. */
  user: SessionUser | null;
  /** Result of checking an `Authorization: Bearer` key, if one was presented. */
  apiKey: ApiKeyCheck | null;
  /** The tenant the caller names (URL slug via header); checked by the tenant middleware. */
  tenantSlug: string | null;
  /** The origin the request addressed; links are built from it by publicBaseUrl() when NEXTAUTH_URL is not set. */
  origin?: string;
  /** Set when the request's rate limit was already taken here (API keys: before the key is looked up). */
  rateLimited?: boolean;
  /**
   * Checks the caller's credentials again, as this request presented them: a long-lived call (a
   * realtime stream) asks it from time to time, and ends when the answer is no longer the same
   * user or key. Null: the session or key is no longer valid.
   */
  reauthenticate?: () => Promise<{ user: SessionUser | null; apiKey: ApiKeyCheck | null } | null>;
  /** Where this request's time goes, for its Server-Timing header (set by the HTTP handlers). */
  timing?: ServerTiming;
  /** Set by the chat widget's endpoint only (src/server/api/routers/widget): who is calling, from where. */
  widget?: WidgetCaller;
}

export interface WidgetCaller {
  /** The Origin header: the site whose page made the call (null from scripts and same-origin GETs). */
  callerOrigin: string | null;
  /** The visitor's token (x-visitor-token header, else the widget page's cookie). */
  visitorToken: string | null;
}

export interface CreateContextOptions {
  headers: Headers;
  /** Collects the request's phases for its Server-Timing header; the context adds `auth`. */
  timing?: ServerTiming;
  /** tRPC's connection parameters (SSE subscriptions, which cannot send headers from a browser). */
  connectionParams?: Record<string, string | undefined> | null;
  requestId?: string;
  /** Supplied by tests and scripts; requests resolve the session from cookies. */
  user?: SessionUser | null;
}

async function refuseIfBlocked(limitKey: string): Promise<void> {
  const retryAfterSeconds = await blockedFor(limiters().api, limitKey);
  if (retryAfterSeconds > 0) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many requests; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/** The rate-limit key of a presented API key: a hash of what was presented, known before any lookup. */
export const apiKeyLimitKey = (bearer: string) => `key:${hashApiKey(bearer)}`;

/**
 * Builds the context. It reads the database (session user, API key), so it fails when the database
 * is out of reach; such a failure is logged here, once, with the request id, and the error thrown
 * carries that id so the answer does too (tRPC formats it without a context).
 */
export async function createTRPCContext(opts: CreateContextOptions): Promise<TRPCContext> {
  if (!opts.timing) return buildContext(opts);
  const timing = opts.timing;
  return timing.measure("auth", () => buildContext(opts));
}

async function buildContext(opts: CreateContextOptions): Promise<TRPCContext> {
  const { headers } = opts;
  const requestId = opts.requestId ?? requestIdFrom(headers);
  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  try {
    // An API key's budget is taken before the key is resolved, so a flood of calls over the
    // limit (or with made-up keys) costs no database work at all.
    if (bearer) await consumeOrThrow(limiters().api, apiKeyLimitKey(bearer), "requests");
    // Made-up keys each have a budget of their own, so the caller's address bounds them too: an
    // unknown key spends the address's budget, and an address that has spent it is refused
    // before the lookup.
    const addressKey = addressLimitKey(clientIpFrom(headers));
    if (bearer) await refuseIfBlocked(addressKey);
    const apiKey = bearer ? await authenticateApiKey(bearer) : null;
    if (apiKey && !apiKey.ok) await consumeOrThrow(limiters().api, addressKey, "requests");
    let user: SessionUser | null = null;
    let reauthenticate: TRPCContext["reauthenticate"];
    if (bearer) {
      reauthenticate = async () => {
        const again = await authenticateApiKey(bearer);
        return again.ok ? { user: null, apiKey: again } : null;
      };
    } else if (opts.user !== undefined) {
      user = opts.user;
      const fixed = opts.user;
      reauthenticate = async () => (fixed ? { user: fixed, apiKey: null } : null);
    } else {
      const session = await getServerSession(authOptions);
      user = await resolveSessionUser(session);
      reauthenticate = async () => {
        const again = await resolveSessionUser(session);
        return again ? { user: again, apiKey: null } : null;
      };
    }
    return {
      requestId,
      ip: clientIpFrom(headers),
      userAgent: headers.get("user-agent") ?? undefined,
      user,
      apiKey,
      tenantSlug: headers.get(TENANT_HEADER) ?? opts.connectionParams?.tenant ?? null,
      origin: requestOrigin(headers),
      rateLimited: bearer ? true : undefined,
      reauthenticate,
      timing: opts.timing,
    };
  } catch (error) {
    const appError = toAppError(error);
    const fields = { requestId, code: appError.code, status: appError.httpStatus };
    if (isExpected(appError)) logger.info(fields, "request refused before its procedure");
    else logger.error({ ...fields, err: error }, "request context failed");
    throw tagRequestError(appError, requestId, true);
  }
}
