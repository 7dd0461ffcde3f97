// Builds the tRPC context from a request: who is calling (session user or API key) and which
// tenant they name. Nothing here is trusted yet: the middlewares check membership and permission.
import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { authOptions } from "@/server/auth/options";
import { resolveSessionUser, type SessionUser } from "@/server/auth/session-user";
import { authenticateApiKey, type ApiKeyCheck } from "@/server/auth/api-keys";

export const TENANT_HEADER = "x-caseboard-tenant";
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}

export interface TRPCContext {
  requestId: string;
  ip?: string;
  userAgent?: string;
  /** Signed-in user whose session is still valid, if any. */
  user: SessionUser | null;
  /** Result of checking an `Authorization: Bearer` key, if one was presented. */
  apiKey: ApiKeyCheck | null;
  /** The tenant the caller names (URL slug via header); checked by the tenant middleware. */
  tenantSlug: string | null;
  /** Where the request came from (for links in mail when NEXTAUTH_URL is not set). */
  origin?: string;
}

/** The request's own origin: the Origin header, else forwarded or plain Host. Only used for links. */
export function requestOriginFrom(headers: Headers): string | undefined {
  const origin = headers.get("origin");
  if (origin && /^https?:\/\/[^/]+$/.test(origin)) return origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return undefined;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

export interface CreateContextOptions {
  headers: Headers;
  requestId?: string;
  /** Supplied by tests and scripts; requests resolve the session from cookies. */
  user?: SessionUser | null;
}

export async function createTRPCContext(opts: CreateContextOptions): Promise<TRPCContext> {
  const { headers } = opts;
  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const apiKey = bearer ? await authenticateApiKey(bearer) : null;
  let user: SessionUser | null = null;
  if (!bearer) {
    if (opts.user !== undefined) user = opts.user;
    else {
      const session = await getServerSession(authOptions);
      user = await resolveSessionUser(session);
    }
  }
  return {
    requestId: opts.requestId ?? requestIdFrom(headers),
    ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? headers.get("x-real-ip") ?? undefined,
    userAgent: headers.get("user-agent") ?? undefined,
    user,
    apiKey,
    tenantSlug: headers.get(TENANT_HEADER),
    origin: requestOriginFrom(headers),
  };
}
