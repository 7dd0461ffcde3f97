// Validate the environment while the config loads, so a bad env fails `next build` and `next start`.
import { createJiti } from "jiti";

const jiti = createJiti(import.meta.url);
await jiti.import("./src/env.ts");

/** @type {import("next").NextConfig} */
const config = {
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
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
