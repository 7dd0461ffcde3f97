// Every route handler answers every method: a wrong one gets the one error shape with a 405 and
// an Allow header, never Next's bare 405 with no body.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { otherMethods } from "./other-methods";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("methods a route does not take", () => {
  it("are refused in the one error shape, with the methods it takes", async () => {
    const { PATCH } = otherMethods(["GET", "POST"]);
    const res = PATCH(new Request("http://localhost/api/x", { method: "PATCH", headers: { "x-request-id": "req-12345678" } }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST, OPTIONS");
    expect(res.headers.get("x-request-id")).toBe("req-12345678");
    expect(await res.json()).toEqual({
      code: "METHOD_NOT_SUPPORTED",
      message: "PATCH is not supported here; use GET or POST",
      details: { allowed: ["GET", "POST"] },
      requestId: "req-12345678",
    });
  });

  it("every route file exports a handler for every method", async () => {
    const files = routeFiles(path.join(process.cwd(), "src/app"));
    expect(files.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const file of files) {
      const route = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof route[method] !== "function") missing.push(`${path.relative(process.cwd(), file)} ${method}`);
    }
    expect(missing).toEqual([]);
  }, 60_000);

  it("the liveness route refuses a POST in that shape", async () => {
    const { POST } = await import("@/app/api/health/route");
    const res = await POST(new Request("http://localhost/api/health", { method: "POST" }));
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ code: "METHOD_NOT_SUPPORTED", details: { allowed: ["GET"] } });
  });
});
