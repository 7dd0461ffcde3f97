import { describe, expect, it } from "vitest";
import nextConfig from "../../../next.config.mjs";
import { contentSecurityPolicy, newNonce, securityHeaders, strictTransportSecurity } from "./headers";

const asMap = (headers: { key: string; value: string }[]) => Object.fromEntries(headers.map((h) => [h.key.toLowerCase(), h.value]));

describe("security headers", () => {
  it("are applied by the Next config to every route; the CSP is not (the proxy sets it per request)", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(2);
    expect(rules[0]!.source).toBe("/:path*");
    const headers = asMap(rules[0]!.headers);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toBeUndefined();
    // X-Frame-Options on every path but the chat widget's page (framed by its tenant's websites).
    const denial = rules[1]!;
    expect(asMap(denial.headers)["x-frame-options"]).toBe("DENY");
    const matches = (path: string) => new RegExp(`^${denial.source.replace("/:path(", "/(")}$`).test(path);
    expect(matches("/t/acme/cases")).toBe(true);
    expect(matches("/")).toBe(true);
    expect(matches("/widget/w_abc")).toBe(false);
  });

  it("let the chat widget's page be framed by the websites named, and by the app itself", () => {
    const policy = contentSecurityPolicy(newNonce(), { devServer: false, frameAncestors: ["https://shop.example", "http://localhost:8080"] });
    expect(policy).toContain("frame-ancestors 'self' https://shop.example http://localhost:8080;");
  });

  it("forbid framing and sniffing", () => {
    const headers = asMap(securityHeaders());
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("let only scripts with the request's nonce run: no 'unsafe-inline', eval only on the dev server", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce, { devServer: false });
    const scripts = policy.match(/script-src [^;]*/)![0];
    expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy(nonce, { devServer: true })).toContain("'unsafe-eval'");
    expect(newNonce()).not.toBe(nonce);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("add HSTS only when deployed", () => {
    for (const env of ["production", "staging"]) expect(strictTransportSecurity(env)).toMatch(/max-age=\d{8}/);
    expect(strictTransportSecurity("development")).toBeNull();
  });
});
