// The OpenAPI 3.1 document of the REST surface, generated from the same procedures the tRPC
// clients call: every procedure whose meta names an `openapi` route, with its zod input and output.
import "server-only";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import pkg from "../../../../package.json" with { type: "json" };
import { TENANT_HEADER } from "../context";
import { appRouter } from "../root";
import { widgetRouter } from "../routers/widget/router";

export const REST_BASE_PATH = "/api/v1";

let cached: OpenAPIObject | undefined;

/** The document, built once per process (the router does not change at run time). */
export function openApiDocument(origin: string): OpenAPIObject {
  cached ??= generateOpenApiDocument(appRouter, {
    title: "Caseboard API",
    version: pkg.version,
    description: [
      "The REST face of Caseboard's tRPC procedures: same validation, permissions, tenancy and audit.",
      "Authenticate with `Authorization: Bearer <API key>`; a key is bound to one tenant and a role.",
      `Signed-in browser sessions name their tenant with the \`${TENANT_HEADER}\` header.`,
      "Errors are `{ code, message, details, requestId }` with the matching HTTP status.",
    ].join("\n\n"),
    baseUrl: REST_BASE_PATH,
    securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A Caseboard API key (cb_…)" } },
  });
  // Absolute server URL for tools that need one; the document itself is shared across origins.
  return { ...cached, servers: [{ url: `${origin}${REST_BASE_PATH}` }] };
}

let widgetCached: OpenAPIObject | undefined;

/** The chat widget's public API: its own document, apart from the member API's. */
export function widgetOpenApiDocument(origin: string): OpenAPIObject {
  widgetCached ??= generateOpenApiDocument(widgetRouter, {
    title: "Caseboard chat widget API",
    version: pkg.version,
    description: [
      "What a website's chat widget calls, for visitors (not members). Every path names the widget's public id (`data-tenant` in the embed snippet).",
      "Start with `POST /{widgetId}/session` (with the host site's signed identity, if any) and send the answer's `visitorToken` as the `x-visitor-token` header afterwards.",
      "Live events: `GET /{widgetId}/events` (text/event-stream) sends `{type: message|typing|seen}` objects; reconnect with Last-Event-ID.",
      "Browser pages may call only from the widget's allowed websites. Errors are `{ code, message, details, requestId }` with the matching HTTP status.",
    ].join("\n\n"),
    baseUrl: "/api/widget/v1",
  });
  return { ...widgetCached, servers: [{ url: `${origin}/api/widget/v1` }] };
}
