// Cross-site request forgery guard for requests that change state with the session cookie: the
// browser says where a request comes from (Sec-Fetch-Site, else Origin), and only this app's own
// pages may send them. Requests with an API key (Authorization: Bearer) carry no ambient
// credential, so they are exempt; so are requests with neither header (not from a browser that
// could have been made to send our cookie). The proxy applies it to every unsafe request it sees
// (server actions, /api/trpc, /api/v1, /api/auth); the upload route, outside the proxy, itself.
import { AppError } from "@/server/errors/app-error";
import { configuredPublicUrl, requestHost } from "@/server/http/public-url";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The FORBIDDEN error to answer with, or null when the request may proceed. */
export function crossSiteRefusal(request: Pick<Request, "method" | "headers">): AppError | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const { headers } = request;
  if (/^Bearer\s+\S/i.test(headers.get("authorization") ?? "")) return null;
  const fetchSite = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  let allowed: boolean;
  if (fetchSite) {
    // "none": the user's own navigation (typed URL, bookmark); "same-site" is another origin.
    allowed = fetchSite === "same-origin" || fetchSite === "none";
  } else if (origin) {
    const originHost = origin === "null" ? undefined : hostOf(origin);
    const configured = configuredPublicUrl();
    // Cookies belong to the host the browser addressed, so that host is the origin that may use them.
    allowed = !!originHost && (originHost === requestHost(headers) || (!!configured && originHost === hostOf(configured)));
  } else {
    allowed = true;
  }
  return allowed ? null : new AppError("FORBIDDEN", "Cross-site requests are not accepted; use the app or an API key", { reason: "CROSS_SITE_REQUEST" });
}
