// Mutation testing of the security-critical modules (`npm run test:mutation`, see
// scripts/mutation.mjs): StrykerJS changes the code in small ways and runs the tests that guard
// it; a mutant that no test notices marks a check nobody would miss if it broke.
// Each module names its code and the test files that guard it: running only those keeps a module
// to minutes (the whole suite per mutant would take hours) and makes the score say what those
// tests prove. Incremental: results are kept per module under reports/mutation/, so a re-run only
// re-tests mutants of code or tests that changed.
export const MODULES = {
  tenancy: {
    mutate: ["src/server/db/tenancy-extension.ts", "src/server/db/tenant-db.ts", "src/server/db/tenant-scope.ts"],
    tests: [
      "src/server/db/tenancy-extension.test.ts",
      "src/server/db/tenant-scope.test.ts",
      "src/server/db/row-level-security.test.ts",
      "src/server/api/tenant-isolation.test.ts",
    ],
  },
  permissions: {
    mutate: ["src/server/auth/permissions.ts", "src/server/api/middlewares/tenant.ts"],
    tests: [
      "src/server/auth/permission-matrix.test.ts",
      "src/server/api/middlewares/tenant.test.ts",
      "src/server/api/cross-tenant-slug.test.ts",
      "src/server/api/middlewares/tenant-module.test.ts",
      "src/server/api/middlewares/tenant-timing.test.ts",
    ],
  },
  "api-keys": {
    mutate: ["src/server/auth/api-keys.ts"],
    tests: ["src/server/auth/api-keys.test.ts", "src/server/auth/auth-cache.test.ts"],
  },
  // A wrong invalidation here would let a revoked key or an ended session act for seconds.
  "auth-cache": {
    mutate: ["src/server/auth/auth-cache.ts", "src/server/db/after-commit.ts"],
    tests: ["src/server/auth/auth-cache.test.ts", "src/server/auth/auth-cache-limits.test.ts"],
  },
  crypto: {
    mutate: ["src/server/crypto/encryption.ts", "src/server/crypto/blind-index.ts", "src/server/crypto/key-ring.ts"],
    tests: ["src/server/crypto/crypto.test.ts"],
  },
  audit: {
    mutate: ["src/server/audit/index.ts", "src/server/audit/verify-chain.ts"],
    // The keyed chain (HMAC, keys rotated or unknown) and the checkpoint job (anchoring, legacy
    // events) are tested in their own files; without them most of the verifier went unexercised.
    tests: [
      "src/server/audit/record-audit.test.ts",
      "src/server/audit/audit-chain.test.ts",
      "src/server/audit/audit-keyed-chain.test.ts",
      "src/server/jobs/tasks/audit-checkpoint.test.ts",
    ],
  },
  "job-lease": {
    mutate: ["src/server/jobs/lease.ts"],
    // The lease's own tests and the heartbeat that renews it, besides the runner's kill and
    // cancellation tests.
    tests: ["src/server/jobs/lease.test.ts", "src/server/jobs/runner-heartbeat.test.ts", "src/server/jobs/runner.test.ts", "src/server/jobs/cancellation.test.ts"],
  },
};

// scripts/mutation.mjs runs Stryker once per module, naming it in MUTATION_MODULE.
const moduleName = process.env.MUTATION_MODULE ?? "crypto";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  mutate: MODULES[moduleName].mutate,
  incrementalFile: `reports/mutation/${moduleName}.incremental.json`,
  jsonReporter: { fileName: `reports/mutation/${moduleName}.json` },
  testRunner: "vitest",
  // vitest.mutation.config.ts runs only the test files named in MUTATION_TESTS (set per module).
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  // Tests share one database per run (vitest.config.ts), so mutants run one at a time.
  concurrency: 1,
  coverageAnalysis: "perTest",
  incremental: true,
  reporters: ["clear-text", "json", "progress"],
  timeoutMS: 60_000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: ".stryker-tmp",
  ignorePatterns: [".data", ".next*", "coverage", "reports", "test-results", "playwright-report"],
};

export default config;
