// Which address a request comes from: a forged X-Forwarded-For from anyone but a trusted proxy
// changes nothing (limiter keys, audit rows); through a trusted proxy, the client's entry counts.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { pingRedis } from "@/server/redis";
import { createTRPCContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { createLimiter, overrideLimiters } from "@/server/rate-limit/limiters";
import { expectAppError } from "@/test/errors";
import { ipInRanges, normalizeIp, parseCidrList } from "./cidr";
import { clientIpFrom, resolveClientIp } from "./client-ip";
import { installClientIpHook } from "./client-ip-hook";
import { headersFromPeer } from "./client-ip-test-kit";

const PROXIES = parseCidrList("10.0.0.0/8, 2001:db8::/32")!;

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe("CIDR lists", () => {
  it("parse ranges and single addresses of both families, and refuse anything else", () => {
    expect(parseCidrList("")).toEqual([]);
    expect(parseCidrList("10.0.0.0/8,172.16.0.0/12, 127.0.0.1 ,::1,fd00::/8,::ffff:192.0.2.1/128")).toHaveLength(6);
    for (const bad of ["10.0.0.0/33", "10.0.0.256", "10.0.0/8", "::1/129", "fe80::1::2", "localhost", "10.0.0.0/8,", "1.2.3.4/8/8"]) {
      expect(parseCidrList(bad), bad).toBeNull();
    }
  });

  it("match addresses, IPv4-mapped IPv6 as the IPv4 it carries", () => {
    expect(ipInRanges("10.200.3.4", PROXIES)).toBe(true);
    expect(ipInRanges("::ffff:10.1.2.3", PROXIES)).toBe(true);
    expect(ipInRanges("11.0.0.1", PROXIES)).toBe(false);
    expect(ipInRanges("2001:db8:ffff::1", PROXIES)).toBe(true);
    expect(ipInRanges("2001:db9::1", PROXIES)).toBe(false);
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(normalizeIp("not-an-ip")).toBeNull();
  });
});

describe("resolveClientIp", () => {
  it("takes the socket peer when it is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("203.0.113.9", "1.2.3.4", PROXIES)).toBe("203.0.113.9");
    expect(resolveClientIp("::ffff:203.0.113.9", undefined, [])).toBe("203.0.113.9");
    expect(resolveClientIp(undefined, "1.2.3.4", PROXIES)).toBeUndefined();
  });

  it("walks X-Forwarded-For from the right past trusted proxies to the first other address", () => {
    // The client forged the first entry; the proxies appended the rest.
    expect(resolveClientIp("10.0.0.5", "6.6.6.6, 198.51.100.23, 10.0.0.9", PROXIES)).toBe("198.51.100.23");
    expect(resolveClientIp("10.0.0.5", "198.51.100.23", PROXIES)).toBe("198.51.100.23");
    // Only trusted hops: the leftmost is the best known.
    expect(resolveClientIp("10.0.0.5", "10.0.0.7, 10.0.0.9", PROXIES)).toBe("10.0.0.7");
    // Garbage where the client's address should be: the last trusted hop is all that is certain.
    expect(resolveClientIp("10.0.0.5", "evil, 10.0.0.9", PROXIES)).toBe("10.0.0.9");
    expect(resolveClientIp("10.0.0.5", undefined, PROXIES)).toBe("10.0.0.5");
  });
});

describe("the client-ip stamp", () => {
  it("is believed only when the hook wrote it: a client-sent header, or a request that skipped the hook, gives no IP", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBeUndefined();
    expect(clientIpFrom(new Headers({ "x-caseboard-client-ip": "anything 203.0.113.9" }))).toBeUndefined();
    const vetted = headersFromPeer("203.0.113.9", { "x-caseboard-client-ip": "forged 1.2.3.4", "x-forwarded-for": "1.2.3.4" });
    expect(clientIpFrom(vetted)).toBe("203.0.113.9");
    expect(clientIpFrom(new Headers(vetted))).toBe("203.0.113.9");
    expect(vetted["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it("drops forwarded host and scheme from an untrusted peer and keeps them from a trusted proxy", () => {
    const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "host=evil.example" };
    expect(headersFromPeer("203.0.113.9", forged)).not.toHaveProperty("x-forwarded-host");
    expect(headersFromPeer("203.0.113.9", forged)).not.toHaveProperty("forwarded");
    expect(headersFromPeer("10.0.0.5", forged, PROXIES)).toMatchObject({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  });

  it("is written on real requests by the hook, from the socket", async () => {
    installClientIpHook();
    const server = createServer((req, res) => res.end(JSON.stringify({ ip: clientIpFrom(req.headers), xff: req.headers["x-forwarded-for"] })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "x-forwarded-for": "192.0.2.1", "x-caseboard-client-ip": "guess 192.0.2.1" },
      });
      expect(await response.json()).toEqual({ ip: "127.0.0.1", xff: "127.0.0.1" });
    } finally {
      server.close();
    }
  });
});

describe("limiters and audit use the decided IP", () => {
  // With REDIS_URL, a limiter counts in memory until the client has connected (it never waits for
  // Redis): wait for it, so every call of a test counts in the same place.
  beforeAll(async () => {
    if (env.REDIS_URL) await pingRedis(5_000);
  });

  const previewWith = async (headers: Record<string, string>) =>
    createCaller(await createTRPCContext({ headers: new Headers(headers), user: null })).invitations.preview({ token: "x".repeat(43) });

  it("rotating a forged X-Forwarded-For does not escape the per-IP limit", async () => {
    restore = overrideLimiters({ tokenIp: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 2, durationSeconds: 60 }) });
    const peer = "203.0.113.77";
    await previewWith(headersFromPeer(peer, { "x-forwarded-for": "198.51.100.1" }));
    await previewWith(headersFromPeer(peer, { "x-forwarded-for": "198.51.100.2" }));
    await expectAppError(previewWith(headersFromPeer(peer, { "x-forwarded-for": "198.51.100.3" })), "TOO_MANY_REQUESTS");
    // Another address has its own budget.
    await previewWith(headersFromPeer("203.0.113.78"));
  });

  it("behind a trusted proxy, each client the proxy names has its own budget", async () => {
    restore = overrideLimiters({ tokenIp: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 1, durationSeconds: 60 }) });
    const viaProxy = (client: string) => headersFromPeer("10.0.0.5", { "x-forwarded-for": `6.6.6.6, ${client}` }, PROXIES);
    expect((await createTRPCContext({ headers: new Headers(viaProxy("198.51.100.40")), user: null })).ip).toBe("198.51.100.40");
    await previewWith(viaProxy("198.51.100.40"));
    await previewWith(viaProxy("198.51.100.41"));
    await expectAppError(previewWith(viaProxy("198.51.100.40")), "TOO_MANY_REQUESTS");
  });
});
