// The tenant middleware's share of a request's Server-Timing header: the time it took to decide the
// tenant (membership, status, permission) and the time of the tenant transaction, each a duration
// within the call, reported under its own name.
import { describe, expect, it } from "vitest";
import { createTRPCContext, TENANT_HEADER } from "@/server/api/context";
import { createCallerFactory, createTRPCRouter, tenantProcedure } from "@/server/api/trpc";
import { parseServerTiming, ServerTiming } from "@/server/http/server-timing";
import { createTestApiKey, createTestTenant } from "@/test/factories";

const router = createTRPCRouter({
  count: tenantProcedure("cases:read").query(({ ctx }) => ctx.db.case.count()),
});
const createCaller = createCallerFactory(router);

describe("the tenant middleware's Server-Timing phases", () => {
  it("times the tenant decision and the transaction, each within the procedure's time, for a signed-in user and an API key", async () => {
    const tenant = await createTestTenant("timing");
    const key = await createTestApiKey(tenant, { role: "AGENT" });
    const callers = [
      { headers: new Headers({ [TENANT_HEADER]: tenant.slug }), user: tenant.users.AGENT },
      { headers: new Headers({ authorization: `Bearer ${key}` }) },
    ];
    for (const options of callers) {
      const timing = new ServerTiming();
      const caller = createCaller(await createTRPCContext({ ...options, timing }));
      const started = performance.now();
      expect(await caller.count()).toBe(0);
      const elapsed = performance.now() - started;
      const phases = parseServerTiming(timing.header());
      // Besides the context's and the other middlewares' phases (auth, rate, proc), the tenant middleware's own.
      expect(Object.keys(phases)).toEqual(expect.arrayContaining(["tenant", "tx", "proc"]));
      // Durations, parts of the procedure's time (the header rounds each to 0.1 ms), not clock readings.
      expect(phases.tenant! + phases.tx!).toBeLessThanOrEqual(Math.min(phases.proc!, elapsed) + 0.2);
    }
  });
});
