import { describe, expect, it } from "vitest";
import { backoffMs, BACKOFF_MAX_MS, retryAfterMs } from "./retry-delay";

describe("retryAfterMs", () => {
  const now = Date.parse("2026-12-01T10:00:00Z");
  it.each([
    [{ "retry-after": "2" }, 2000],
    [{ "retry-after": "0.5" }, 500],
    [{ "retry-after-ms": "250", "retry-after": "9" }, 250],
    [{ "retry-after": "Tue, 01 Dec 2026 10:00:30 GMT" }, 30_000],
    [{ "retry-after": "Tue, 01 Dec 2026 09:00:00 GMT" }, 0],
    [{ "retry-after": "soon" }, null],
    [{}, null],
    [undefined, null],
  ])("reads %j as %s", (headers, expected) => {
    expect(retryAfterMs(headers as Record<string, string> | undefined, now)).toBe(expected);
  });
});

describe("backoffMs", () => {
  it("doubles per retry between half and all of its ceiling, capped", () => {
    expect(backoffMs(1, 0)).toBe(250);
    expect(backoffMs(1, 0.999)).toBe(500);
    expect(backoffMs(2, 0)).toBe(500);
    expect(backoffMs(3, 0.5)).toBe(1500);
    expect(backoffMs(20, 0.999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    expect(backoffMs(20, 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});
