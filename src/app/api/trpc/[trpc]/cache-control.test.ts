// tRPC answers carry one caller's tenant data: no cache (shared or the browser's) may keep them.
import { describe, expect, it } from "vitest";
import { createTestApiKey, createTestTenant } from "@/test/factories";
import { GET, POST } from "./route";

describe("tRPC over HTTP: caching", () => {
  it("answers private, no-store to queries, mutations and errors", async () => {
    const tenant = await createTestTenant("cache");
    const auth = { authorization: `Bearer ${await createTestApiKey(tenant)}` };
    const input = encodeURIComponent(JSON.stringify({ json: {} }));
    const responses = [
      await GET(new Request(`http://localhost/api/trpc/cases.list?input=${input}`, { headers: auth })),
      await GET(new Request(`http://localhost/api/trpc/cases.list?input=${input}`, { headers: { authorization: "Bearer cb_nope_not-a-key" } })),
      await POST(
        new Request("http://localhost/api/trpc/cases.create", {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify({ json: { title: "Cache me not", priority: "LOW" } }),
        }),
      ),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 401, 200]);
    for (const response of responses) expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
