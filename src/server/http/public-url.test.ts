// Every absolute URL the app builds comes from publicBaseUrl(): the configured public URL, else
// the origin the request addressed, so an app on any port links to itself (not localhost:3000).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as openApiJson } from "@/app/api/openapi.json/route";
import { createTRPCContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestTenant } from "@/test/factories";
import { absoluteUrl, publicBaseUrl, requestOrigin } from "./public-url";

const onPort3300 = new Headers({ host: "localhost:3300", "x-forwarded-proto": "http" });

describe("publicBaseUrl", () => {
  it("is the origin the request addressed when no public URL is configured", () => {
    expect(requestOrigin(onPort3300)).toBe("http://localhost:3300");
    expect(publicBaseUrl(onPort3300)).toBe("http://localhost:3300");
    expect(publicBaseUrl(new Headers({ host: "app.example", "x-forwarded-proto": "https" }))).toBe("https://app.example");
    expect(absoluteUrl("/invite/abc", "http://127.0.0.1:3411/")).toBe("http://127.0.0.1:3411/invite/abc");
  });

  it("ignores a Host that is not a host name", () => {
    expect(requestOrigin(new Headers({ host: "evil.example/path" }))).toBeUndefined();
    expect(requestOrigin(new Headers({ host: "a b" }))).toBeUndefined();
  });
});

describe("links built by the app", () => {
  it("the platform admin's new-tenant invitation points at the app's own origin", async () => {
    const admin = await withPrivilegedDb("test fixture", (db) =>
      db.user.create({ data: { email: `platform-${randomUUID()}@example.test`, name: "Platform Admin", passwordHash: "x", platformRole: "admin" } }),
    );
    const caller = createCaller(
      await createTRPCContext({ headers: onPort3300, user: { id: admin.id, email: admin.email, name: admin.name, platformRole: "admin" } }),
    );
    const slug = `url-${randomUUID().slice(0, 8)}`;
    const created = await caller.admin.tenants.create({ name: "Linked Right", slug, ownerEmail: "owner@example.test" });
    expect(created.url).toMatch(/^http:\/\/localhost:3300\/invite\/[A-Za-z0-9_-]{43}$/);
  });

  it("an admin's invitation from the settings page too", async () => {
    const tenant = await createTestTenant("url-inv");
    const headers = new Headers(onPort3300);
    headers.set("x-caseboard-tenant", tenant.slug);
    const caller = createCaller(await createTRPCContext({ headers, user: tenant.users.ADMIN }));
    const issued = await caller.invitations.create({ email: `new-${randomUUID()}@example.test`, role: "AGENT" });
    expect(JSON.stringify(issued)).toContain("http://localhost:3300/invite/");
  });

  it("the OpenAPI document names the server the client called", async () => {
    const response = openApiJson(new Request("http://localhost:3300/api/openapi.json", { headers: onPort3300 }));
    const doc = (await response.json()) as { servers: { url: string }[] };
    expect(doc.servers).toEqual([{ url: "http://localhost:3300/api/v1" }]);
  });
});
