// Test helpers for the REST surface: calls through the real /api/v1 handler with an API key, the
// operations of the OpenAPI document (so tests cover every route without listing them), and
// values built from each operation's schema.
import { expect } from "vitest";
import { errorBodySchema } from "@/server/errors/to-app-error";
import type { ProcedureMeta } from "../trpc";
import { appRouter } from "../root";
import { openApiDocument } from "./document";
import { handleRestRequest } from "./rest-handler";

/** A JSON schema as the document has it (only the parts these tests read). */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

export interface Operation {
  method: string;
  /** The document's path, with {param} placeholders. */
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema; required: boolean }[];
  body: Schema | null;
  meta: ProcedureMeta;
}

export interface RestCall {
  method: string;
  /** Path and query, already encoded, after /api/v1. */
  url: string;
  key: string | null;
  /** A raw body (sent as is) or a value (sent as JSON). */
  body?: { raw: string } | { json: unknown };
  headers?: Record<string, string>;
}

export interface RestResult {
  status: number;
  requestId: string | null;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: unknown;
}

export async function rest(call: RestCall): Promise<RestResult> {
  const headers = new Headers(call.headers);
  if (call.key) headers.set("authorization", `Bearer ${call.key}`);
  let body: string | undefined;
  if (call.body) {
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    body = "raw" in call.body ? call.body.raw : JSON.stringify(call.body.json);
  }
  const res = await handleRestRequest(new Request(`http://caseboard.test/api/v1${call.url}`, { method: call.method, headers, body }), { user: null });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text, which the error-shape check then reports.
  }
  return { status: res.status, requestId: res.headers.get("x-request-id"), body: parsed };
}

/** Null when the result is fine for a fuzzed call (2xx, or a 4xx in the one error shape); else why not. */
export function problemWith(result: RestResult): string | null {
  if (result.status >= 500) return `status ${result.status}`;
  if (result.status < 400) return null;
  const shape = errorBodySchema.safeParse(result.body);
  if (!shape.success) return `${result.status} body is not the error shape`;
  if (shape.data.requestId !== result.requestId) return `${result.status} requestId differs from x-request-id`;
  const fieldErrors = shape.data.details?.fieldErrors;
  if (fieldErrors !== undefined) {
    const ok = typeof fieldErrors === "object" && fieldErrors !== null && Object.values(fieldErrors).every((v) => Array.isArray(v) && v.every((m) => typeof m === "string"));
    if (!ok) return `${result.status} details.fieldErrors is not { field: string[] }`;
  }
  return null;
}

export function expectErrorShape(result: RestResult, code: string) {
  expect(problemWith(result)).toBeNull();
  expect((result.body as { code?: string }).code).toBe(code);
}

// ---- The document ---------------------------------------------------------------------------------

type Doc = ReturnType<typeof openApiDocument>;

function resolver(doc: Doc) {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  return function resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema.$ref) return resolve(schemas[schema.$ref.replace("#/components/schemas/", "")]);
    return schema;
  };
}

/** Procedures' meta by their REST route ("POST /cases/{id}/follow"). */
function metaByRoute(): Map<string, ProcedureMeta> {
  const procedures = Object.values(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>);
  const routes = new Map<string, ProcedureMeta>();
  for (const p of procedures) {
    const route = p._def.meta?.openapi;
    if (route) routes.set(`${route.method} ${route.path}`, p._def.meta!);
  }
  return routes;
}

/** Every operation of /api/openapi.json, with its procedure's meta. */
export function restOperations(): { operations: Operation[]; resolve: (s: Schema | undefined) => Schema } {
  const doc = openApiDocument("http://caseboard.test");
  const resolve = resolver(doc);
  const metas = metaByRoute();
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries(item as Record<string, unknown>)) {
      const op = raw as { parameters?: { in: string; name: string; schema: Schema; required?: boolean }[]; requestBody?: { content?: Record<string, { schema: Schema }> } };
      const params = op.parameters ?? [];
      const meta = metas.get(`${method.toUpperCase()} ${path}`);
      if (!meta) throw new Error(`no procedure for ${method} ${path}`);
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
        query: params.filter((p) => p.in === "query").map((p) => ({ name: p.name, schema: resolve(p.schema), required: p.required === true })),
        body: op.requestBody?.content?.["application/json"] ? resolve(op.requestBody.content["application/json"].schema) : null,
        meta,
      });
    }
  }
  return { operations, resolve };
}

export interface Sampler {
  resolve: (s: Schema | undefined) => Schema;
  /** A uuid for the property of this name (a real row's id, where the test has one). */
  uuid: (name: string) => string;
  /** A short word; varied, so no sample happens to equal another (a slug and its confirmation). */
  word: () => string;
}

/**
 * A plausible value for a schema: the first enum or const, the minimum, a word of the allowed
 * length, a uuid, an object with its required properties.
 */
export function sampleValue(schema: Schema, sampler: Sampler, name = ""): unknown {
  const s = sampler.resolve(schema);
  if (s.enum?.length) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const options = s.anyOf ?? s.oneOf;
  if (options?.length) return sampleValue(options.find((o) => sampler.resolve(o).type !== "null") ?? options[0]!, sampler, name);
  if (s.allOf?.length) return sampleValue(s.allOf[0]!, sampler, name);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "string":
      if (s.format === "uuid") return sampler.uuid(name);
      if (s.format === "date-time" || s.format === "date") return "2024-01-01T00:00:00.000Z";
      if (s.format === "email") return `${sampler.word()}@example.test`;
      return sampler.word().padEnd(Math.max(4, s.minLength ?? 0), "z");
    case "integer":
    case "number":
      return Math.max(1, s.minimum ?? 1);
    case "boolean":
      return false;
    case "array":
      return s.minItems ? Array.from({ length: s.minItems }, () => sampleValue(s.items ?? {}, sampler, name)) : [];
    case "object":
      return Object.fromEntries((s.required ?? []).map((key) => [key, sampleValue(s.properties?.[key] ?? {}, sampler, key)]));
    default:
      return sampler.word();
  }
}

/** A query string (with leading ?) from already-encoded name=value pairs. */
export const queryString = (pairs: [string, string][]) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : "");

/** A query parameter's value as a URL component: arrays repeat the name. */
export function encodeQueryValue(name: string, value: unknown): [string, string][] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => encodeQueryValue(name, v));
  return [[encodeURIComponent(name), encodeURIComponent(typeof value === "string" ? value : JSON.stringify(value))]];
}
