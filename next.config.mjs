// Validate the environment while the config loads, so a bad env fails `next build` and `next start`.
import { createJiti } from "jiti";

const jiti = createJiti(import.meta.url);
await jiti.import("./src/env.ts");

const { securityHeaders, frameDenial, NOT_FRAMEABLE_PATHS } = await jiti.import("./src/server/security/headers.ts");
const { PROXY_BODY_LIMIT_BYTES } = await jiti.import("./src/server/security/body-limit.ts");

/** @type {import("next").NextConfig} */
const config = {
  // The Docker image runs Next's self-contained server (BUILD_STANDALONE=1 in the Dockerfile);
  // everywhere else `next start` serves the build, which it cannot do from standalone output.
  ...(process.env.BUILD_STANDALONE === "1" ? { output: "standalone" } : {}),
  // The browser tests build into their own folder so they never disturb a running dev server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  devIndicators: false,
  // The dev server also answers on 127.0.0.1 (scripts, browser tests); let it load dev resources there.
  allowedDevOrigins: ["127.0.0.1"],
  // The dev server logs each request's path; invitation and reset links carry their token in it,
  // and so may a chat visitor's event stream (?token=, where the browser blocks the cookie).
  logging: { incomingRequests: { ignore: [/^\/invite\//, /^\/reset-password\//, /^\/api\/widget\/v1\/[^/]+\/events/] } },
  // The fixed headers; the proxy adds the per-request Content-Security-Policy (and HSTS).
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders() },
      { source: NOT_FRAMEABLE_PATHS, headers: [frameDenial] },
    ];
  },
  // Types are checked once by `npm run typecheck` (CI runs it before the build), not again here.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // forbidden() from next/navigation: a member whose role lacks a page's permission gets a 403
  // page that says so (src/app/forbidden.tsx), not an error.
  // proxyClientMaxBodySize: Next's buffer for bodies the proxy sees; the proxy refuses larger
  // ones with a 413 instead of letting Next cut them (src/server/security/body-limit.ts).
  experimental: { authInterrupts: true, proxyClientMaxBodySize: PROXY_BODY_LIMIT_BYTES },
  typedRoutes: false,
  // The server applies migrations at start, so the standalone output must carry them.
  outputFileTracingIncludes: { "/**": ["./prisma/migrations/**/*"] },
  // Packages that load WASM or native code at run time stay outside the server bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "pino",
    "pg",
    "ioredis",
    "nodemailer",
    "csv-parse",
    "csv-stringify",
    "prom-client",
    "rate-limiter-flexible",
    "@aws-sdk/client-s3",
    // Large server-side libraries: loaded from node_modules at run time instead of compiled into
    // each server bundle, which took seconds of every cold `npm run dev` start and route compile.
    "zod",
    "ai",
    "@ai-sdk/amazon-bedrock",
    "@ai-sdk/openai-compatible",
    "superjson",
  ],
};

export default config;
