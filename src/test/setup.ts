// Opens and migrates the test database once per run (modules are shared between files).
import { beforeAll, beforeEach, inject } from "vitest";
import { forgetCachedCredentials } from "@/server/auth/auth-cache";
import { bootDatabase } from "@/server/db/database";

const globalForTests = globalThis as unknown as { caseboardTestDb?: Promise<unknown> };

beforeAll(async () => {
  globalForTests.caseboardTestDb ??= bootDatabase({
    url: inject("testDatabaseUrl") ?? undefined,
    dataDir: "memory://",
    migrate: true,
  });
  await globalForTests.caseboardTestDb;
});

// Modules (and so the credential cache) are shared between files: a key or session cached by
// one test must not answer for another test's fixtures, which change credentials directly.
beforeEach(() => forgetCachedCredentials());
