// Loads the tenant middleware, and the router built on it, inside a test instead of at file load.
// A broken module-level value (the deletion date format, the middleware factory the procedure
// builders call) then fails this test: a test file that cannot load reports no failed test.
import { describe, expect, it } from "vitest";

describe("tenant middleware module", () => {
  it("loads, and the app router builds its tenant procedures on it", async () => {
    const { tenantMiddleware } = await import("./tenant");
    expect(tenantMiddleware).toBeTypeOf("function");
    const { appRouter } = await import("@/server/api/root");
    const procedures = Object.values(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { permission?: string } } }>);
    expect(procedures.filter((p) => p._def.meta?.permission).length).toBeGreaterThan(0);
  });
});
