// The proxy as Next runs it before pages, server actions and API routes: per-request CSP nonce,
// cross-site writes refused (403) and bodies over its buffer refused (413), both in the app's
// error shape, before Next could answer them with a 500 or a truncated body.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { PROXY_BODY_LIMIT_BYTES } from "@/server/security/body-limit";
import { callerFor, createTestTenant } from "@/test/factories";
import { setUpWidget } from "@/test/widget-kit";
import { config, proxy } from "./proxy";

const SIGNED_IN = { cookie: "next-auth.session-token=abc" };

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(`http://localhost:3300${path}`, { method: init.method ?? "GET", headers: { host: "localhost:3300", ...init.headers }, body: init.body });
}

/** The request headers the proxy hands on to Next (NextResponse.next({ request: { headers } })). */
function forwardedRequestHeader(response: Response, name: string): string | null {
  return response.headers.get(`x-middleware-request-${name}`);
}

async function expectRefusal(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toEqual({ code, message: expect.any(String), details: expect.any(Object), requestId: expect.any(String) });
  expect(response.headers.get("x-request-id")).toBe(body.requestId);
  return body;
}

describe("proxy: Content-Security-Policy", () => {
  it("gives every request its own script nonce, on the request (for Next's scripts) and on the response, without 'unsafe-inline'", async () => {
    const first = await proxy(request("/t/acme/cases", { headers: SIGNED_IN }));
    const second = await proxy(request("/sign-in"));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]{22,})'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(forwardedRequestHeader(first, "content-security-policy")).toBe(policy);
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(policy.match(/script-src[^;]*/)![0]).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
  });
});

describe("proxy: the chat widget's page", () => {
  it("may be framed by its tenant's allowed websites (and the app itself); an unknown or paused widget only by the app", async () => {
    const tenant = await createTestTenant("proxy-widget");
    const { widgetId } = await setUpWidget(tenant, ["https://shop.example", "http://localhost:8080"]);
    const policyOf = async (path: string) => (await proxy(request(path))).headers.get("content-security-policy")!;
    expect(await policyOf(`/widget/${widgetId}`)).toContain("frame-ancestors 'self' https://shop.example http://localhost:8080;");
    expect(await policyOf("/widget/w_nobodys_widget_00000000")).toContain("frame-ancestors 'self';");
    expect(await policyOf("/widget/not-a-widget-id")).toContain("frame-ancestors 'self';");
    // Every other page: nobody.
    expect(await policyOf(`/widget/${widgetId}/more`)).toContain("frame-ancestors 'none'");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await admin.chatWidget.update({ enabled: false });
    expect(await policyOf(`/widget/${widgetId}`)).toContain("frame-ancestors 'self';");
  });

  it("lets the widget's API be called from other websites (it checks their origin itself)", async () => {
    const response = await proxy(request("/api/widget/v1/w_nobodys_widget_00000000/messages", { method: "POST", headers: { origin: "https://shop.example", "sec-fetch-site": "cross-site" }, body: "{}" }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: cross-site writes", () => {
  it("refuses a server action from a foreign origin with 403 in the error shape (Next would answer 500)", async () => {
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example", "next-action": "7f00" },
      { origin: "null", "next-action": "7f00" },
      { "sec-fetch-site": "cross-site", "next-action": "7f00" },
      { "sec-fetch-site": "same-site", origin: "http://other.localhost:3300" },
    ];
    for (const headers of crossSite) {
      const response = await proxy(request("/t/acme/cases", { method: "POST", headers: { ...SIGNED_IN, ...headers }, body: "[]" }));
      const body = await expectRefusal(response, 403, "FORBIDDEN");
      expect(body.details).toEqual({ reason: "CROSS_SITE_REQUEST" });
      expect(response.headers.get("content-security-policy")).toContain("'nonce-");
    }
  });

  it("refuses cross-site posts to the API with the cookie, and lets API keys and same-origin posts through", async () => {
    const evil = { ...SIGNED_IN, origin: "https://evil.example" };
    await expectRefusal(await proxy(request("/api/trpc/cases.create", { method: "POST", headers: evil, body: "{}" })), 403, "FORBIDDEN");
    await expectRefusal(await proxy(request("/api/v1/cases", { method: "POST", headers: evil, body: "{}" })), 403, "FORBIDDEN");
    const pass = [
      request("/api/v1/cases", { method: "POST", headers: { ...evil, authorization: "Bearer cb_key" }, body: "{}" }),
      request("/api/trpc/cases.create", { method: "POST", headers: { ...SIGNED_IN, origin: "http://localhost:3300", "sec-fetch-site": "same-origin" }, body: "{}" }),
      request("/t/acme/cases", { method: "POST", headers: { ...SIGNED_IN, origin: "http://localhost:3300", "next-action": "7f00" }, body: "[]" }),
      request("/api/trpc/cases.list", { headers: { ...SIGNED_IN, "sec-fetch-site": "cross-site" } }),
    ];
    for (const r of pass) expect((await proxy(r)).headers.get("x-middleware-next"), r.url).toBe("1");
  });
});

describe("proxy: body size", () => {
  it("answers 413 in the error shape to a body announced over the limit, instead of Next cutting it", async () => {
    const response = await proxy(
      request("/api/trpc/cases.create", {
        method: "POST",
        headers: { ...SIGNED_IN, "content-length": String(PROXY_BODY_LIMIT_BYTES + 1), "x-request-id": "too-large-body-1" },
      }),
    );
    const body = await expectRefusal(response, 413, "PAYLOAD_TOO_LARGE");
    expect(body).toMatchObject({ requestId: "too-large-body-1", details: { maxBytes: PROXY_BODY_LIMIT_BYTES } });
    const atLimit = await proxy(request("/api/trpc/cases.create", { method: "POST", headers: { ...SIGNED_IN, "content-length": String(PROXY_BODY_LIMIT_BYTES) } }));
    expect(atLimit.headers.get("x-middleware-next")).toBe("1");
  });

  it("covers server actions and the API; only the streaming uploads (which check themselves) and static files are outside", () => {
    const [source] = config.matcher;
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    const inside = ["/t/acme/cases", "/sign-in", "/api/trpc/cases.create", "/api/v1/cases", "/api/auth/callback/credentials", "/"];
    // Downloads of attachments (member and visitor) are ordinary requests.
    inside.push("/api/attachments/0190a4b2-0000-7000-8000-000000000000", "/api/widget/v1/w_acme_demo_widget/attachments/0190a4b2-0000-7000-8000-000000000000");
    for (const path of inside) expect(matches(path), path).toBe(true);
    const outside = ["/api/imports/upload", "/api/attachments", "/api/widget/v1/w_acme_demo_widget/attachments", "/_next/static/chunks/app.js"];
    for (const path of outside) expect(matches(path), path).toBe(false);
  });
});
