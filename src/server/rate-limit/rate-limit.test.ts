import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { apiKeyLimitKey } from "@/server/api/context";
import { hashApiKey } from "@/server/auth/api-keys";
import { getDatabase } from "@/server/db/database";
import { AppError } from "@/server/errors/app-error";
import { guardedSignIn, progressiveDelayMs, SignInLocked } from "@/server/services/accounts/sign-in-guard";
import { createTestApiKey, createTestTenant } from "@/test/factories";
import { consumeOrThrow } from "./consume";
import { createLimiter, overrideLimiters } from "./limiters";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe("rate limits", () => {
  it("refuse past the limit with the time to wait, and recover after it", async () => {
    const limiter = createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 2, durationSeconds: 1 });
    await consumeOrThrow(limiter, "k", "requests");
    await consumeOrThrow(limiter, "k", "requests");
    const refused = await consumeOrThrow(limiter, "k", "requests").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("TOO_MANY_REQUESTS");
    expect((refused as AppError).details?.retryAfterSeconds).toBe(1);
    await consumeOrThrow(limiter, "other-key", "requests");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(consumeOrThrow(limiter, "k", "requests")).resolves.toBeUndefined();
  });

  it("answer 429 with Retry-After and the standard error body over HTTP, per API key", async () => {
    restore = overrideLimiters({ api: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 2, durationSeconds: 60 }) });
    const tenant = await createTestTenant();
    const key = await createTestApiKey(tenant);
    const call = (apiKey: string) =>
      trpcGet(
        new Request("http://localhost/api/trpc/cases.list?input=%7B%22json%22%3A%7B%7D%7D", {
          headers: { authorization: `Bearer ${apiKey}`, "x-request-id": "rate-limit-test-1" },
        }),
      );
    expect((await call(key)).status).toBe(200);
    expect((await call(key)).status).toBe(200);
    const limited = await call(key);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await limited.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(body.error.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", requestId: "rate-limit-test-1" });
    // Another key has its own budget.
    expect((await call(await createTestApiKey(tenant))).status).toBe(200);
  });

  it("refuse an API key over its limit before looking the key up: a flood costs no database work", async () => {
    restore = overrideLimiters({ api: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 1, durationSeconds: 60 }) });
    const tenant = await createTestTenant();
    const key = await createTestApiKey(tenant);
    const madeUp = `cb_abcdefgh_${"x".repeat(40)}`;
    const call = (apiKey: string) =>
      trpcGet(new Request("http://localhost/api/trpc/cases.list?input=%7B%22json%22%3A%7B%7D%7D", { headers: { authorization: `Bearer ${apiKey}` } }));
    expect((await call(key)).status).toBe(200);
    expect((await call(madeUp)).status).toBe(401);
    const { prisma } = await getDatabase();
    const transactions = vi.spyOn(prisma, "$transaction");
    const rawQueries = vi.spyOn(prisma, "$queryRaw");
    try {
      for (const apiKey of [key, madeUp, key]) {
        const limited = await call(apiKey);
        expect(limited.status).toBe(429);
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
        const body = (await limited.json()) as { error: { json: { data: Record<string, unknown> } } };
        expect(body.error.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", requestId: limited.headers.get("x-request-id") });
      }
      expect(transactions).not.toHaveBeenCalled();
      expect(rawQueries).not.toHaveBeenCalled();
    } finally {
      transactions.mockRestore();
      rawQueries.mockRestore();
    }
    // The limit is keyed by the presented key's hash (sha256 of the bearer), not by the key's row.
    expect(apiKeyLimitKey(key)).toBe(`key:${hashApiKey(key)}`);
  });

  it("bound made-up keys by the caller's address: rotating keys is refused once the address has spent its budget", async () => {
    restore = overrideLimiters({ api: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 2, durationSeconds: 60 }) });
    const madeUp = () => `cb_abcdefgh_${randomUUID().replaceAll("-", "")}`;
    const call = (apiKey: string) =>
      trpcGet(new Request("http://localhost/api/trpc/cases.list?input=%7B%22json%22%3A%7B%7D%7D", { headers: { authorization: `Bearer ${apiKey}` } }));
    expect((await call(madeUp())).status).toBe(401);
    expect((await call(madeUp())).status).toBe(401);
    const { prisma } = await getDatabase();
    const rawQueries = vi.spyOn(prisma, "$queryRaw");
    try {
      const limited = await call(madeUp());
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(rawQueries).not.toHaveBeenCalled();
    } finally {
      rawQueries.mockRestore();
    }
  });

  it("lock an account after repeated failed sign-ins, even for the right password", async () => {
    restore = overrideLimiters({
      signInAccount: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 3, durationSeconds: 900, blockDurationSeconds: 900 }),
      signInIp: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 30, durationSeconds: 3600, blockDurationSeconds: 3600 }),
    });
    const wrong = async () => null;
    const right = async () => ({ id: "user" });
    for (let i = 0; i < 3; i++) expect(await guardedSignIn("victim@example.test", "203.0.113.9", wrong)).toBeNull();
    await expect(guardedSignIn("victim@example.test", "198.51.100.1", right)).rejects.toBeInstanceOf(SignInLocked);
    // Other accounts are not locked out by it.
    expect(await guardedSignIn("someone@example.test", "203.0.113.9", right)).toEqual({ id: "user" });
  });

  it("count an IPv6 client's whole /64 as one address: rotating addresses within it does not reset its sign-in budget", async () => {
    restore = overrideLimiters({
      signInAccount: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 30, durationSeconds: 900, blockDurationSeconds: 900 }),
      signInIp: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 3, durationSeconds: 3600, blockDurationSeconds: 3600 }),
    });
    const wrong = async () => null;
    const right = async () => ({ id: "user" });
    // Three accounts guessed from three addresses of one network, each only once.
    for (const [i, host] of ["::1", "::2", ":a:b:c:d"].entries()) {
      expect(await guardedSignIn(`guess${i}@example.test`, `2001:db8:7:7${host}`, wrong, 0)).toBeNull();
    }
    await expect(guardedSignIn("guess9@example.test", "2001:db8:7:7:ffff::9", right)).rejects.toBeInstanceOf(SignInLocked);
    // The next network, and an IPv4 client, are someone else.
    expect(await guardedSignIn("guess9@example.test", "2001:db8:7:8::1", right)).toEqual({ id: "user" });
    expect(await guardedSignIn("guess9@example.test", "203.0.113.9", right)).toEqual({ id: "user" });
  });

  it("answer each failed sign-in after the first later than the one before", async () => {
    expect([1, 2, 3, 4, 5].map((n) => progressiveDelayMs(n, 250))).toEqual([0, 250, 500, 1000, 2000]);
    expect(progressiveDelayMs(20, 250)).toBe(8000);
    restore = overrideLimiters({
      signInAccount: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 10, durationSeconds: 900, blockDurationSeconds: 900 }),
    });
    const wrong = async () => null;
    const timed = async () => {
      const t0 = performance.now();
      await guardedSignIn("slow@example.test", "ip", wrong, 40);
      return performance.now() - t0;
    };
    const [first, , third] = [await timed(), await timed(), await timed()];
    expect(third).toBeGreaterThanOrEqual(78);
    expect(first).toBeLessThan(third);
  });

  it("clear an account's failures after a successful sign-in", async () => {
    restore = overrideLimiters({
      signInAccount: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 3, durationSeconds: 900, blockDurationSeconds: 900 }),
    });
    const wrong = async () => null;
    const right = async () => ({ id: "user" });
    await guardedSignIn("forgetful@example.test", "ip", wrong);
    await guardedSignIn("forgetful@example.test", "ip", wrong);
    await guardedSignIn("forgetful@example.test", "ip", right);
    await guardedSignIn("forgetful@example.test", "ip", wrong);
    await guardedSignIn("forgetful@example.test", "ip", wrong);
    expect(await guardedSignIn("forgetful@example.test", "ip", right)).toEqual({ id: "user" });
  });
});
