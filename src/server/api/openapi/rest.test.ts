// The REST surface as a client in another language sees it: real requests through the handler that
// /api/v1 serves, on the real router and database, authenticated with API keys.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { appRouter } from "../root";
import type { ProcedureMeta } from "../trpc";
import { openApiDocument } from "./document";
import { handleRestRequest } from "./rest-handler";

let a: TestTenant;
let aKey: string;
let viewerKey: string;
let bCaseId: string;

beforeAll(async () => {
  [a] = await Promise.all([createTestTenant("rest-a")]);
  const b = await createTestTenant("rest-b");
  [aKey, viewerKey] = await Promise.all([createTestApiKey(a), createTestApiKey(a, { role: "VIEWER" })]);
  bCaseId = (await createTestCases(b, ["B's secret case"]))[0]!.id;
  await createTestCases(a, ["A's first case"]);
});

async function rest(method: string, path: string, opts: { key?: string | null; body?: string | object; headers?: Record<string, string> } = {}) {
  const headers = new Headers(opts.headers);
  const key = opts.key === undefined ? aKey : opts.key;
  if (key) headers.set("authorization", `Bearer ${key}`);
  if (opts.body !== undefined) headers.set("content-type", "application/json");
  const body = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  // No session: these callers have only their keys.
  const res = await handleRestRequest(new Request(`http://caseboard.test/api/v1${path}`, { method, headers, body }), { user: null });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field below
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> };
}

describe("OpenAPI document", () => {
  it("describes every procedure that declares a REST route, with bearer authentication", () => {
    const doc = openApiDocument("http://caseboard.test");
    const procedures = Object.values(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>);
    const declared = procedures.filter((p) => p._def.meta?.openapi).length;
    const operations = Object.values(doc.paths ?? {}).flatMap((item) => Object.keys(item as object));
    expect(declared).toBeGreaterThan(20);
    expect(operations).toHaveLength(declared);
    expect(doc.paths?.["/cases"]).toHaveProperty("get");
    expect(doc.paths?.["/cases"]).toHaveProperty("post");
    expect(doc.components?.securitySchemes).toHaveProperty("apiKey");
    expect(doc.servers).toEqual([{ url: "http://caseboard.test/api/v1" }]);
  });
});

describe("REST calls", () => {
  it("creates a case and reads it back by number, with the caller's request id echoed", async () => {
    const created = await rest("POST", "/cases", { body: { title: "Printer on fire", priority: "HIGH" }, headers: { "x-request-id": "rest-test-0001" } });
    expect(created.status).toBe(200);
    expect(created.headers.get("x-request-id")).toBe("rest-test-0001");
    expect(created.json).toMatchObject({ title: "Printer on fire", priority: "HIGH" });
    const found = await rest("GET", `/cases/lookup?number=${created.json.number}`);
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ id: created.json.id, title: "Printer on fire" });
  });

  it("lists only the key's tenant's cases, filtered by query parameters", async () => {
    const res = await rest("GET", "/cases?limit=50");
    expect(res.status).toBe(200);
    const titles = (res.json.items as { title: string }[]).map((c) => c.title);
    expect(titles).toContain("A's first case");
    expect(titles).not.toContain("B's secret case");
    // A single query value for an array filter counts as a one-element array.
    const open = await rest("GET", "/cases?limit=50&status=OPEN");
    expect(open.status).toBe(200);
    expect(open.json.items).toEqual([]);
    const fresh = await rest("GET", "/cases?limit=50&status=NEW&status=OPEN");
    expect((fresh.json.items as unknown[]).length).toBe(titles.length);
  });

  it("answers another tenant's case id as NOT_FOUND in the one error shape", async () => {
    const res = await rest("GET", `/cases/lookup?id=${bCaseId}`);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ code: "NOT_FOUND", message: expect.any(String), requestId: expect.any(String) });
  });

  it("400 with field errors for invalid input", async () => {
    const res = await rest("POST", "/cases", { body: { title: "", priority: "SOMEDAY" } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("BAD_REQUEST");
    expect(Object.keys(res.json.details.fieldErrors)).toEqual(expect.arrayContaining(["title", "priority"]));
    expect(res.json.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("400 for a body that is not JSON, 404 for an unknown route, 401 without a key, 403 for a role without the permission", async () => {
    const malformed = await rest("POST", "/cases", { body: "{ not json" });
    expect([malformed.status, malformed.json.code]).toEqual([400, "BAD_REQUEST"]);
    const unknown = await rest("GET", "/no-such-route");
    expect([unknown.status, unknown.json.code]).toEqual([404, "NOT_FOUND"]);
    const anonymous = await rest("GET", "/cases", { key: null });
    expect([anonymous.status, anonymous.json.code]).toEqual([401, "UNAUTHORIZED"]);
    const viewer = await rest("POST", "/cases", { key: viewerKey, body: { title: "Not allowed" } });
    expect([viewer.status, viewer.json.code]).toEqual([403, "FORBIDDEN"]);
    for (const res of [malformed, unknown, anonymous, viewer]) expect(res.json.requestId).toEqual(expect.any(String));
  });
});
