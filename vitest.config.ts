import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Enforced floors (issue: quality gates), from the measured figures rounded down (2026-11-30:
// src/server 90.3 % lines, 81.5 % branches; all of src 66.7 % / 56.2 %, the pages and components
// being tested in the browser, which this does not measure). Raise them as tests grow; never
// lower them to land a change. The goal for all of src is 70 %.
const COVERAGE_THRESHOLDS = {
  lines: 65,
  branches: 55,
  "src/server/**": { lines: 88, branches: 80 },
};

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./src", import.meta.url)),
      // Server modules guard against client imports with "server-only"; tests are the server.
      "server-only": fileURLToPath(new URL("./src/test/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["src/test/global-setup.ts"],
    setupFiles: ["src/test/setup.ts"],
    // One worker, modules kept between files: the database (PGlite compiles ~5 s of WASM)
    // is opened and migrated once for the whole run. Files still run one after another.
    pool: "forks",
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Limits high enough for the concurrency tests; rate-limit tests build their own limiters.
    env: { APP_ENV: "test", LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", RATE_LIMIT_PER_MINUTE: "1000000" },
    // `npm test -- --coverage` (CI does it on the embedded database). Every file of src counts,
    // loaded by a test or not, so an untested module lowers the figure instead of vanishing from it.
    coverage: {
      provider: "v8",
      include: ["src/**/*.{ts,tsx}"],
      exclude: [
        "src/**/*.test.ts",
        "src/test/**",
        "src/server/db/generated/**",
        "src/types/**",
        "src/**/*.d.ts",
      ],
      reporter: ["text-summary", "json-summary", "json"],
      reportsDirectory: "coverage",
      reportOnFailure: true,
      thresholds: COVERAGE_THRESHOLDS,
    },
  },
});
