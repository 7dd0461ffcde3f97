// Runs before every page and API request: gives each request an id (keeping a valid incoming
// one), tells server code which tenant the URL names, and sends signed-out visitors of tenant
// pages to sign in. It decides nothing about access: the tenant middleware does, on the server.
import { NextResponse, type NextRequest } from "next/server";

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const TENANT_HEADER = "x-caseboard-tenant";
/** The tenant page's own path, so the tenant layout can send an old slug's links to the new slug. */
const PATH_HEADER = "x-caseboard-path";
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);

  const { pathname, search } = request.nextUrl;
  const tenantMatch = pathname.match(/^\/t\/([^/]+)/);
  if (tenantMatch) {
    // Pages and server actions under /t/<slug>: the URL is the only source of the tenant.
    headers.set(TENANT_HEADER, decodeURIComponent(tenantMatch[1]!));
    headers.set(PATH_HEADER, pathname + search);
    if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
      const signIn = new URL("/sign-in", request.url);
      signIn.searchParams.set("callbackUrl", pathname + search);
      return NextResponse.redirect(signIn, { headers: { "x-request-id": requestId } });
    }
  } else if (!pathname.startsWith("/api/")) {
    headers.delete(TENANT_HEADER);
    headers.delete(PATH_HEADER);
  }

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // The CSV upload stays out: Next buffers (and past 10 MB silently truncates) the body of every
  // request the proxy sees, and the upload route streams its body and sets its own request id.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/imports/upload).*)"],
};
