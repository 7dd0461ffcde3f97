// The slow-query log: statements over SLOW_QUERY_MS, logged once each with their SQL (never
// their parameters), duration, tenant and procedure. On the run's database.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { runWithContext, type RequestContext } from "@/server/context/request-context";
import { logger } from "@/server/logger";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { withPrivilegedDb } from "./privileged-db";
import { reportIfSlow, truncateSql } from "./query-log";
import { withTenantDb } from "./tenant-db";

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant("slow-query");
});

describe("the slow-query log", () => {
  it("logs a statement over SLOW_QUERY_MS (500 ms) once, with its SQL but not its parameters, its duration, tenant and procedure", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation((() => undefined) as never);
    try {
      const context = { requestId: "slow-query-test", tenant: { id: tenant.id, slug: tenant.slug }, procedure: "cases.list" } as RequestContext;
      await runWithContext(context, () =>
        withTenantDb(tenant.id, async (db) => {
          await db.$queryRaw`SELECT ${"a-parameter-value"}::text AS p FROM pg_sleep(${0.55})`;
          await db.$queryRaw`SELECT 1`;
        }),
      );
      const lines = warn.mock.calls.filter(([, msg]) => msg === "slow query").map(([fields]) => fields as Record<string, unknown>);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ tenantId: tenant.id, procedure: "cases.list", durationMs: expect.any(Number) });
      expect(lines[0]!.durationMs).toBeGreaterThanOrEqual(500);
      expect(lines[0]!.sql).toMatch(/FROM pg_sleep\(\$2/);
      expect(JSON.stringify(lines[0])).not.toContain("a-parameter-value");
    } finally {
      warn.mockRestore();
    }
  });

  it("times the privileged transactions' statements too (no tenant there)", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation((() => undefined) as never);
    try {
      await withPrivilegedDb("test: slow query", (db) => db.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.55)`);
      const lines = warn.mock.calls.filter(([, msg]) => msg === "slow query").map(([fields]) => fields as Record<string, unknown>);
      expect(lines).toEqual([expect.objectContaining({ sql: "SELECT 1 AS one FROM pg_sleep(0.55)", tenantId: undefined })]);
    } finally {
      warn.mockRestore();
    }
  });

  it("is off at 0, and truncates long SQL to one line", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation((() => undefined) as never);
    try {
      reportIfSlow("SELECT 1", performance.now() - 10_000, 0);
      expect(warn).not.toHaveBeenCalled();
      reportIfSlow("SELECT 1", performance.now() - 10_000, 5_000);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
    const long = truncateSql(`SELECT\n  ${"x, ".repeat(400)}1`);
    expect(long).toHaveLength(501);
    expect(long).not.toContain("\n");
  });
});
