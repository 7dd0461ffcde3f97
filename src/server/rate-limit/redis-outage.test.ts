// Redis is optional: when it goes away, rate limits fall back to memory at once (no waiting for
// reconnects), its errors are logged once through the logger, readiness stays 200 ("degraded"),
// and closeRedis() lets a script exit. With REDIS_URL the client talks to the real Redis through
// a TCP proxy the test cuts; without it, the proxy's far end is a closed port (Redis never up).
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as readyGet } from "@/app/api/health/ready/route";
import { AppError } from "@/server/errors/app-error";
import { logger } from "@/server/logger";
import { closeRedis, getRedis, pingRedis, redisOptions, watchRedis } from "@/server/redis";
import { closedPort, startTcpProxy, type TcpProxy } from "@/test/tcp-proxy";
import { consumeOrThrow } from "./consume";
import { createLimiter } from "./limiters";

const redisUrl = process.env.REDIS_URL;
let proxy: TcpProxy;
let client: Redis;

beforeAll(async () => {
  const target = redisUrl ? { host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) } : { host: "127.0.0.1", port: await closedPort() };
  proxy = await startTcpProxy(target);
  client = watchRedis(new Redis(`redis://127.0.0.1:${proxy.port}`, redisOptions()), "test");
  if (redisUrl) await new Promise<void>((resolve) => (client.status === "ready" ? resolve() : client.once("ready", () => resolve())));
});

afterAll(async () => {
  client?.disconnect();
  await proxy?.close();
});

async function timedConsumes(limiter: ReturnType<typeof createLimiter>, key: string, times: number) {
  const outcomes: string[] = [];
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    outcomes.push(await consumeOrThrow(limiter, key, "requests").then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e))));
  }
  return { outcomes, msEach: (performance.now() - started) / times };
}

describe("Redis out of reach", () => {
  it("rate limits keep working from memory, each check failing fast, the outage logged once", async () => {
    if (redisUrl) {
      const up = createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 3, durationSeconds: 60 }, client);
      expect((await timedConsumes(up, "k", 4)).outcomes).toEqual(["ok", "ok", "ok", "TOO_MANY_REQUESTS"]);
    }
    const warn = vi.spyOn(logger, "warn");
    const error = vi.spyOn(logger, "error");
    try {
      await proxy.cut();
      // Let the client notice (the socket closes at once when the proxy drops it).
      await new Promise((resolve) => setTimeout(resolve, 100));
      const limiter = createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 50, durationSeconds: 60 }, client);
      const { outcomes, msEach } = await timedConsumes(limiter, "k", 51);
      expect(outcomes.slice(0, 50).every((o) => o === "ok")).toBe(true);
      expect(outcomes[50]).toBe("TOO_MANY_REQUESTS");
      expect(msEach).toBeLessThan(5);
      // A few reconnect attempts have failed by now; the logger saw the outage once.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const redisLines = warn.mock.calls.filter((c) => String(c[1]).includes("redis unavailable"));
      expect(redisLines).toHaveLength(1);
      expect(error.mock.calls.filter((c) => String(c[1]).includes("rate limiter unavailable"))).toHaveLength(0);
      expect(client.listenerCount("error")).toBeGreaterThan(0);
    } finally {
      warn.mockRestore();
      error.mockRestore();
      await proxy.restore();
    }
  });

  it.skipIf(!redisUrl)("comes back to Redis once it answers again", async () => {
    await new Promise<void>((resolve) => (client.status === "ready" ? resolve() : client.once("ready", () => resolve())));
    const limiter = createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 2, durationSeconds: 60 }, client);
    expect((await timedConsumes(limiter, "k", 3)).outcomes).toEqual(["ok", "ok", "TOO_MANY_REQUESTS"]);
    expect(await client.exists(limiter.getKey("k"))).toBe(1);
  });

  it.skipIf(!redisUrl)("readiness stays 200 with Redis reported degraded", async () => {
    const global = globalThis as unknown as { caseboardRedis?: Redis };
    const previous = global.caseboardRedis;
    global.caseboardRedis = client;
    try {
      await proxy.cut();
      const response = await readyGet();
      const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; status?: string }> };
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body.status).toBe("degraded");
      expect(body.checks.redis).toMatchObject({ ok: false, status: "degraded" });
      expect(body.checks.database?.ok).toBe(true);
    } finally {
      global.caseboardRedis = previous;
      await proxy.restore();
    }
  });

  it.skipIf(!redisUrl)("closeRedis() closes the shared client so a script can exit", async () => {
    const shared = getRedis();
    expect(await pingRedis(2_000)).toBe("PONG");
    await closeRedis();
    expect(shared.status).toBe("end");
    // The next use opens a fresh one.
    expect(getRedis()).not.toBe(shared);
    await closeRedis();
  });
});
