// The pieces the networked buses share, on their own (no server needed): outage logging once per
// outage, publish bookkeeping, deadlines and reconnect backoff.
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/server/logger";
import { backoff, outageLog, trackPublish, withDeadline } from "./types";

afterEach(() => vi.restoreAllMocks());

describe("bus helpers", () => {
  it("logs the first failure of an outage and its recovery once each, quiet in between", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const health = outageLog("redis", "publish");
    health.recovered();
    expect(info).not.toHaveBeenCalled();
    health.failed(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
    health.failed(new Error("again"));
    health.failed("a string");
    expect(health.failing).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatchObject({ err: { message: "refused", code: "ECONNREFUSED" }, bus: "redis", side: "publish" });
    health.recovered();
    health.recovered();
    expect(info).toHaveBeenCalledTimes(1);
    expect(health.failing).toBe(false);
  });

  it("answers a publish true or false, never throwing, and tracks it until it settles", async () => {
    vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const inFlight = new Set<Promise<unknown>>();
    const health = outageLog("postgres", "publish");
    let release!: () => void;
    const pending = trackPublish(() => new Promise<void>((r) => (release = r)), health, inFlight);
    expect(inFlight.size).toBe(1);
    release();
    expect(await pending).toBe(true);
    await Promise.resolve();
    expect(inFlight.size).toBe(0);
    expect(await trackPublish(() => Promise.reject(new Error("down")), health, inFlight)).toBe(false);
    expect(health.failing).toBe(true);
  });

  it("rejects work that outlives its deadline, and passes on what settles in time", async () => {
    await expect(withDeadline(Promise.resolve("done"), 50, "quick")).resolves.toBe("done");
    await expect(withDeadline(new Promise(() => undefined), 10, "listening connection check")).rejects.toThrow(
      "listening connection check timed out after 10 ms",
    );
  });

  it("backs off from the minimum, doubling, up to the maximum", () => {
    expect([1, 2, 3, 4, 10, 100].map((n) => backoff(n, 100, 5_000))).toEqual([100, 200, 400, 800, 5_000, 5_000]);
  });
});
