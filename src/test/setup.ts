// Opens and migrates the test database once per run (modules are shared between files).
import { beforeAll, inject } from "vitest";
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
