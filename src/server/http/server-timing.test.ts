// Every API answer says where its time went (Server-Timing), on the tRPC and REST surfaces.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/trpc/[trpc]/route";
import { handleRestRequest } from "@/server/api/openapi/rest-handler";
import { createTestApiKey, createTestTenant } from "@/test/factories";
import { parseServerTiming, ServerTiming } from "./server-timing";

describe("Server-Timing", () => {
  it("adds up a batch's phases, refuses odd names and durations, and round-trips through the parser", async () => {
    const timing = new ServerTiming();
    timing.add("tx", 1.04);
    timing.add("tx", 2.02);
    timing.add("Bad Name", 5);
    timing.add("neg", -1);
    timing.add("nan", Number.NaN);
    await expect(timing.measure("proc", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const parsed = parseServerTiming(timing.header());
    expect(Object.keys(parsed)).toEqual(["tx", "proc"]);
    expect(parsed.tx).toBe(3.1);
    expect(parsed.proc).toBeGreaterThanOrEqual(0);
  });

  it("times a tRPC call's phases: auth, tenant decision, transaction inside the procedure, total", async () => {
    const tenant = await createTestTenant("timing");
    const key = await createTestApiKey(tenant);
    const url = new URL("http://caseboard.test/api/trpc/cases.list");
    url.searchParams.set("input", JSON.stringify({ json: { limit: 5 } }));
    const res = await GET(new Request(url, { headers: { authorization: `Bearer ${key}` } }));
    expect(res.status).toBe(200);
    const t = parseServerTiming(res.headers.get("server-timing"));
    expect(Object.keys(t).sort()).toEqual(["auth", "proc", "tenant", "total", "tx"]);
    expect(t.proc).toBeGreaterThanOrEqual(t.tx!);
    expect(t.total).toBeGreaterThanOrEqual(t.auth! + t.proc! - 0.2);
  });

  it("times REST calls too, the session's rate limit included", async () => {
    const tenant = await createTestTenant("timing-rest");
    const res = await handleRestRequest(
      new Request("http://caseboard.test/api/v1/cases?limit=5", { headers: { "x-caseboard-tenant": tenant.slug } }),
      { user: tenant.users.AGENT },
    );
    expect(res.status).toBe(200);
    expect(Object.keys(parseServerTiming(res.headers.get("server-timing"))).sort()).toEqual(["auth", "proc", "rate", "tenant", "total", "tx"]);
  });
});
