// Hostile superjson envelopes. The wire format lets a client annotate paths of its input
// (`meta.values`: "this string is a Date", `meta.referentialEqualities`: "this object is that one"),
// and superjson walks those paths to rebuild the input. A path into `__proto__` or `constructor`,
// an annotation that does not parse, an unknown type or a path that leads nowhere must each end in
// 400 in the app's one error shape, never in 500, and must leave Object.prototype untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApiKey, createTestTenant } from "@/test/factories";
import { GET, POST } from "./route";

let key: string;
beforeAll(async () => {
  key = await createTestApiKey(await createTestTenant("superjson-input"));
});

/** Keys Object.prototype had before: a request must not add any. */
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
});

const createInput = { title: "Envelope test", priority: "HIGH" };
const listInput = { status: ["OPEN"], limit: 5 };

/** Envelopes that each bend one part of the format; `json` is a valid input unless the case replaces it. */
const hostile: [label: string, envelope: (json: Record<string, unknown>) => unknown][] = [
  ["a Date annotation through __proto__", (json) => ({ json, meta: { values: { "__proto__.polluted": ["Date"] } } })],
  ["a Date annotation through constructor.prototype", (json) => ({ json, meta: { values: { "constructor.prototype.polluted": ["Date"] } } })],
  // An own "__proto__" key, as JSON.parse makes it (an object literal would set the prototype instead).
  ["an undefined annotation on __proto__ itself", (json) => ({ json, meta: { values: JSON.parse('{"__proto__":["undefined"]}') as unknown } })],
  ["a json whose own __proto__ key is annotated as a Date", (json) => ({ json: { ...json, ...(JSON.parse('{"__proto__":"2026-01-01"}') as object) }, meta: { values: JSON.parse('{"__proto__":["Date"]}') as unknown } })],
  ["a referential equality into __proto__", (json) => ({ json: { ...json, title: { a: 1 } }, meta: { referentialEqualities: { title: ["__proto__.polluted"] } } })],
  ["a referential equality from the root into constructor", (json) => ({ json, meta: { referentialEqualities: ["constructor.prototype.polluted"] } })],
  ["an unregistered class", (json) => ({ json, meta: { values: { title: [["class", "Exploit"]] } } })],
  ["an unregistered custom type", (json) => ({ json, meta: { values: { title: [["custom", "Exploit"]] } } })],
  ["an unregistered symbol", (json) => ({ json, meta: { values: { title: [["symbol", "Exploit"]] } } })],
  ["an unknown type name", (json) => ({ json, meta: { values: { title: ["frobnicate"] } } })],
  ["a bigint that is not a number", (json) => ({ json: { ...json, limit: "twelve" }, meta: { values: { limit: ["bigint"] } } })],
  ["a Date that is not a date", (json) => ({ json: { ...json, title: "not a date" }, meta: { values: { title: ["Date"] } } })],
  ["a Map annotation on a string", (json) => ({ json, meta: { values: { title: ["map"] } } })],
  ["a path that leads nowhere", (json) => ({ json, meta: { values: { "no.such.path": ["Date"] } } })],
  ["a path 5,000 segments deep", (json) => ({ json, meta: { values: { [Array.from({ length: 5_000 }, () => "a").join(".")]: ["Date"] } } })],
  ["meta that is a string", (json) => ({ json, meta: "values" })],
  ["values that are a number", (json) => ({ json, meta: { values: 5 } })],
  ["values as a list of lists", (json) => ({ json, meta: { values: [["Date"], ["Date"]] } })],
  ["a tree annotation on a scalar", (json) => ({ json, meta: { values: { title: ["set", { 0: ["Date"] }] } } })],
];

async function expectRefusedCleanly(res: Response) {
  const body = (await res.json()) as { error?: { json?: { message?: string; data?: Record<string, unknown> } } };
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBeLessThan(500);
  if (res.status >= 400) {
    expect(body.error?.json?.data).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe("hostile superjson envelopes", () => {
  it.each(hostile)("cases.create with %s: no 500, no pollution", async (_label, envelope) => {
    const res = await POST(
      new Request("http://caseboard.test/api/trpc/cases.create", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(envelope(createInput)),
      }),
    );
    await expectRefusedCleanly(res);
  });

  it.each(hostile)("cases.list with %s: no 500, no pollution", async (_label, envelope) => {
    const url = new URL("http://caseboard.test/api/trpc/cases.list");
    url.searchParams.set("input", JSON.stringify(envelope(listInput)));
    await expectRefusedCleanly(await GET(new Request(url, { headers: { authorization: `Bearer ${key}` } })));
  });
});
