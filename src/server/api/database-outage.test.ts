// The database out of reach, as a client sees it on every surface: 503 SERVICE_UNAVAILABLE with
// Retry-After and the one error body carrying the request id, quickly (no hang), each failed
// request logged once with its id; and the same process answering again once the database is
// back. On PostgreSQL the app talks to the test database through a TCP proxy the test cuts; on
// the embedded database the process database is swapped for a PostgreSQL that refuses connections.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET as filesGet } from "@/app/api/files/[id]/route";
import { POST as uploadPost } from "@/app/api/imports/upload/route";
import { POST as cronPost } from "@/app/api/cron/jobs/route";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { env } from "@/env";
import { currentContext } from "@/server/context/request-context";
import { openDatabase, type Database } from "@/server/db/connection";
import { getDatabase, setDatabase } from "@/server/db/database";
import { logger } from "@/server/logger";
import { closedPort, startTcpProxy, type TcpProxy } from "@/test/tcp-proxy";
import { createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { handleRestRequest } from "./openapi/rest-handler";
import { forgetCachedCredentials } from "@/server/auth/auth-cache";

const testDatabaseUrl = inject("testDatabaseUrl");
let original: Promise<Database>;
let outageDb: Database;
let proxy: TcpProxy | undefined;
let tenant: TestTenant;
let key: string;

async function goDown() {
  if (proxy) await proxy.cut();
  setDatabase(Promise.resolve(outageDb));
  // A credential cached before the outage is served for its few seconds without the database
  // (src/server/auth/auth-cache.ts); these tests are about the lookups that need it.
  forgetCachedCredentials();
}
async function comeBack() {
  if (proxy) await proxy.restore();
  else setDatabase(original);
}

beforeAll(async () => {
  original = getDatabase();
  await original;
  tenant = await createTestTenant("outage");
  key = await createTestApiKey(tenant);
  if (testDatabaseUrl) {
    const url = new URL(testDatabaseUrl);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    outageDb = await openDatabase({ url: url.toString(), poolSize: 4, connectTimeoutMs: 1_000 });
  } else {
    outageDb = await openDatabase({ url: `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`, poolSize: 2, connectTimeoutMs: 1_000 });
  }
  setDatabase(Promise.resolve(outageDb));
  forgetCachedCredentials();
});

afterAll(async () => {
  setDatabase(original);
  await outageDb?.close().catch(() => {});
  await proxy?.close();
});

/** Records every log line with the request id it carries (its own field, or the request context's). */
function captureLogs() {
  const lines: { level: string; requestId?: string; msg?: string }[] = [];
  const spies = (["info", "warn", "error"] as const).map((level) =>
    vi.spyOn(logger, level).mockImplementation(((obj: unknown, msg?: string) => {
      const fields = typeof obj === "object" && obj !== null ? (obj as { requestId?: string }) : {};
      lines.push({ level, requestId: fields.requestId ?? currentContext()?.requestId, msg });
    }) as never),
  );
  return { lines, restore: () => spies.forEach((s) => s.mockRestore()) };
}

const bearer = () => ({ authorization: `Bearer ${key}`, "x-tenant-slug": tenant.slug });
let n = 0;
const rid = (surface: string) => `outage-${surface}-${Date.now()}-${n++}`;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { code?: string; requestId?: string };
  ms: number;
}

async function timed(call: () => Promise<Response>, unwrap: (json: unknown) => Answer["body"] = (j) => j as Answer["body"]): Promise<Answer> {
  const started = performance.now();
  const response = await call();
  const ms = performance.now() - started;
  const json: unknown = await response.json().catch(() => undefined);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: unwrap(json), ms };
}

type TrpcAnswer = { error?: { json: { data: Answer["body"] } } };
const trpcBody = (json: unknown) => (json as TrpcAnswer).error?.json.data ?? {};
const trpcBatchBody = (json: unknown) => (json as TrpcAnswer[])[0]?.error?.json.data ?? {};

const surfaces: [string, (requestId: string) => Promise<Answer>][] = [
  ["tRPC with an API key (fails building the context)", (id) =>
    timed(() => trpcGet(new Request("http://localhost/api/trpc/cases.list?input=%7B%22json%22%3A%7B%7D%7D", { headers: { ...bearer(), "x-request-id": id } })), trpcBody)],
  ["tRPC batch", (id) =>
    timed(() => trpcGet(new Request("http://localhost/api/trpc/cases.list,cases.list?batch=1&input=%7B%220%22%3A%7B%22json%22%3A%7B%7D%7D%2C%221%22%3A%7B%22json%22%3A%7B%7D%7D%7D", { headers: { ...bearer(), "x-request-id": id } })), trpcBatchBody)],
  ["REST with an API key", (id) => timed(() => handleRestRequest(new Request("http://localhost/api/v1/cases", { headers: { authorization: `Bearer ${key}`, "x-request-id": id } })))],
  ["REST as a signed-in member (fails in the tenant middleware)", (id) =>
    timed(() => handleRestRequest(new Request("http://localhost/api/v1/cases", { headers: { "x-caseboard-tenant": tenant.slug, "x-request-id": id } }), { user: tenant.users.AGENT }))],
  ["files download route", (id) =>
    timed(() => filesGet(new Request("http://localhost/api/files/00000000-0000-0000-0000-000000000000", { headers: { ...bearer(), "x-request-id": id } }), { params: Promise.resolve({ id: "00000000-0000-0000-0000-000000000000" }) }))],
  ["imports upload route", (id) =>
    timed(() => uploadPost(new Request("http://localhost/api/imports/upload?entity=cases&filename=a.csv", { method: "POST", body: "Title\nx\n", headers: { ...bearer(), "x-request-id": id, "content-type": "text/csv" } })))],
];

describe(`database out of reach (${testDatabaseUrl ? "PostgreSQL behind a cut proxy" : "refused connections"})`, () => {
  it("works through the outage database while it is up (PostgreSQL only: the proxy passes traffic)", async () => {
    if (!proxy) return;
    const ok = await surfaces[2]![1](rid("up"));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it.each(surfaces)("%s answers 503 SERVICE_UNAVAILABLE with Retry-After and its request id, fast, logged once", async (_, call) => {
    await goDown();
    const logs = captureLogs();
    try {
      const id = rid("down");
      const answer = await call(id);
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.body).toMatchObject({ code: "SERVICE_UNAVAILABLE", requestId: id });
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.ms).toBeLessThan(3_000);
      const mine = logs.lines.filter((l) => l.requestId === id && l.level !== "info");
      expect(mine, JSON.stringify(logs.lines)).toHaveLength(1);
    } finally {
      logs.restore();
    }
  });

  it("a database that accepts connections but never answers: 503 within the connect timeout, not a hang", async () => {
    if (!proxy) return;
    await proxy.stall();
    setDatabase(Promise.resolve(outageDb));
    const id = rid("silent");
    const answer = await surfaces[2]![1](id);
    expect(answer.status, JSON.stringify(answer.body)).toBe(503);
    expect(answer.body).toMatchObject({ code: "SERVICE_UNAVAILABLE", requestId: id });
    // connectTimeoutMs is 1 s here (5 s by default).
    expect(answer.ms).toBeLessThan(2_500);
  });

  it("the cron route answers 503 (not an idle 200) while the job queue cannot be read", async () => {
    await goDown();
    const response = await cronPost(new Request("http://localhost/api/cron/jobs?budgetMs=2000", { method: "POST", headers: { authorization: `Bearer ${env.CRON_SECRET}` } }));
    const body = (await response.json()) as { code: string };
    expect(response.status, JSON.stringify(body)).toBe(503);
    expect(body.code).toBe("SERVICE_UNAVAILABLE");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers again once the database is back, without a restart", async () => {
    await goDown();
    expect((await surfaces[0]![1](rid("down"))).status).toBe(503);
    await comeBack();
    for (const [name, call] of surfaces.slice(0, 3)) {
      const answer = await call(rid("back"));
      expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
    const cron = await cronPost(new Request("http://localhost/api/cron/jobs?budgetMs=1000", { method: "POST", headers: { authorization: `Bearer ${env.CRON_SECRET}` } }));
    expect(cron.status).toBe(200);
  });
});
