// What a client sees on the wire: the tRPC fetch adapter runs in-process against the real router
// and database, so these check the HTTP status and the JSON error body ({ code, message, details,
// requestId }) that the error formatter produces.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { createTestApiKey, createTestCases, createTestTenant, setTenantStatus, type TestTenant } from "@/test/factories";
import { createTRPCContext, TENANT_HEADER } from "./context";
import { appRouter } from "./root";

interface ErrorData {
  code: string;
  message: string;
  details?: { fieldErrors?: Record<string, string[]>; reason?: string; [k: string]: unknown };
  requestId: string;
  httpStatus: number;
  path?: string;
  stack?: unknown;
}

interface CallOptions {
  user?: SessionUser | null;
  slug?: string;
  headers?: Record<string, string>;
  /** Raw body for mutations; defaults to the superjson envelope of `input`. */
  body?: string;
}

async function call(type: "query" | "mutation", path: string, input: unknown, opts: CallOptions = {}) {
  const headers = new Headers({ "content-type": "application/json", ...opts.headers });
  if (opts.slug) headers.set(TENANT_HEADER, opts.slug);
  const envelope = JSON.stringify({ json: input });
  const url = new URL(`http://caseboard.test/api/trpc/${path}`);
  if (type === "query") url.searchParams.set("input", envelope);
  const req = new Request(url, type === "query" ? { headers } : { method: "POST", headers, body: opts.body ?? envelope });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // Tests supply the user the session cookie would have resolved to.
    createContext: () => createTRPCContext({ headers: req.headers, user: opts.user ?? null }),
  });
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string; data: ErrorData } } };
  return { status: res.status, body, error: body.error?.json.data };
}

let a: TestTenant;
let b: TestTenant;
let bCaseId: string;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("http-a"), createTestTenant("http-b")]);
  bCaseId = (await createTestCases(b, ["B's case"]))[0]!.id;
});

describe("HTTP error responses", () => {
  it("400 for bad input, with field errors keyed by field and the caller's request id", async () => {
    const res = await call("mutation", "cases.create", { title: "x", tags: ["ok", "!!"], priority: "SOMEDAY" }, {
      user: a.users.AGENT,
      slug: a.slug,
      headers: { "x-request-id": "req-test-0001" },
    });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ code: "BAD_REQUEST", requestId: "req-test-0001", httpStatus: 400 });
    const fieldErrors = res.error!.details!.fieldErrors!;
    expect(Object.keys(fieldErrors).sort()).toEqual(["priority", "tags.1", "title"]);
    expect(fieldErrors.title).toEqual(["Use at least 3 characters"]);
    // Nothing internal leaks into the body.
    expect(res.error!.stack).toBeUndefined();
    expect(res.body.error!.json.message).toBe(res.error!.message);
  });

  it("400 for a body that is not JSON, still with a request id", async () => {
    const res = await call("mutation", "cases.create", null, { user: a.users.AGENT, slug: a.slug, body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ code: "BAD_REQUEST", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("404 for another tenant's case and for another tenant's slug", async () => {
    const byId = await call("query", "cases.get", { id: bCaseId }, { user: a.users.OWNER, slug: a.slug });
    expect(byId.status).toBe(404);
    expect(byId.error).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, requestId: expect.any(String) });
    const bySlug = await call("query", "cases.list", {}, { user: a.users.OWNER, slug: b.slug });
    expect(bySlug.status).toBe(404);
    expect(bySlug.error).toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
  });

  it("403 with a reason for a missing permission and for a suspended tenant", async () => {
    const denied = await call("mutation", "cases.create", { title: "Viewer write" }, { user: a.users.VIEWER, slug: a.slug });
    expect(denied.status).toBe(403);
    expect(denied.error).toMatchObject({ code: "FORBIDDEN", details: { reason: "PERMISSION_DENIED", permission: "cases:write" } });

    const suspended = await createTestTenant("http-susp");
    await setTenantStatus(suspended, "SUSPENDED");
    const res = await call("query", "cases.list", {}, { user: suspended.users.OWNER, slug: suspended.slug });
    expect(res.status).toBe(403);
    expect(res.error).toMatchObject({ code: "FORBIDDEN", details: { reason: "TENANT_SUSPENDED" } });
  });

  it("401 without a session, and for a bad API key, with the key's reason", async () => {
    const anonymous = await call("query", "cases.list", {}, { slug: a.slug });
    expect(anonymous.status).toBe(401);
    expect(anonymous.error).toMatchObject({ code: "UNAUTHORIZED" });

    const revoked = await createTestApiKey(a, { revokedAt: new Date() });
    const res = await call("query", "cases.list", {}, { headers: { authorization: `Bearer ${revoked}` } });
    expect(res.status).toBe(401);
    expect(res.error).toMatchObject({ code: "UNAUTHORIZED", details: { reason: "API_KEY_REVOKED" } });
  });

  it("200 with the superjson result for a good call through a key", async () => {
    const key = await createTestApiKey(a);
    const res = await call("mutation", "cases.create", { title: "Over HTTP" }, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect(res.body.result!.data.json).toMatchObject({ title: "Over HTTP", number: 1 });
  });
});
