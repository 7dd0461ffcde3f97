// The tRPC route handler caps how many calls one request may batch: past the cap the whole
// request is refused with 400 in the app's error shape, before any call (or context) runs.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestApiKey, createTestTenant } from "@/test/factories";
import { GET, POST } from "./route";

let key: string;
beforeAll(async () => {
  key = await createTestApiKey(await createTestTenant("batch"));
});

const batchUrl = (path: string, calls: number) => `http://caseboard.test/api/trpc/${Array.from({ length: calls }, () => path).join(",")}?batch=1`;
const inputs = (calls: number, input: unknown) => JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, { json: input }])));

describe("tRPC batch size", () => {
  it("runs a batch of 20 calls", async () => {
    const url = new URL(batchUrl("tenant.current", 20));
    url.searchParams.set("input", inputs(20, undefined));
    const res = await GET(new Request(url, { headers: { authorization: `Bearer ${key}` } }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBe(20);
  });

  it("refuses 21 calls with 400 BAD_REQUEST in the one error shape, running none of them", async () => {
    const emails = Array.from({ length: 200 }, () => `batch-${randomUUID()}@example.test`);
    const body = JSON.stringify(
      Object.fromEntries(emails.map((email, i) => [i, { json: { name: "Batch", email, password: "a-long-enough-password", organisation: "Batch Org" } }])),
    );
    const res = await POST(
      new Request(batchUrl("auth.signUp", 200), { method: "POST", headers: { "content-type": "application/json", "x-request-id": "req-batch-0001" }, body }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("x-request-id")).toBe("req-batch-0001");
    const error = ((await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } }).error.json;
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", requestId: "req-batch-0001", httpStatus: 400, details: { reason: "BATCH_TOO_LARGE", maxBatchCalls: 20 } });
    expect(error.message).toBe(error.data.message);
    expect(await withPrivilegedDb("test check", (db) => db.user.count({ where: { email: { in: emails } } }))).toBe(0);

    const get = await GET(new Request(batchUrl("tenant.current", 21), { headers: { authorization: `Bearer ${key}` } }));
    expect(get.status).toBe(400);
  });

  it("counts names in an encoded path too", async () => {
    const url = `http://caseboard.test/api/trpc/${Array.from({ length: 21 }, () => "tenant.current").join("%2C")}?batch=1`;
    expect((await GET(new Request(url, { headers: { authorization: `Bearer ${key}` } }))).status).toBe(400);
  });
});
