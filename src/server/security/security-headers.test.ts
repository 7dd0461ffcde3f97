import { describe, expect, it } from "vitest";
import nextConfig from "../../../next.config.mjs";
import { securityHeaders } from "./headers";

const asMap = (headers: { key: string; value: string }[]) => Object.fromEntries(headers.map((h) => [h.key.toLowerCase(), h.value]));

describe("security headers", () => {
  it("are applied by the Next config to every route", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.source).toBe("/:path*");
    expect(asMap(rules[0]!.headers)["x-frame-options"]).toBe("DENY");
  });

  it("forbid framing, sniffing and foreign scripts", () => {
    const headers = asMap(securityHeaders("development"));
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("add HSTS and drop eval when deployed", () => {
    for (const env of ["production", "staging"]) {
      const headers = asMap(securityHeaders(env));
      expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8}/);
      expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    }
  });
});
