// Fuzzing the REST surface from its own OpenAPI document: every operation, every path and query
// parameter and body field, given wrong types, huge and broken text, extreme numbers and far
// dates, plus malformed, empty and padded bodies, sent in-process with a tenant owner's API key
// against the real database. Whatever is sent, the answer is never a 5xx, and every 4xx is the
// one error shape with the request's id. Deterministic: values come from a seeded generator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { createWorkspaceRows } from "@/test/workspace-fixtures";
import { createTestAlert, createTestAlertRule } from "@/test/alert-fixtures";
import { createTestFeedItem } from "@/test/feed-fixtures";
import {
  encodeQueryValue,
  problemWith,
  queryString,
  rest,
  restOperations,
  sampleValue,
  type Operation,
  type RestCall,
  type Sampler,
  type Schema,
} from "./rest-test-kit";

/** mulberry32: a small seeded generator, so every run sends the same requests. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20_240_601);
const randomUuid = () => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const HUGE = "x".repeat(100_000);
const nested = (depth: number): unknown => (depth === 0 ? "bottom" : { a: nested(depth - 1) });

/**
 * Values for a JSON body field: wrong types, extremes, text Postgres cannot store, far dates. The
 * first ones go to every field; each field gets a seeded sample of the rest, so the whole run
 * covers every value on many fields and stays within its time budget.
 */
const bodyValues = (): [string, unknown][] => [
  ["number", 123],
  ["null", null],
  ["object", { a: 1 }],
  ["100k string", HUGE],
  ["NUL", "a\u0000b"],
  ["lone high surrogate", "a\uD800b"],
  ["year 0", "0000-01-01T00:00:00.000Z"],
  ["-1", -1],
  ["1e308", 1e308],
  // Sampled per field from here on.
  ["array", ["x"]],
  ["empty string", ""],
  ["0", 0],
  ["-1e308", -1e308],
  ["2^53", 2 ** 53],
  ["2^31", 2 ** 31],
  ["fraction", 1.5],
  ["true", true],
  ["empty array", []],
  ["NaN string", "NaN"],
  ["Infinity string", "-Infinity"],
  ["lone low surrogate", "\uDC00"],
  ["emoji and RTL", "😀 \u202Eשלום مرحبا"],
  ["year 99999", "+099999-01-01T00:00:00.000Z"],
  ["year -1", "-000001-01-01T00:00:00.000Z"],
  ["nil uuid", "00000000-0000-0000-0000-000000000000"],
  ["unknown uuid", randomUuid()],
  ["SQL", "' OR 1=1 --"],
  ["10k-item array", Array.from({ length: 10_001 }, () => "x")],
  ["array of NUL", ["a\u0000"]],
  ["array of far dates", ["0000-01-01T00:00:00.000Z"]],
  ["object with a NUL key", { "a\u0000": "x" }],
  ["object with a broken value", { k: "\uD800" }],
  ["500-deep object", nested(500)],
];
const BODY_ALWAYS = 9;

/** Values for a query or path parameter, already URL-encoded (a lone surrogate cannot be UTF-8, so broken bytes stand in). */
const urlValues = (): [string, string][] => [
  ["word", "abc"],
  ["-1", "-1"],
  ["100k", HUGE],
  ["NUL", "a%00b"],
  ["invalid UTF-8", "%FF%FE"],
  ["year 0", "0000-01-01T00:00:00.000Z"],
  // Sampled per parameter from here on.
  ["empty", ""],
  ["1e308", "1e308"],
  ["0", "0"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["encoded surrogate", "%ED%A0%80"],
  ["emoji and RTL", encodeURIComponent("😀 \u202Eשלום")],
  ["year 99999", "99999-01-01"],
  ["JSON", encodeURIComponent('{"a":1}')],
  ["true", "true"],
  ["null", "null"],
  ["unknown uuid", randomUuid()],
  ["SQL", encodeURIComponent("' OR 1=1 --")],
  ["dot segments", "..%2F..%2Fadmin"],
];
const URL_ALWAYS = 6;

/** Cursors shaped like the lists' own, with keys of the wrong type or out of range. */
const forgedCursors = (): [string, string][] =>
  [
    { s: "created", o: "desc", k: ["garbage"], id: randomUuid() },
    { s: "priority", o: "desc", k: ["SUPER", "2024-01-01T00:00:00.000Z"], id: randomUuid() },
    { s: "created", o: "desc", k: ["0000-01-01T00:00:00.000Z"], id: randomUuid() },
    { at: "0000-01-01T00:00:00.000Z", id: randomUuid() },
    { at: "garbage", id: "garbage" },
    { n: "a\u0000b", id: randomUuid() },
  ].map((c, i) => [`forged cursor ${i + 1}`, Buffer.from(JSON.stringify(c)).toString("base64url")]);

/** The first `always` values, and each later one with probability `rate` (seeded). */
function pick<T>(values: T[], always: number, rate = 0.25): T[] {
  return values.filter((_, i) => i < always || random() < rate);
}

/** Paths of a body's fields, nested objects included (to `depth` levels), e.g. target.filter.q. */
function fieldPaths(schema: Schema, resolve: (s: Schema | undefined) => Schema, depth = 3): string[][] {
  const s = resolve(schema);
  const objects = [s, ...(s.anyOf ?? []), ...(s.oneOf ?? [])].map((o) => resolve(o)).filter((o) => o.properties);
  const paths: string[][] = [];
  for (const object of objects) {
    for (const [key, child] of Object.entries(object.properties!)) {
      paths.push([key]);
      if (depth > 1) paths.push(...fieldPaths(child, resolve, depth - 1).map((rest) => [key, ...rest]));
    }
  }
  return paths;
}

/** A copy of `body` with `value` at `path`, creating the objects on the way. */
function withValueAt(body: Record<string, unknown> | undefined, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body ?? {});
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    at = at[key] = typeof next === "object" && next !== null && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
  }
  at[path.at(-1)!] = value;
  return copy;
}

interface Fixture {
  tenant: TestTenant;
  key: string;
  ids: Record<string, string>;
}

let fx: Fixture;

beforeAll(async () => {
  const tenant = await createTestTenant("fuzz");
  const key = await createTestApiKey(tenant, { role: "OWNER" });
  const otherKey = await createTestApiKey(tenant);
  const [first, second] = await createTestCases(tenant, ["Fuzz target one", "Fuzz target two"]);
  const rows = await createWorkspaceRows(tenant, first!.id);
  const made = await withPrivilegedDb("test fixture", async (db) => {
    const apiKey = await db.apiKey.findFirstOrThrow({ where: { tenantId: tenant.id, prefix: otherKey.split("_")[1]! } });
    const job = await db.job.create({ data: { tenantId: tenant.id, type: "fuzz.fixture", payload: {}, runAt: new Date(Date.now() + 86_400_000) } });
    const invitation = await db.invitation.create({
      data: { tenantId: tenant.id, email: `fuzz-${tenant.slug}@example.test`, role: "AGENT", tokenHash: `fuzz-${tenant.id}`, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const file = await db.storedFile.create({
      data: { tenantId: tenant.id, purpose: "import", filename: "fuzz.csv", contentType: "text/csv", size: 0n, sha256: "0".repeat(64), storageKey: `fuzz/${tenant.id}` },
    });
    const upload = await db.import.create({ data: { tenantId: tenant.id, entity: "cases", fileId: file.id, headers: ["Title"] } });
    return { apiKeyId: apiKey.id, jobId: job.id, invitationId: invitation.id, importId: upload.id };
  });
  fx = {
    tenant,
    key,
    ids: {
      case: first!.id,
      otherCase: second!.id,
      customer: rows.customerId,
      view: rows.viewId,
      notification: rows.notificationId,
      member: tenant.users.AGENT.id,
      alert: await createTestAlert(tenant, { relatedCaseIds: [first!.id] }),
      alertRule: await createTestAlertRule(tenant),
      feedItem: await createTestFeedItem(tenant),
      ...made,
    },
  };
});

afterAll(async () => {
  // Fuzzed exports, bulk updates and rotations queued jobs; later test files run due jobs.
  await withPrivilegedDb("test cleanup", (db) =>
    db.job.updateMany({ where: { tenantId: fx.tenant.id, status: { in: ["PENDING", "FAILED"] } }, data: { status: "CANCELLED" } }),
  );
});

/** A real row's id for a path parameter, so calls reach past "not found" into the procedure. */
function pathId(op: Operation, param: string): string {
  const resource = op.path.split("/")[1];
  const byResource: Record<string, string> = {
    cases: param === "targetId" ? fx.ids.otherCase! : fx.ids.case!,
    customers: fx.ids.customer!,
    views: fx.ids.view!,
    members: fx.ids.member!,
    "api-keys": fx.ids.apiKeyId!,
    jobs: fx.ids.jobId!,
    invitations: fx.ids.invitationId!,
    imports: fx.ids.importId!,
    alerts: fx.ids.alert!,
    "alert-rules": fx.ids.alertRule!,
    feed: fx.ids.feedItem!,
  };
  return byResource[resource!] ?? randomUuid();
}

/** A real row's id for a body or query field, by its name. */
function fieldId(name: string): string {
  const byName: Record<string, string | undefined> = {
    sourceId: fx.ids.otherCase,
    caseId: fx.ids.case,
    customerId: fx.ids.customer,
    userId: fx.ids.member,
    assigneeId: fx.ids.member,
    ids: fx.ids.case,
    id: fx.ids.case,
  };
  return byName[name] ?? randomUuid();
}

/** Every request for one operation: the plausible call, then one mutation at a time. */
function requestsFor(op: Operation, resolve: (s: Schema | undefined) => Schema): { label: string; call: RestCall }[] {
  const sampler: Sampler = { resolve, uuid: fieldId, word: () => `fuzz${Math.floor(random() * 36 ** 4).toString(36)}` };
  const path = (overrides: Record<string, string> = {}) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? encodeURIComponent(pathId(op, name)));
  const baseQuery = op.query.flatMap((q) => (q.required ? encodeQueryValue(q.name, sampleValue(q.schema, sampler, q.name)) : []));
  const baseBody = op.body ? (sampleValue(op.body, sampler) as Record<string, unknown>) : undefined;
  const call = (label: string, parts: { path?: string; query?: [string, string][]; body?: RestCall["body"]; headers?: Record<string, string> } = {}) => ({
    label: `${op.method} ${op.path} ${label}`,
    call: {
      method: op.method,
      url: (parts.path ?? path()) + queryString(parts.query ?? baseQuery),
      key: fx.key,
      body: parts.body ?? (baseBody ? { json: baseBody } : undefined),
      headers: parts.headers,
    },
  });

  const requests = [call("as documented")];
  for (const param of op.pathParams) {
    for (const [label, value] of pick(urlValues(), URL_ALWAYS)) requests.push(call(`path ${param}=${label}`, { path: path({ [param]: value }) }));
  }
  for (const q of op.query) {
    const others = baseQuery.filter(([name]) => name !== encodeURIComponent(q.name));
    const values = [...pick(urlValues(), URL_ALWAYS), ...(q.name === "cursor" ? forgedCursors() : [])];
    for (const [label, value] of values) requests.push(call(`query ${q.name}=${label}`, { query: [...others, [encodeURIComponent(q.name), value]] }));
    requests.push(call(`query ${q.name} twice`, { query: [...others, [q.name, "a"], [q.name, "b"]] }));
  }
  requests.push(call("unknown query parameters", { query: [...baseQuery, ["zzz", "1"], ["__proto__", "x"], ["constructor", "x"]] }));
  if (op.body) {
    for (const field of fieldPaths(op.body, resolve)) {
      // Top-level fields get the core values and a sample of the rest; nested ones (a filter inside a body) a smaller sample.
      const values = field.length === 1 ? pick(bodyValues(), BODY_ALWAYS) : pick(bodyValues(), 0, 0.1);
      for (const [label, value] of values) requests.push(call(`body ${field.join(".")}=${label}`, { body: { json: withValueAt(baseBody, field, value) } }));
    }
    const extra = JSON.stringify({ ...baseBody, extraField: "x", tenantId: randomUuid() }).replace(/^\{/, '{"__proto__":{"isAdmin":true},');
    for (const [label, raw] of [
      ["extra fields", extra],
      ["malformed JSON", '{"title": '],
      ["empty body", ""],
      ["body null", "null"],
      ["body array", "[]"],
      ["body string", '"fuzz"'],
      ["body number", "1e308"],
      ["body with NUL bytes", `{"a\u0000":"\u0000"}`],
    ] as const) {
      requests.push(call(label, { body: { raw } }));
    }
    requests.push(call("text/plain body", { body: { raw: JSON.stringify(baseBody) }, headers: { "content-type": "text/plain" } }));
  } else if (op.method !== "GET") {
    requests.push(call("unexpected body", { body: { raw: '{"zzz":1}' } }));
    requests.push(call("unexpected malformed body", { body: { raw: "{" } }));
  }
  return requests;
}

describe("REST fuzzing", () => {
  it("answers every fuzzed request of every operation without a 5xx, 4xx in the one error shape", { timeout: 120_000 }, async () => {
    const { operations, resolve } = restOperations();
    expect(operations.length).toBeGreaterThan(40);
    const problems: string[] = [];
    let sent = 0;
    let succeeded = 0;
    // Outside production, trpc-to-openapi regenerates the whole document on every request to
    // validate the router (~80% of a call's time here); rest.test.ts covers the document.
    const env = process.env as Record<string, string | undefined>;
    const nodeEnv = env.NODE_ENV;
    env.NODE_ENV = "production";
    try {
      for (const op of operations) {
        for (const { label, call } of requestsFor(op, resolve)) {
          const result = await rest(call);
          sent += 1;
          if (result.status < 300) succeeded += 1;
          const problem = problemWith(result);
          if (problem) problems.push(`${label}: ${problem} ${JSON.stringify(result.body).slice(0, 200)}`);
        }
      }
    } finally {
      env.NODE_ENV = nodeEnv;
    }
    // Enough requests to mean something, and enough of them accepted to have reached past validation.
    expect({ sent: sent > 2000, accepted: succeeded > 200 }, `${sent} sent, ${succeeded} accepted`).toEqual({ sent: true, accepted: true });
    expect(problems).toEqual([]);
  });
});
