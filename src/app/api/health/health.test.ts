import { describe, expect, it } from "vitest";
import { GET as live } from "./route";
import { GET as ready } from "./ready/route";
import pkg from "../../../../package.json" with { type: "json" };

describe("health", () => {
  it("liveness answers with version and uptime, touching nothing else", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { status: string; version: string; uptimeSeconds: number };
    expect(body).toMatchObject({ status: "ok", version: pkg.version });
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it("readiness reports the database reachable with every migration applied", async () => {
    const response = await ready();
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> };
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.checks.database?.ok).toBe(true);
    expect(body.checks.database?.detail).toMatch(/migrations applied/);
    if (process.env.REDIS_URL) expect(body.checks.redis).toMatchObject({ ok: true, detail: "PONG" });
  });
});
