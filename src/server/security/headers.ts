// Security headers for every response; next.config.mjs applies them to all routes.
// Next injects inline scripts for hydration, hence 'unsafe-inline' for scripts; everything else
// loads from this origin only, and no page may be framed.
export function securityHeaders(appEnv: string | undefined): { key: string; value: string }[] {
  const deployed = appEnv === "production" || appEnv === "staging";
  const contentSecurityPolicy = [
    "default-src 'self'",
    // Development tooling (fast refresh) evaluates code; deployed builds never need it.
    `script-src 'self' 'unsafe-inline'${deployed ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    // HSTS only where the app is served over HTTPS; on localhost it would pin the browser to https.
    ...(deployed ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }] : []),
  ];
}
