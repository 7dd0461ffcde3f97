// Builds the tRPC context from a request: who is calling (session user or API key) and which
// tenant they name. Nothing here is trusted yet: the middlewares check membership and permission.
import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { authOptions } from "@/server/auth/options";
import { resolveSessionUser, type SessionUser } from "@/server/auth/session-user";
import { authenticateApiKey, type ApiKeyCheck } from "@/server/auth/api-keys";
import { requestOrigin } from "@/server/http/public-url";
import { clientIpFrom } from "@/server/security/client-ip";

export const TENANT_HEADER = "x-caseboard-tenant";
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}

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
    ip: clientIpFrom(headers),
    userAgent: headers.get("user-agent") ?? undefined,
    user,
    apiKey,
    tenantSlug: headers.get(TENANT_HEADER),
    origin: requestOrigin(headers),
  };
}
