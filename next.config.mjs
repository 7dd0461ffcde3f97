// Validate the environment while the config loads, so a bad env fails `next build` and `next start`.
import { createJiti } from "jiti";

const jiti = createJiti(import.meta.url);
await jiti.import("./src/env.ts");

const { securityHeaders } = await jiti.import("./src/server/security/headers.ts");

/** @type {import("next").NextConfig} */
const config = {
  output: "standalone",
  // The browser tests build into their own folder so they never disturb a running dev server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  devIndicators: false,
  // The dev server also answers on 127.0.0.1 (scripts, browser tests); let it load dev resources there.
  allowedDevOrigins: ["127.0.0.1"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.APP_ENV) }];
  },
  // Types are checked once by `npm run typecheck` (CI runs it before the build), not again here.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // forbidden() from next/navigation: a member whose role lacks a page's permission gets a 403
  // page that says so (src/app/forbidden.tsx), not an error.
  experimental: { authInterrupts: true },
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
  ],
};

export default config;
