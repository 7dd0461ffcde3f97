// The one source of the app's own absolute address, for every link it builds (mail, invitation
// links, the OpenAPI server URL) and for the same-origin checks. The configured public URL
// (NEXTAUTH_URL, which next-auth reads too) wins; without it, the request's own origin.
// X-Forwarded-Host/-Proto are honoured here because the client-ip hook keeps them only on
// requests from a trusted proxy; from anyone else Next derives them from Host and the socket.
import { env } from "@/env";

type HeaderSource = Pick<Headers, "get">;

const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The configured public URL without a trailing slash, if there is one. */
export function configuredPublicUrl(): string | undefined {
  return env.NEXTAUTH_URL?.replace(/\/+$/, "");
}

/** The host the client addressed (a trusted proxy's X-Forwarded-Host, else Host), if well-formed. */
export function requestHost(headers: HeaderSource): string | undefined {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
  return host && HOST_PATTERN.test(host) ? host.toLowerCase() : undefined;
}

/** The origin the client addressed: scheme from X-Forwarded-Proto (Next sets it), host as above. */
export function requestOrigin(headers: HeaderSource): string | undefined {
  const host = requestHost(headers);
  if (!host) return undefined;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

/**
 * The base of every absolute URL the app builds: the configured public URL, else the origin of
 * the request being served, else (scripts, no request) this server's own port on localhost.
 */
export function publicBaseUrl(requestOriginOrHeaders?: string | HeaderSource): string {
  const fromRequest = typeof requestOriginOrHeaders === "string" ? requestOriginOrHeaders : requestOriginOrHeaders && requestOrigin(requestOriginOrHeaders);
  return (configuredPublicUrl() ?? fromRequest ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

export function absoluteUrl(path: string, requestOriginOrHeaders?: string | HeaderSource): string {
  return `${publicBaseUrl(requestOriginOrHeaders)}${path.startsWith("/") ? path : `/${path}`}`;
}
