// Security headers. The fixed ones are set for every route by next.config.mjs. The
// Content-Security-Policy and HSTS depend on the request or on where the app runs, so the proxy
// sets them on every page and API answer at run time (next.config's headers are fixed at build).
//
// Scripts run only with this request's nonce: Next reads the nonce from the CSP on the request and
// puts it on every script it renders, and 'strict-dynamic' lets those scripts load the app's
// chunks. No inline script without the nonce runs, so injected markup cannot execute.

/** Every page but the chat widget's, which the proxy lets its tenant's websites frame (frame-ancestors). */
export const NOT_FRAMEABLE_PATHS = "/:path((?!widget/).*)";

export function securityHeaders(): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/** Old browsers, which ignore frame-ancestors, refuse to frame these pages too. */
export const frameDenial = { key: "X-Frame-Options", value: "DENY" };

export interface PolicyOptions {
  /** The dev server's fast refresh evaluates code; production builds never need eval. */
  devServer: boolean;
  /**
   * Sites that may frame the page: the chat widget's page, on the websites its tenant allows (and
   * on the app itself, for the preview in settings). Every other page may be framed by nobody.
   */
  frameAncestors?: readonly string[];
}

export function contentSecurityPolicy(nonce: string, { devServer, frameAncestors }: PolicyOptions): string {
  return [
    "default-src 'self'",
    // 'self' is for browsers without CSP level 3, which ignore 'strict-dynamic'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devServer ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    frameAncestors ? `frame-ancestors 'self'${frameAncestors.map((o) => ` ${o}`).join("")}` : "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** HSTS only where the app is served over HTTPS; on localhost it would pin the browser to https. */
export function strictTransportSecurity(appEnv: string | undefined): string | null {
  return appEnv === "production" || appEnv === "staging" ? "max-age=63072000; includeSubDomains; preload" : null;
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
