// Runs before every page and API request: gives each request an id (keeping a valid incoming
// one), refuses what must not reach the app (cross-site writes, bodies Next would cut short),
// sets the per-request Content-Security-Policy, tells server code which tenant the URL names,
// and sends signed-out visitors of tenant pages to sign in. It decides nothing about access:
// the tenant middleware does, on the server.
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/server/errors/app-error";
import type { ErrorBody } from "@/server/errors/to-app-error";
import { PROXY_BODY_LIMIT_BYTES } from "@/server/security/body-limit";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/server/security/headers";
import { crossSiteRefusal } from "@/server/security/same-origin";

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const TENANT_HEADER = "x-caseboard-tenant";
/** The tenant page's own path, so the tenant layout can send an old slug's links to the new slug. */
const PATH_HEADER = "x-caseboard-path";
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** The app's one error shape, answered before Next handles the request. */
function refuse(error: AppError, requestId: string): NextResponse {
  const body: ErrorBody = { code: error.code, message: error.message, details: error.details, requestId };
  return NextResponse.json(body, { status: error.httpStatus, headers: { "x-request-id": requestId, "cache-control": "private, no-store" } });
}

/**
 * Next answers a server action whose Origin is foreign with a 500, and cuts bodies over its
 * buffer so the route sees broken JSON (a 400): both are refused here with the right status.
 */
function refusal(request: NextRequest): AppError | null {
  // The chat widget's API is called from the websites its tenant allows, with no session: it
  // checks those origins itself (src/server/api/routers/widget/widget-procedure.ts).
  const crossSite = request.nextUrl.pathname.startsWith("/api/widget/") ? null : crossSiteRefusal(request);
  if (crossSite) return crossSite;
  const announced = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(announced) && announced > PROXY_BODY_LIMIT_BYTES) {
    return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${PROXY_BODY_LIMIT_BYTES} bytes`, { maxBytes: PROXY_BODY_LIMIT_BYTES });
  }
  return null;
}

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set("content-security-policy", policy);
  const hsts = strictTransportSecurity(process.env.APP_ENV);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

/** The chat widget's page: framed by the websites its tenant allows (none for an unknown widget). */
const WIDGET_PAGE = /^\/widget\/([A-Za-z0-9_-]{1,64})\/?$/;

async function frameAncestorsFor(pathname: string): Promise<readonly string[] | undefined> {
  const widgetId = pathname.match(WIDGET_PAGE)?.[1];
  if (!widgetId) return undefined;
  const { widgetFrameAncestors } = await import("@/server/security/widget-frame-ancestors");
  return widgetFrameAncestors(widgetId);
}

export async function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
  const frameAncestors = await frameAncestorsFor(request.nextUrl.pathname);
  const policy = contentSecurityPolicy(newNonce(), { devServer: process.env.NODE_ENV === "development", frameAncestors });

  const refused = refusal(request);
  if (refused) return withSecurityHeaders(refuse(refused, requestId), policy);

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  // Next takes the nonce for its scripts from the policy on the request.
  headers.set("content-security-policy", policy);

  const { pathname, search } = request.nextUrl;
  const tenantMatch = pathname.match(/^\/t\/([^/]+)/);
  if (tenantMatch) {
    // Pages and server actions under /t/<slug>: the URL is the only source of the tenant.
    headers.set(TENANT_HEADER, decodeURIComponent(tenantMatch[1]!));
    headers.set(PATH_HEADER, pathname + search);
    if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
      const signIn = new URL("/sign-in", request.url);
      signIn.searchParams.set("callbackUrl", pathname + search);
      return withSecurityHeaders(NextResponse.redirect(signIn, { headers: { "x-request-id": requestId } }), policy);
    }
  } else if (!pathname.startsWith("/api/")) {
    headers.delete(TENANT_HEADER);
    headers.delete(PATH_HEADER);
  }

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return withSecurityHeaders(response, policy);
}

export const config = {
  // The uploads stay out: Next buffers (and past the proxy body limit cuts) the body of every
  // request the proxy sees, and the upload route streams its body, sets its own request id and
  // checks the origin itself.
  // Attachment uploads (a member's, a chat visitor's) stream too; their downloads go through.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/imports/upload|api/attachments$|api/widget/v1/[^/]+/attachments$).*)"],
};
